/** The clean tree the corruption tables corrupt, the paths they name, and helpers they share. */
import { cleanTree } from './clean-tree.fixture.js';
import { at } from './corrupt.fixture.js';
import type { TreeFile } from './finding.js';

export const k8s = 'generated/k8s/dev';
export const grant = `${k8s}/routes/referencegrant-sample-apps.yaml`;
export const route = `${k8s}/routes/httproute-app1.yaml`;
export const gateway = `${k8s}/gateway/gateway.yaml`;
export const namespace = `${k8s}/namespaces/sample-apps.yaml`;
export const backend = `${k8s}/backends/sample-apps/sample-app-1.yaml`;
export const namespacePolicies = `${k8s}/backends/sample-apps/_namespace-policies.yaml`;
export const kong = 'deck/dev/kong.yaml';
export const container = (d: unknown) => at(d, 'spec', 'template', 'spec', 'containers', 0);
export const kongService = (d: unknown) => at(d, 'services', 0);
export const servingCert = `${k8s}/pki/certificate-gateway.yaml`;
export const kongClientCert = `${k8s}/pki/certificate-kong-client.yaml`;
export const gatewayObject = 'Gateway/istio-ingress/kong-cloud-gw-gateway';
/** The Gateway's listeners: `http` (only the HTTPS redirect) first, then `https`. */
export const httpsListener = 1;
export const kongServiceObject = 'KongService/sample-apps.sample-app-1';

/** One corruption of the clean tree and the findings it must cause. */
export interface CorruptionCase {
  readonly name: string;
  readonly files: TreeFile[];
  readonly rule: string;
  readonly object: string;
  readonly message: string;
  /** Every other finding the corruption causes, as [rule, object]: the set must be exact. */
  readonly also?: readonly (readonly [rule: string, object: string])[];
}

/**
 * Fake secrets, assembled at run time so that no committed non-test file carries a literal
 * private-key marker or token (secret scanners read fixtures too).
 */
export const pemLine = (edge: 'BEGIN' | 'END', kind: string) =>
  ['-----', edge, ' ', kind, 'PRIVATE KEY', '-----'].join('');
export const fakeAwsKeyId = ['AKIA', 'IOSFODNN7EXAMPLE'].join('');
export const fakeKonnectToken = ['kpat', '_0123456789abcdefghijABCDEFGHIJ'].join('');

export const tree = cleanTree();
