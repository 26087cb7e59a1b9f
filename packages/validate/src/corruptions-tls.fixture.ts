import { deckEnv } from './clean-tree.fixture.js';
import { at, corrupt } from './corrupt.fixture.js';
import {
  type CorruptionCase,
  fakeAwsKeyId,
  fakeKonnectToken,
  gateway,
  gatewayObject,
  httpsListener,
  kong,
  kongClientCert,
  kongService,
  kongServiceObject,
  pemLine,
  servingCert,
  tree,
} from './corruption-setup.fixture.js';

/** Corruptions caught by the rules on secrets, certificates and the TLS chain between Kong and the gateway. */
export const tlsCorruptions: readonly CorruptionCase[] = [
  {
    name: 'inline a JWT secret',
    files: corrupt(tree, kong, 0, (d) => {
      at(d, 'consumers', 0, 'jwt_secrets', 0).secret = 'q8Zr2xVt7Lm4Np9Kc3Wd6Hs1Fb5Jg0Ye';
    }),
    rule: 'policy/secret-literal',
    object: '-',
    message:
      'consumers[0].jwt_secrets[0].secret: field secret holds a high-entropy literal (32 chars)',
  },
  {
    name: 'inline an AWS access key',
    files: corrupt(tree, gateway, 'ConfigMap', (d) => {
      at(d, 'data').service = `metadata:\n  annotations:\n    key: ${fakeAwsKeyId}\n`;
    }),
    rule: 'policy/secret-literal',
    object: 'ConfigMap/istio-ingress/kong-cloud-gw-gateway-options',
    message: 'data.service: value looks like an AWS access key id',
  },
  {
    name: 'inline a PEM private key',
    files: corrupt(tree, gateway, 'ConfigMap', (d) => {
      at(d, 'data').service = `${pemLine('BEGIN', 'RSA ')}\nMIIE\n${pemLine('END', 'RSA ')}\n`;
    }),
    rule: 'policy/secret-literal',
    also: [
      ['policy/no-private-key', 'ConfigMap/istio-ingress/kong-cloud-gw-gateway-options'],
      ['xlayer/gateway-parameters', 'ConfigMap/istio-ingress/kong-cloud-gw-gateway-options'],
    ],
    object: 'ConfigMap/istio-ingress/kong-cloud-gw-gateway-options',
    message: 'data.service: value looks like a PEM private key',
  },
  {
    name: 'inline a Konnect token',
    files: corrupt(tree, kong, 0, (d) => {
      d._info = { select_tags: ['routeplane'], note: fakeKonnectToken };
    }),
    rule: 'policy/secret-literal',
    object: '-',
    message: '_info.note: value looks like a Konnect access token',
  },
  {
    name: 'reference a non-DECK variable',
    files: corrupt(tree, kong, 0, (d) => {
      kongService(d).host = deckEnv('UPSTREAM');
    }),
    rule: 'policy/secret-literal',
    object: '-',
    message: 'services[0].host: env reference "UPSTREAM" must name a DECK_* variable',
  },
  {
    name: 'turn off verification of the Gateway certificate',
    files: corrupt(tree, kong, 0, (d) => {
      kongService(d).tls_verify = false;
    }),
    rule: 'policy/kong-tls-verify',
    object: '-',
    message:
      'tls_verify must be true with ca_certificates on every service (the gateway CA, gateway.pki), but ["sample-apps.sample-app-1"] do not verify the Gateway certificate',
  },
  {
    name: 'drop the TLS certificateRef',
    files: corrupt(tree, gateway, 'Gateway', (d) => {
      delete at(d, 'spec', 'listeners', httpsListener).tls;
    }),
    rule: 'xlayer/gateway-tls',
    object: 'Gateway/istio-ingress/kong-cloud-gw-gateway',
    message: 'listener "https" tls.certificateRefs must name the TLS Secret, but none was given',
  },
  {
    name: 'drop the serving Certificate (the seed made the Secret with a script)',
    files: corrupt(tree, servingCert, 0, () => null),
    rule: 'xlayer/gateway-certificate-source',
    also: [['xlayer/gateway-certificate-source', 'Gateway/istio-ingress/kong-cloud-gw-gateway']],
    object: gatewayObject,
    message:
      'listener "https" certificateRef Secret istio-ingress/kong-cloud-gw-gateway-tls is produced by no rendered Certificate',
  },
  {
    name: 'issue the certificates in the same wave as the gateway',
    files: corrupt(tree, 'argocd/dev/apps/pki.yaml', 0, (d) => {
      at(d, 'metadata', 'annotations')['argocd.argoproj.io/sync-wave'] = '5';
    }),
    rule: 'xlayer/gateway-certificate-source',
    also: [['xlayer/gateway-certificate-source', 'Gateway/istio-ingress/kong-cloud-gw-gateway']],
    object: gatewayObject,
    message:
      'listener "https" certificateRef Secret istio-ingress/kong-cloud-gw-gateway-tls comes from Certificate/istio-ingress/kong-cloud-gw-gateway-tls in Application routeplane-dev-pki (wave 5); expected a wave < 5',
  },
  {
    name: 'issue the serving certificate from another CA than the one Kong trusts',
    files: corrupt(tree, servingCert, 0, (d) => {
      at(d, 'spec', 'issuerRef').name = 'other-ca';
    }),
    rule: 'xlayer/kong-trusts-gateway-ca',
    also: [['xlayer/kong-client-certificate', 'KongService/sample-apps.sample-app-1']],
    object: kongServiceObject,
    message:
      'Kong trusts DECK_GATEWAY_CA_CERT (ca.crt of Certificate/cert-manager/kong-gateway-client, issuer ClusterIssuer/routeplane-gateway-ca), but Gateway/istio-ingress/kong-cloud-gw-gateway listener "https" serves Certificate/istio-ingress/kong-cloud-gw-gateway-tls, issued by ClusterIssuer/other-ca',
  },
  {
    name: 'paste a CA into kong.yaml (a second source of truth)',
    files: corrupt(tree, kong, 0, (d) => {
      at(d, 'ca_certificates', 0).cert =
        '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';
    }),
    rule: 'xlayer/kong-trusts-gateway-ca',
    object: kongServiceObject,
    message: `cert must be a ${deckEnv('DECK_...')} reference filled from the cluster CA`,
  },
  {
    name: 'fill the CA variable from nothing in the cluster',
    files: corrupt(tree, kong, 0, (d) => {
      at(d, 'ca_certificates', 0).cert = deckEnv('DECK_SOME_CA');
    }),
    rule: 'xlayer/kong-trusts-gateway-ca',
    object: kongServiceObject,
    message: 'ca_certificate cert DECK_SOME_CA is filled from no rendered Certificate',
  },
  {
    name: 'trust ca.crt of a certificate issued by the self-signed bootstrap issuer',
    files: corrupt(tree, kongClientCert, 0, (d) => {
      at(d, 'spec', 'issuerRef').name = 'routeplane-gateway-ca-selfsigned';
    }),
    rule: 'xlayer/kong-trusts-gateway-ca',
    also: [
      ['xlayer/kong-client-certificate', 'KongService/sample-apps.sample-app-1'],
      ['xlayer/kong-trusts-gateway-ca', 'KongService/sample-apps.sample-app-1'],
    ],
    object: kongServiceObject,
    message: 'which is SelfSigned: ca.crt would be that certificate itself, not a CA',
  },
  {
    name: 'drop the client certificate Kong presents',
    files: corrupt(tree, kong, 0, (d) => {
      delete kongService(d).client_certificate;
    }),
    rule: 'xlayer/kong-client-certificate',
    object: kongServiceObject,
    message:
      'client_certificate must name a certificates entry: Gateway/istio-ingress/kong-cloud-gw-gateway listener "https" on port 443 demands a client certificate, but nothing was given',
  },
  {
    name: "issue Kong's client certificate from a CA the listener does not trust",
    files: corrupt(tree, kongClientCert, 0, (d) => {
      at(d, 'spec', 'issuerRef').name = 'other-ca';
    }),
    rule: 'xlayer/kong-client-certificate',
    also: [['xlayer/kong-trusts-gateway-ca', 'KongService/sample-apps.sample-app-1']],
    object: kongServiceObject,
    message:
      'presents Certificate/cert-manager/kong-gateway-client (issuer ClusterIssuer/other-ca), but Gateway/istio-ingress/kong-cloud-gw-gateway listener "https" on port 443 trusts ca.crt of Certificate/istio-ingress/kong-cloud-gw-gateway-tls (issuer ClusterIssuer/routeplane-gateway-ca)',
  },
  {
    name: 'give the client key as a literal',
    files: corrupt(tree, kong, 0, (d) => {
      at(d, 'certificates', 0).key = 'not-a-reference';
    }),
    rule: 'policy/no-private-key',
    also: [['xlayer/kong-client-certificate', 'KongService/sample-apps.sample-app-1']],
    object: 'certificates[0]',
    message: `key must be a ${deckEnv('DECK_...')} reference, but a literal was given`,
  },
  {
    name: 'hide a base64 PEM key in a ConfigMap',
    files: corrupt(tree, gateway, 'ConfigMap', (d) => {
      at(d, 'data').extra = Buffer.from(
        `${pemLine('BEGIN', 'EC ')}\nMHcCAQEEIB\n${pemLine('END', 'EC ')}\n`,
      ).toString('base64');
    }),
    rule: 'policy/no-private-key',
    also: [['xlayer/gateway-parameters', 'ConfigMap/istio-ingress/kong-cloud-gw-gateway-options']],
    object: 'ConfigMap/istio-ingress/kong-cloud-gw-gateway-options',
    message: 'data.extra holds a private key (PEM or base64 PEM)',
  },
  {
    name: 'render the serving Secret itself',
    files: corrupt(tree, servingCert, 0, () => ({
      apiVersion: 'v1',
      kind: 'Secret',
      type: 'kubernetes.io/tls',
      metadata: { name: 'kong-cloud-gw-gateway-tls', namespace: 'istio-ingress' },
      data: { 'tls.crt': '', 'tls.key': '' },
    })),
    rule: 'policy/no-private-key',
    also: [
      ['xlayer/gateway-certificate-source', 'Gateway/istio-ingress/kong-cloud-gw-gateway'],
      ['xlayer/gateway-certificate-source', 'Gateway/istio-ingress/kong-cloud-gw-gateway'],
      ['policy/secret-literal', 'Secret/istio-ingress/kong-cloud-gw-gateway-tls'],
      ['policy/secret-literal', 'Secret/istio-ingress/kong-cloud-gw-gateway-tls'],
    ],
    object: 'Secret/istio-ingress/kong-cloud-gw-gateway-tls',
    message: 'a TLS Secret (["tls.key"]) must not be rendered',
  },
  {
    name: 'stop demanding client certificates (any VPC caller reaches the backends)',
    files: corrupt(tree, gateway, 'Gateway', (d) => {
      delete at(d, 'spec').tls;
    }),
    rule: 'policy/gateway-client-auth',
    also: [['policy/gateway-client-auth', gatewayObject]],
    object: gatewayObject,
    message:
      'a caller at 10.0.0.0 without a client certificate reaches Service/sample-apps/sample-app-1 Gateway/istio-ingress/kong-cloud-gw-gateway listener "https" (port 443) -> HTTPRoute/istio-ingress/app1',
  },
  {
    name: 'let clients without a certificate fall back',
    files: corrupt(tree, gateway, 'Gateway', (d) => {
      at(d, 'spec', 'tls', 'frontend', 'default', 'validation').mode = 'AllowInsecureFallback';
    }),
    rule: 'policy/gateway-client-auth',
    also: [['policy/gateway-client-auth', gatewayObject]],
    object: gatewayObject,
    message:
      'a caller at 10.0.0.0 without a client certificate reaches Service/sample-apps/sample-app-1',
  },
];
