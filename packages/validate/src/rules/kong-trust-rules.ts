import { arr, isObject, type JsonObject, obj, show, str } from '../json.js';
import { envRule, type Rule } from '../rule.js';
import {
  certificateFilling,
  certificateForSecret,
  deckEnvAnnotation,
  deckVariable,
  demandsClientCertificate,
  envRefShape,
  issuerObject,
  issuerOf,
  listenerTls,
  refTarget,
} from '../tls-chain.js';
import type { EnvTree } from '../tree-index.js';

/** decK entities of one top-level list, by id. */
function entitiesById(deck: JsonObject, list: string): ReadonlyMap<string, JsonObject> {
  return new Map(
    // Stryker disable next-line MethodExpression: decK's schema makes every entry an object
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

/** The issuer of every serving certificate the Gateways present, with the listener naming it. */
function servingIssuers(env: EnvTree): { readonly what: string; readonly issuer: string }[] {
  return listenerTls(env).flatMap((l) =>
    l.certificateRefs.flatMap((ref) => {
      // Stryker disable next-line StringLiteral: the lookup reads only namespace and name
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

/** Kong's side of the mTLS chain: the CA it trusts and the client certificate it presents. */
export const kongTrustRules: readonly Rule[] = [
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
            // Stryker disable next-line OptionalChaining,ArrayDeclaration: clientValidation is set
            for (const ref of l.clientValidation?.caCertificateRefs ?? []) {
              // Stryker disable next-line StringLiteral: any default but Secret is skipped alike
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
];
