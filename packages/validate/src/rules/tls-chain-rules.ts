import { arr, isObject, type JsonObject, obj, show, str } from '../json.js';
import { admittedOutsiders, backendPaths } from '../reachability.js';
import { envRule, fileRule, type Reporter, type Rule } from '../rule.js';
import {
  applicationOf,
  certificateFilling,
  certificateForSecret,
  deckEnvAnnotation,
  deckVariable,
  demandsClientCertificate,
  issuerObject,
  issuerOf,
  type ListenerTls,
  listenerTls,
  refTarget,
} from '../tls-chain.js';
import { type EnvTree, objectId, ofKind } from '../tree-index.js';
import { wave } from './argocd-rules.js';

/** How a decK environment reference looks, for messages. */
const envRefShape = '$' + '{{ env "DECK_..." }}';

/** A PEM private key block, or the base64 of one (as in a Secret's data or a Helm value). */
const pemKey = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;
const base64Pem = /LS0tLS1CRUdJTi[A-Za-z0-9+/=]{20,}/g;

function hidesPrivateKey(value: string): boolean {
  if (pemKey.test(value)) return true;
  for (const [encoded] of value.matchAll(base64Pem)) {
    if (pemKey.test(Buffer.from(encoded, 'base64').toString('latin1'))) return true;
  }
  return false;
}

function* leaves(value: unknown, path = ''): Generator<readonly [string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* leaves(item, `${path}[${i}]`);
  } else if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) yield* leaves(v, path ? `${path}.${k}` : k);
  }
}

/** decK entities of one top-level list, by id. */
function entitiesById(deck: JsonObject, list: string): ReadonlyMap<string, JsonObject> {
  return new Map(
    arr(deck, list)
      .filter(isObject)
      .map((e) => [str(e, 'id') ?? '', e]),
  );
}

/** The services of a decK file with the object name findings use. */
function kongServices(deck: JsonObject): { service: JsonObject; object: string }[] {
  return arr(deck, 'services')
    .filter(isObject)
    .map((service) => ({ service, object: `KongService/${str(service, 'name') ?? '?'}` }));
}

/** The Certificate that produces a listener's Secret, checked for existence and wave. */
function checkProducedEarlier(
  env: EnvTree,
  l: ListenerTls,
  what: string,
  ref: JsonObject,
  r: Reporter,
): void {
  const target = refTarget(ref, l.gateway, 'Secret');
  const listener = `listener ${show(l.listener)} ${what} ${target.kind} ${target.namespace}/${target.name}`;
  if (target.kind === 'ConfigMap') {
    const cm = env.objects.find(
      (o) => o.id === objectId('ConfigMap', target.namespace, target.name),
    );
    if (!cm)
      r.on(l.gateway, `${listener} is rendered nowhere: nothing creates it on a fresh cluster`);
    return;
  }
  const cert = certificateForSecret(env, target.namespace, target.name);
  if (!cert) {
    r.on(
      l.gateway,
      `${listener} is produced by no rendered Certificate: on a fresh cluster the listener stays ResolvedRefs=False and Argo CD reports the Gateway Degraded`,
    );
    return;
  }
  const certApp = applicationOf(env, cert);
  const gatewayApp = applicationOf(env, l.gateway);
  if (!certApp || !gatewayApp) {
    r.on(l.gateway, `${listener} comes from ${cert.id}, which no Application deploys`);
    return;
  }
  if (wave(certApp) >= wave(gatewayApp)) {
    r.on(
      l.gateway,
      `${listener} comes from ${cert.id} in Application ${certApp.name} (wave ${wave(certApp)}); expected a wave < ${wave(gatewayApp)}, the wave of ${gatewayApp.name} that deploys the Gateway`,
    );
  }
}

/** The issuer of every serving certificate the Gateways present, with the listener naming it. */
function servingIssuers(env: EnvTree): { readonly what: string; readonly issuer: string }[] {
  return listenerTls(env).flatMap((l) =>
    l.certificateRefs.flatMap((ref) => {
      const t = refTarget(ref, l.gateway, 'Secret');
      const cert = certificateForSecret(env, t.namespace, t.name);
      return cert
        ? [
            {
              what: `${l.gateway.id} listener ${show(l.listener)} serves ${cert.id}`,
              issuer: issuerOf(cert),
            },
          ]
        : [];
    }),
  );
}

const chainRules: readonly Rule[] = [
  envRule(
    'xlayer/gateway-certificate-source',
    "The listener's certificateRef (and client CA) is produced by a rendered object in an earlier wave",
    (env, r) => {
      for (const l of listenerTls(env)) {
        for (const ref of l.certificateRefs) checkProducedEarlier(env, l, 'certificateRef', ref, r);
        for (const ref of l.clientValidation?.caCertificateRefs ?? [])
          checkProducedEarlier(env, l, 'client caCertificateRef', ref, r);
      }
    },
  ),
  envRule(
    'xlayer/kong-trusts-gateway-ca',
    'The CA Kong trusts is the CA that issues the serving certificate',
    (env, r) => {
      const serving = servingIssuers(env);
      for (const deck of env.deck) {
        const cas = entitiesById(deck.doc, 'ca_certificates');
        for (const { service, object } of kongServices(deck.doc)) {
          for (const id of arr(service, 'ca_certificates')) {
            const ca = cas.get(String(id));
            if (!ca) {
              r.at(
                deck.file,
                object,
                `ca_certificates names ${show(id)}, which no ca_certificates entry has as id`,
              );
              continue;
            }
            const variable = deckVariable(ca.cert);
            if (!variable) {
              r.at(
                deck.file,
                object,
                `ca_certificate ${show(id)} cert must be a ${envRefShape} reference filled from the cluster CA (one source of truth), but a literal was given`,
              );
              continue;
            }
            const source = certificateFilling(env, deckEnvAnnotation.caCertificate, variable);
            if (!source) {
              r.at(
                deck.file,
                object,
                `ca_certificate cert ${variable} is filled from no rendered Certificate (annotation ${deckEnvAnnotation.caCertificate}): nothing ties it to the CA that issues the serving certificate`,
              );
              continue;
            }
            const issuer = issuerObject(env, source);
            if (issuer && obj(issuer.doc, 'spec', 'selfSigned') !== undefined) {
              r.at(
                deck.file,
                object,
                `${variable} is ca.crt of ${source.id}, issued by ${issuer.id}, which is SelfSigned: ca.crt would be that certificate itself, not a CA`,
              );
            }
            for (const s of serving.filter((x) => x.issuer !== issuerOf(source))) {
              r.at(
                deck.file,
                object,
                `Kong trusts ${variable} (ca.crt of ${source.id}, issuer ${issuerOf(source)}), but ${s.what}, issued by ${s.issuer}: the handshake would fail`,
              );
            }
          }
        }
      }
    },
  ),
  envRule(
    'xlayer/kong-client-certificate',
    'Kong presents a client certificate signed by the listener CA wherever the listener demands one',
    (env, r) => {
      const demanding = listenerTls(env).filter(demandsClientCertificate);
      for (const deck of env.deck) {
        const certs = entitiesById(deck.doc, 'certificates');
        for (const { service, object } of kongServices(deck.doc)) {
          const port = service.port;
          for (const l of demanding.filter((x) => x.port === port)) {
            const at = `${l.gateway.id} listener ${show(l.listener)} on port ${l.port}`;
            const id = str(service, 'client_certificate');
            const cert = id === undefined ? undefined : certs.get(id);
            if (!cert) {
              r.at(
                deck.file,
                object,
                `client_certificate must name a certificates entry: ${at} demands a client certificate, but ${show(id)} was given`,
              );
              continue;
            }
            const certVar = deckVariable(cert.cert);
            const keyVar = deckVariable(cert.key);
            if (!certVar || !keyVar) {
              r.at(
                deck.file,
                object,
                `certificate ${show(id)} cert and key must be ${envRefShape} references, never literals`,
              );
              continue;
            }
            const source = certificateFilling(env, deckEnvAnnotation.certificate, certVar);
            if (
              !source ||
              str(source.doc, 'metadata', 'annotations', deckEnvAnnotation.key) !== keyVar
            ) {
              r.at(
                deck.file,
                object,
                `certificate ${show(id)} (${certVar}, ${keyVar}) is filled from no rendered Certificate (annotations ${deckEnvAnnotation.certificate} and ${deckEnvAnnotation.key})`,
              );
              continue;
            }
            for (const ref of l.clientValidation?.caCertificateRefs ?? []) {
              const t = refTarget(ref, l.gateway, 'ConfigMap');
              const trusted =
                t.kind === 'Secret' ? certificateForSecret(env, t.namespace, t.name) : undefined;
              if (trusted && issuerOf(trusted) !== issuerOf(source)) {
                r.at(
                  deck.file,
                  object,
                  `presents ${source.id} (issuer ${issuerOf(source)}), but ${at} trusts ca.crt of ${trusted.id} (issuer ${issuerOf(trusted)}): the gateway would refuse Kong`,
                );
              }
            }
          }
        }
      }
    },
  ),
  fileRule('policy/no-private-key', 'No private key anywhere in the rendered tree', (file, r) => {
    for (const doc of file.documents) {
      const id =
        isObject(doc) && typeof doc.kind === 'string'
          ? objectId(
              doc.kind,
              str(doc, 'metadata', 'namespace') ?? '',
              str(doc, 'metadata', 'name') ?? '',
            )
          : '-';
      for (const [path, value] of leaves(doc)) {
        if (hidesPrivateKey(value)) {
          r.at(
            file.path,
            id,
            `${path || '(value)'} holds a private key (PEM or base64 PEM): keys stay in the cluster (cert-manager) or in DECK_* variables`,
          );
        }
      }
      if (isObject(doc) && doc.kind === 'Secret') {
        const keys = Object.keys({
          ...(isObject(doc.data) ? doc.data : {}),
          ...(isObject(doc.stringData) ? doc.stringData : {}),
        });
        const keyish = keys.filter((k) => /(^|\.)key$|private/i.test(k));
        if (str(doc, 'type') === 'kubernetes.io/tls' || keyish.length > 0) {
          r.at(
            file.path,
            id,
            `a TLS Secret (${show(keyish)}) must not be rendered: cert-manager issues it in the cluster`,
          );
        }
      }
      if (file.path.startsWith('deck/')) {
        for (const [i, cert] of arr(doc, 'certificates').entries()) {
          if (isObject(cert) && cert.key !== undefined && !deckVariable(cert.key)) {
            r.at(
              file.path,
              `certificates[${i}]`,
              `key must be a ${envRefShape} reference, but a literal was given`,
            );
          }
        }
      }
    }
  }),
];

/**
 * No caller outside the mesh reaches a backend without Kong's client certificate: for every
 * address range the gateway's NetworkPolicies admit (the VPC for the NLB's IP targets, Kong's
 * network), the reachability model (reachability.ts) must find no path.
 */
export const gatewayClientAuthRule: Rule = envRule(
  'policy/gateway-client-auth',
  'A caller from the admitted networks without the client certificate reaches no backend',
  (env, r) => {
    for (const ip of admittedOutsiders(env)) {
      for (const path of backendPaths(env, { ip })) {
        const gateway = ofKind(env, 'Gateway')[0];
        const message = `a caller at ${ip} without a client certificate reaches ${path.backend} ${path.via}: demand a client certificate (spec.tls.frontend, AllowValidOnly) on every listener it can reach`;
        if (gateway) r.on(gateway, message);
        else r.at('-', path.backend, message);
      }
    }
  },
);

export const tlsChainRules: readonly Rule[] = [...chainRules, gatewayClientAuthRule];
