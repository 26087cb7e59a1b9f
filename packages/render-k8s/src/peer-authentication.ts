import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';
import type { PeerAuthenticationSpec } from './crd-types.js';

/** Namespace-wide mTLS STRICT: ztunnel refuses plaintext to every enrolled pod. */
export function strictPeerAuthentication(scope: Construct): ApiObject {
  const spec: PeerAuthenticationSpec = { mtls: { mode: 'STRICT' } };
  return new ApiObject(scope, 'peer-authentication', {
    apiVersion: 'security.istio.io/v1',
    kind: 'PeerAuthentication',
    metadata: { name: 'default' },
    spec,
  });
}
