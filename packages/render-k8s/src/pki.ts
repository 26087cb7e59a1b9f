import type { CertificateModel, GatewayModel, KongModel } from '@routeplane/model';
import { ApiObject } from 'cdk8s';
import { type K8sObject, synthObjects } from './synth.js';

const certManagerApi = 'cert-manager.io/v1';

/**
 * Annotations naming the DECK_* variables CI fills from a Certificate's Secret (`ca.crt`, `tls.crt`,
 * `tls.key`). They tie kong.yaml to the Secret cert-manager writes, so `routeplane validate` can
 * check that Kong trusts and presents what the gateway serves and demands.
 */
export const deckEnvAnnotations = {
  caCertificate: 'routeplane.dev/deck-env-ca-crt',
  certificate: 'routeplane.dev/deck-env-tls-crt',
  key: 'routeplane.dev/deck-env-tls-key',
} as const;

/** Argo CD applies the chain in order inside the pki child: root, CA issuer, then the leaves. */
const syncWave = (wave: number) => ({ 'argocd.argoproj.io/sync-wave': String(wave) });

function clusterIssuerRef(name: string) {
  return { group: 'cert-manager.io', kind: 'ClusterIssuer', name };
}

/**
 * A Certificate with an ECDSA P-256 key. Leaves get a fresh key at every renewal; the CA keeps its
 * key (rotationPolicy Never) so a renewed CA certificate has the same subject and key, and every
 * leaf verifies against the old and the new CA certificate alike: renewing the CA breaks no trust.
 */
function certificate(
  scope: Parameters<Parameters<typeof synthObjects>[1]>[0],
  cert: CertificateModel,
  issuer: string,
  options: {
    readonly isCA: boolean;
    readonly wave: number;
    readonly annotations?: Record<string, string>;
  },
): void {
  new ApiObject(scope, `certificate-${cert.namespace}-${cert.name}`, {
    apiVersion: certManagerApi,
    kind: 'Certificate',
    metadata: {
      name: cert.name,
      namespace: cert.namespace,
      annotations: { ...syncWave(options.wave), ...options.annotations },
    },
    spec: {
      secretName: cert.secretName,
      ...(cert.commonName === undefined ? {} : { commonName: cert.commonName }),
      ...(cert.dnsNames.length > 0 ? { dnsNames: [...cert.dnsNames] } : {}),
      ...(options.isCA ? { isCA: true } : {}),
      duration: cert.duration,
      renewBefore: cert.renewBefore,
      usages: [...cert.usages],
      privateKey: {
        algorithm: 'ECDSA',
        size: 256,
        rotationPolicy: options.isCA ? 'Never' : 'Always',
      },
      issuerRef: clusterIssuerRef(issuer),
    },
  });
}

/**
 * The environment's private CA: a SelfSigned ClusterIssuer that only bootstraps the root, the root
 * Certificate in cert-manager's namespace (the key is generated there and never leaves the cluster),
 * and the CA ClusterIssuer that signs every leaf with it.
 */
export function caObjects(gateway: GatewayModel): K8sObject[] {
  const { pki } = gateway;
  return synthObjects(undefined, (scope) => {
    new ApiObject(scope, 'selfsigned', {
      apiVersion: certManagerApi,
      kind: 'ClusterIssuer',
      metadata: { name: pki.selfSignedIssuer, annotations: syncWave(0) },
      spec: { selfSigned: {} },
    });
    certificate(scope, pki.ca, pki.selfSignedIssuer, { isCA: true, wave: 0 });
    new ApiObject(scope, 'ca-issuer', {
      apiVersion: certManagerApi,
      kind: 'ClusterIssuer',
      metadata: { name: pki.caIssuer, annotations: syncWave(1) },
      // A ClusterIssuer reads its Secret from cert-manager's cluster resource namespace (its own).
      spec: { ca: { secretName: pki.ca.secretName } },
    });
  });
}

/** The gateway listener's serving certificate: the Secret `gateway.tlsSecretName` beside the Gateway. */
export function servingCertificateObjects(gateway: GatewayModel): K8sObject[] {
  return synthObjects(undefined, (scope) => {
    certificate(scope, gateway.pki.serving, gateway.pki.caIssuer, { isCA: false, wave: 2 });
  });
}

/** Kong's client certificate; CI reads its Secret into the DECK_* variables the annotations name. */
export function kongClientCertificateObjects(gateway: GatewayModel, kong: KongModel): K8sObject[] {
  return synthObjects(undefined, (scope) => {
    certificate(scope, gateway.pki.kongClient, gateway.pki.caIssuer, {
      isCA: false,
      wave: 2,
      annotations: {
        [deckEnvAnnotations.caCertificate]: kong.upstream.caCertificateEnv,
        [deckEnvAnnotations.certificate]: kong.upstream.clientCertificateEnv,
        [deckEnvAnnotations.key]: kong.upstream.clientKeyEnv,
      },
    });
  });
}
