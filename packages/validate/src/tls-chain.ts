import { wholeDeckVariable } from '@routeplane/model';
import { arr, isObject, type JsonObject, num, obj, str } from './json.js';
import { localPaths } from './rules/argocd-rules.js';
import { type EnvTree, type K8sObject, ofKind } from './tree-index.js';

/**
 * Facts of the TLS chain read from the rendered tree: which cert-manager Certificate produces a
 * Secret, who issues it, which DECK_ variables CI fills from its Secret (annotations written by
 * render-k8s pki.ts), and what a Gateway listener demands from clients.
 */

/** Annotations naming the DECK_* variables CI fills from a Certificate's Secret. */
export const deckEnvAnnotation = {
  caCertificate: 'routeplane.dev/deck-env-ca-crt',
  certificate: 'routeplane.dev/deck-env-tls-crt',
  key: 'routeplane.dev/deck-env-tls-key',
} as const;

/** The variable of a whole-value `${{ env "DECK_X" }}`, or undefined for anything else. */
export const deckVariable: (value: unknown) => string | undefined = wholeDeckVariable;

/** How a decK environment reference looks, for messages. */
export const envRefShape = '$' + '{{ env "DECK_..." }}';

export function certificates(env: EnvTree): readonly K8sObject[] {
  return ofKind(env, 'Certificate').filter((c) => c.apiVersion.startsWith('cert-manager.io/'));
}

/** The Certificate whose Secret is `namespace/name`, if one is rendered. */
export function certificateForSecret(
  env: EnvTree,
  namespace: string,
  name: string,
): K8sObject | undefined {
  return certificates(env).find(
    (c) => c.namespace === namespace && str(c.doc, 'spec', 'secretName') === name,
  );
}

/** `ClusterIssuer/<name>` or `Issuer/<namespace>/<name>`: one key per issuing CA. */
export function issuerOf(cert: K8sObject): string {
  const ref = obj(cert.doc, 'spec', 'issuerRef');
  const kind = str(ref, 'kind') ?? 'Issuer';
  const name = str(ref, 'name') ?? '';
  return kind === 'ClusterIssuer' ? `ClusterIssuer/${name}` : `${kind}/${cert.namespace}/${name}`;
}

/** The rendered issuer object of a Certificate, if any. */
export function issuerObject(env: EnvTree, cert: K8sObject): K8sObject | undefined {
  return env.objects.find(
    (o) => (o.kind === 'ClusterIssuer' || o.kind === 'Issuer') && o.id === issuerOf(cert),
  );
}

/** Certificates annotated with `variable` under `annotation`. */
export function certificateFilling(
  env: EnvTree,
  annotation: string,
  variable: string,
): K8sObject | undefined {
  return certificates(env).find(
    (c) => str(c.doc, 'metadata', 'annotations', annotation) === variable,
  );
}

/** The Application whose rendered path holds the object's file, if any. */
export function applicationOf(env: EnvTree, object: K8sObject): K8sObject | undefined {
  return ofKind(env, 'Application').find((app) =>
    localPaths(app).some((path) => object.file.startsWith(`${path}/`)),
  );
}

export interface ListenerTls {
  readonly gateway: K8sObject;
  readonly listener: string;
  readonly port: number;
  readonly protocol: string;
  readonly certificateRefs: readonly JsonObject[];
  /** Client-certificate validation in force for this listener, if any (Gateway API v1.6). */
  readonly clientValidation?: {
    readonly caCertificateRefs: readonly JsonObject[];
    readonly mode: string;
  };
}

/** Every listener of every Gateway with its TLS terms; perPort overrides default (GEP-91). */
export function listenerTls(env: EnvTree): readonly ListenerTls[] {
  return ofKind(env, 'Gateway').flatMap((gateway) => {
    const frontend = obj(gateway.doc, 'spec', 'tls', 'frontend');
    return arr(gateway.doc, 'spec', 'listeners')
      .filter(isObject)
      .map((l): ListenerTls => {
        const port = num(l, 'port') ?? 0;
        const protocol = str(l, 'protocol') ?? '';
        const perPort = arr(frontend, 'perPort')
          .filter(isObject)
          .find((p) => num(p, 'port') === port);
        const config = perPort ? obj(perPort, 'tls') : obj(frontend, 'default');
        const validation = obj(config, 'validation');
        const tlsListener = protocol === 'HTTPS' || protocol === 'TLS';
        return {
          gateway,
          listener: str(l, 'name') ?? '?',
          port,
          protocol,
          certificateRefs: arr(l, 'tls', 'certificateRefs').filter(isObject),
          ...(tlsListener && validation
            ? {
                clientValidation: {
                  caCertificateRefs: arr(validation, 'caCertificateRefs').filter(isObject),
                  mode: str(validation, 'mode') ?? 'AllowValidOnly',
                },
              }
            : {}),
        };
      });
  });
}

/** True when the listener refuses a TLS client without a certificate signed by its CA. */
export function demandsClientCertificate(listener: ListenerTls): boolean {
  const v = listener.clientValidation;
  return v !== undefined && v.mode === 'AllowValidOnly' && v.caCertificateRefs.length > 0;
}

/** `{kind}/{namespace}/{name}` of a Secret or ConfigMap reference made from a Gateway. */
export function refTarget(ref: JsonObject, gateway: K8sObject, defaultKind: string) {
  return {
    kind: str(ref, 'kind') ?? defaultKind,
    namespace: str(ref, 'namespace') ?? gateway.namespace,
    name: str(ref, 'name') ?? '',
  };
}
