import { describe, expect, it } from 'vitest';
import { cleanTree } from '../clean-tree.fixture.js';
import { at, corrupt } from '../corrupt.fixture.js';
import type { TreeFile } from '../finding.js';
import { validateTree } from '../validate-tree.js';

/**
 * xlayer/gateway-certificate-source beyond the corruption table: client CA references to
 * ConfigMaps, references without a kind, and a Certificate no Application deploys.
 */
const rule = 'xlayer/gateway-certificate-source';
const gateway = 'generated/k8s/dev/gateway/gateway.yaml';
const gatewayObject = 'Gateway/istio-ingress/kong-cloud-gw-gateway';
type Edit = Parameters<typeof corrupt>[3];

function findings(files: readonly TreeFile[]): string[] {
  return validateTree({ files, waivers: [] })
    .filter((f) => f.rule === rule)
    .map((f) => `${f.object}: ${f.message}`);
}
const onGateway = (edit: Edit) => findings(corrupt(cleanTree(), gateway, 'Gateway', edit));
const clientCaRefs = (d: unknown) =>
  at(d, 'spec', 'tls', 'frontend', 'default', 'validation') as Record<string, unknown>;

describe(rule, () => {
  it.each<[string, Edit, string[]]>([
    [
      'a client CA ConfigMap nothing renders',
      (d) => {
        clientCaRefs(d).caCertificateRefs = [{ group: '', kind: 'ConfigMap', name: 'gateway-ca' }];
      },
      [
        `${gatewayObject}: listener "https" client caCertificateRef ConfigMap istio-ingress/gateway-ca is rendered nowhere: nothing creates it on a fresh cluster`,
      ],
    ],
    [
      'a client CA ConfigMap the tree renders',
      (d) => {
        clientCaRefs(d).caCertificateRefs = [
          { group: '', kind: 'ConfigMap', name: 'kong-cloud-gw-gateway-options' },
        ];
      },
      [],
    ],
    [
      'a certificateRef without kind (a Secret) that no Certificate produces',
      (d) => {
        at(d, 'spec', 'listeners', 1, 'tls').certificateRefs = [{ name: 'other-tls' }];
      },
      [
        `${gatewayObject}: listener "https" certificateRef Secret istio-ingress/other-tls is produced by no rendered Certificate: on a fresh cluster the listener stays ResolvedRefs=False and Argo CD reports the Gateway Degraded`,
      ],
    ],
  ])('checks %s', (_name, edit, expected) => {
    expect(onGateway(edit)).toEqual(expected);
  });

  it('reports a Certificate that no Application deploys', () => {
    const files = cleanTree().filter((f) => f.path !== 'argocd/dev/apps/pki.yaml');
    expect(findings(files)).toEqual(
      ['certificateRef', 'client caCertificateRef'].map(
        (what) =>
          `${gatewayObject}: listener "https" ${what} Secret istio-ingress/kong-cloud-gw-gateway-tls comes from Certificate/istio-ingress/kong-cloud-gw-gateway-tls, which no Application deploys`,
      ),
    );
  });
});
