import { type BadCatalog, shipped } from './bad-catalog-edits.js';

/** Bad catalogs whose mistake sits in gateway. */
export const gatewayMistakes: readonly BadCatalog[] = [
  [
    'a reserved gateway namespace',
    shipped(['gateway.namespace', 'istio-system']),
    'gateway.namespace: "istio-system" is reserved',
  ],
  [
    'the CA in the gateway namespace',
    shipped(['gateway.pki', { namespace: 'istio-ingress' }]),
    'gateway.pki.namespace: must be a namespace of its own (it holds the CA key), but "istio-ingress" is also',
  ],
  [
    'the CA in a reserved namespace',
    shipped(['gateway.pki', { namespace: 'kube-system' }]),
    'gateway.pki.namespace: "kube-system" is reserved',
  ],
  [
    'a certificate lifetime that is not whole hours',
    shipped(['gateway.pki', { certificateDuration: '90d' }]),
    'gateway.pki.certificateDuration',
  ],
  [
    'the same port for HTTP and HTTPS',
    shipped(['gateway.httpPort', 443]),
    'gateway.httpsPort: must differ from httpPort, but both are 443',
  ],
];
