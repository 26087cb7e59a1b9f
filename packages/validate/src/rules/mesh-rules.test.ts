import { describe, expect, it } from 'vitest';
import { cleanTree } from '../clean-tree.fixture.js';
import { at, corrupt, list } from '../corrupt.fixture.js';
import type { TreeFile } from '../finding.js';
import { findingLines } from '../tree-edits.fixture.js';
import { meshRules } from './mesh-rules.js';

/**
 * The mesh checks (ambient enrolment, the gateway's AuthorizationPolicy, ztunnel's L4-only
 * policies, STRICT mTLS) on edits of the clean tree the corruption table does not make, with the
 * exact findings of these rules (other rules' findings about the added objects are not theirs).
 */
const backend = 'generated/k8s/dev/backends/sample-apps/sample-app-1.yaml';
const namespacePolicies = 'generated/k8s/dev/backends/sample-apps/_namespace-policies.yaml';
const gatewayFile = 'generated/k8s/dev/gateway/gateway.yaml';
const gatewayPolicies = 'generated/k8s/dev/gateway/policies.yaml';
const gatewayPrincipal = 'cluster.local/ns/istio-ingress/sa/kong-cloud-gw-gateway-istio';

type Doc = Record<string, unknown>;
type Edit = (files: TreeFile[]) => TreeFile[];

const findings = (edit: Edit): string[] => findingLines(edit(cleanTree()), meshRules);

const policy =
  (change: (d: Doc) => Doc | null | undefined): Edit =>
  (files) =>
    corrupt(files, backend, 'AuthorizationPolicy', change);
const firstRule = (d: Doc) => at(d, 'spec', 'rules', 0);
const peer =
  (change: (d: Doc) => Doc | null | undefined): Edit =>
  (files) =>
    corrupt(files, namespacePolicies, 'PeerAuthentication', change);
const serviceLabels = (d: Doc) => at(d, 'metadata', 'labels');
const service =
  (change: (d: Doc) => undefined): Edit =>
  (files) =>
    corrupt(files, backend, 'Service', change);

/** Adds a file of documents to the tree. */
const addFile =
  (path: string, documents: readonly unknown[]): Edit =>
  (files) => [...files, { path, documents: [...documents] }];

/** sample-app-1's documents moved to namespace `ns` (a second backend namespace). */
function backendIn(ns: string, files: readonly TreeFile[]): Doc[] {
  const docs = structuredClone(files.find((f) => f.path === backend)?.documents ?? []) as Doc[];
  for (const d of docs) at(d, 'metadata').namespace = ns;
  return docs;
}
const withBackendIn =
  (ns: string, withNamespace: boolean): Edit =>
  (files) => {
    const namespace = structuredClone(
      files.find((f) => f.path === 'generated/k8s/dev/namespaces/sample-apps.yaml')?.documents[0],
    ) as Doc;
    at(namespace, 'metadata').name = ns;
    return [
      ...files,
      {
        path: `generated/k8s/dev/backends/${ns}/sample-app-1.yaml`,
        documents: backendIn(ns, files),
      },
      ...(withNamespace
        ? [{ path: `generated/k8s/dev/namespaces/${ns}.yaml`, documents: [namespace] }]
        : []),
    ];
  };

/** A second Gateway beside the clean one, of class `className`. */
const withGateway =
  (name: string, className: string): Edit =>
  (files) => {
    const gateway = structuredClone(files.find((f) => f.path === gatewayFile)?.documents[1]) as Doc;
    at(gateway, 'metadata').name = name;
    at(gateway, 'spec').gatewayClassName = className;
    return addFile(`generated/k8s/dev/gateway/${name}.yaml`, [gateway])(files);
  };
const both =
  (...edits: Edit[]): Edit =>
  (files) =>
    edits.reduce((tree, edit) => edit(tree), files);

/** A PeerAuthentication for sample-app-1's pods beside the namespace-wide one. */
const workloadPeer = (spec: Doc): Edit =>
  addFile('generated/k8s/dev/backends/sample-apps/peer-sample-app-1.yaml', [
    {
      apiVersion: 'security.istio.io/v1',
      kind: 'PeerAuthentication',
      metadata: { name: 'sample-app-1', namespace: 'sample-apps' },
      spec: { selector: { matchLabels: { 'app.kubernetes.io/name': 'sample-app-1' } }, ...spec },
    },
  ]);

const deployment = 'Deployment/sample-apps/sample-app-1';
const authz = (principals: string, via = 'gateway', ns = 'sample-apps', object = deployment) =>
  `xlayer/authz-gateway ${object}: no ALLOW AuthorizationPolicy in namespace ${ns} selects the pods and admits the ${via} principal ${principals}`;
const l4 = (message: string) =>
  `policy/ztunnel-l4-only AuthorizationPolicy/sample-apps/sample-app-1: ${message}`;
const ztunnelDeny = 'ztunnel turns this policy into DENY';
const noPeer = (ns: string) =>
  `policy/peer-authentication Deployment/${ns}/sample-app-1: no namespace-wide PeerAuthentication in ${ns}, while other namespaces have one`;

describe('mesh rules', () => {
  it('pass the clean tree', () => {
    expect(findings((files) => files)).toEqual([]);
  });

  describe('xlayer/ambient-enrolment', () => {
    it.each<[string, Edit, string[]]>([
      [
        'a second backend namespace with its ambient Namespace',
        withBackendIn('billing', true),
        [noPeer('billing')],
      ],
      [
        'a second backend namespace without a Namespace object (reported on its own Deployment)',
        withBackendIn('billing', false),
        [
          noPeer('billing'),
          'xlayer/ambient-enrolment Deployment/billing/sample-app-1: namespace billing has no Namespace object in the rendered tree',
        ],
      ],
    ])('checks %s', (_name, edit, expected) => {
      expect(findings(edit)).toEqual(expected);
    });
  });

  describe('xlayer/authz-gateway', () => {
    it.each<[string, Edit, string[]]>([
      [
        'no istio Gateway: nothing to admit, no policy needed',
        both(
          (files) =>
            corrupt(files, gatewayFile, 'Gateway', (d) => {
              at(d, 'spec').gatewayClassName = 'kong';
            }),
          policy(() => null),
        ),
        [],
      ],
      [
        'a waypoint Gateway is no ingress identity',
        both(
          withGateway('sample-waypoint', 'istio-waypoint'),
          policy(() => null),
        ),
        [authz(gatewayPrincipal)],
      ],
      ['two istio Gateways: the policy may admit either', withGateway('internal-gw', 'istio'), []],
      [
        'two istio Gateways, no policy: both principals named',
        both(
          withGateway('internal-gw', 'istio'),
          policy(() => null),
        ),
        [authz(`${gatewayPrincipal} or cluster.local/ns/istio-ingress/sa/internal-gw-istio`)],
      ],
      [
        'a policy whose action defaults to ALLOW',
        policy((d) => {
          delete at(d, 'spec').action;
        }),
        [],
      ],
      [
        'a DENY policy',
        policy((d) => {
          at(d, 'spec').action = 'DENY';
        }),
        [authz(gatewayPrincipal)],
      ],
      [
        'a policy of another namespace',
        policy((d) => {
          at(d, 'metadata').namespace = 'istio-ingress';
        }),
        [authz(gatewayPrincipal)],
      ],
      [
        'a policy selecting other pods',
        policy((d) => {
          at(d, 'spec', 'selector').matchLabels = { 'app.kubernetes.io/name': 'sample-app-2' };
        }),
        [authz(gatewayPrincipal)],
      ],
      [
        'a policy with a second from that admits someone else',
        policy((d) => {
          list(firstRule(d), 'from').push({
            source: { principals: ['cluster.local/ns/sample-apps/sa/sample-app-2'] },
          });
        }),
        [],
      ],
      [
        'a waypoint policy (targetRefs) is not enforced at the pods',
        policy((d) => {
          delete at(d, 'spec').selector;
          at(d, 'spec').targetRefs = [{ group: '', kind: 'Service', name: 'sample-app-1' }];
        }),
        [authz(gatewayPrincipal)],
      ],
      [
        'a waypoint policy (targetRef) is not enforced at the pods',
        policy((d) => {
          delete at(d, 'spec').selector;
          at(d, 'spec').targetRef = { group: '', kind: 'Service', name: 'sample-app-1' };
        }),
        [authz(gatewayPrincipal)],
      ],
      [
        'a Service behind a waypoint: the pods must admit the waypoint',
        service((d) => {
          serviceLabels(d)['istio.io/use-waypoint'] = 'sample-waypoint';
        }),
        [authz('cluster.local/ns/sample-apps/sa/sample-waypoint', 'waypoint')],
      ],
      [
        'a Service labelled use-waypoint none: the gateway still reaches the pods',
        service((d) => {
          serviceLabels(d)['istio.io/use-waypoint'] = 'none';
        }),
        [],
      ],
      [
        'a waypoint on a Service of another namespace selecting the same labels',
        (files) => {
          const copy = backendIn('billing', files).filter((d) => d.kind === 'Service');
          serviceLabels(at(copy, 0))['istio.io/use-waypoint'] = 'sample-waypoint';
          return addFile('generated/k8s/dev/backends/billing/sample-app-1.yaml', copy)(files);
        },
        [],
      ],
    ])('checks %s', (_name, edit, expected) => {
      expect(findings(edit)).toEqual(expected);
    });
  });

  describe('policy/ztunnel-l4-only', () => {
    it.each<[string, Edit, string[]]>([
      [
        'an L7 source field',
        policy((d) => {
          at(firstRule(d), 'from', 0, 'source').requestPrincipals = ['*'];
        }),
        [
          l4(
            `rules[0].from.source.requestPrincipals is L7: ${ztunnelDeny}; use a waypoint or L4 fields`,
          ),
        ],
      ],
      [
        'L4 source fields',
        policy((d) => {
          at(firstRule(d), 'from', 0, 'source').namespaces = ['istio-ingress'];
          at(firstRule(d), 'from', 0, 'source').ipBlocks = ['10.0.0.0/16'];
        }),
        [],
      ],
      [
        'an L7 condition',
        policy((d) => {
          firstRule(d).when = [{ key: 'request.auth.claims[iss]', values: ['https://idp'] }];
        }),
        [l4(`rules[0].when key "request.auth.claims[iss]" is L7: ${ztunnelDeny}`)],
      ],
      [
        'a condition without a key',
        policy((d) => {
          firstRule(d).when = [{ values: ['10.0.0.1'] }];
        }),
        [l4(`rules[0].when key "" is L7: ${ztunnelDeny}`)],
      ],
      [
        'L4 conditions',
        policy((d) => {
          firstRule(d).when = [
            { key: 'source.ip', values: ['10.0.0.0/16'] },
            { key: 'destination.port', values: ['8080'] },
          ];
        }),
        [],
      ],
      [
        "an L7 field in a waypoint policy (targetRef) is the waypoint rules' business",
        policy((d) => {
          delete at(d, 'spec').selector;
          at(d, 'spec').targetRef = { group: '', kind: 'Service', name: 'sample-app-1' };
          at(firstRule(d), 'to', 0, 'operation').methods = ['GET'];
        }),
        [authz(gatewayPrincipal)],
      ],
    ])('checks %s', (_name, edit, expected) => {
      expect(findings(edit)).toEqual(expected);
    });
  });

  describe('policy/peer-authentication', () => {
    it.each<[string, Edit, string[]]>([
      [
        'a PERMISSIVE namespace policy',
        peer((d) => {
          at(d, 'spec', 'mtls').mode = 'PERMISSIVE';
        }),
        [
          'policy/peer-authentication PeerAuthentication/sample-apps/default: spec.mtls.mode must be STRICT, but "PERMISSIVE" was given',
        ],
      ],
      [
        'a workload policy that sets port-level mTLS only (inherits the namespace mode)',
        workloadPeer({ portLevelMtls: { 8080: { mode: 'STRICT' } } }),
        [],
      ],
      [
        'a PERMISSIVE workload policy',
        workloadPeer({ mtls: { mode: 'PERMISSIVE' } }),
        [
          'policy/peer-authentication PeerAuthentication/sample-apps/sample-app-1: spec.mtls.mode must be STRICT, but "PERMISSIVE" was given',
        ],
      ],
      [
        'a namespace policy without a mode (falls back to PERMISSIVE: no mesh-wide policy)',
        peer((d) => {
          delete at(d, 'spec').mtls;
        }),
        [
          'policy/peer-authentication PeerAuthentication/sample-apps/default: spec.mtls.mode must be STRICT, but nothing was given',
        ],
      ],
      [
        'a namespace policy without spec',
        peer((d) => {
          delete d.spec;
        }),
        [
          'policy/peer-authentication PeerAuthentication/sample-apps/default: spec.mtls.mode must be STRICT, but nothing was given',
        ],
      ],
      ['a backend namespace without its policy', peer(() => null), [noPeer('sample-apps')]],
      [
        'a backend namespace whose only policy selects a workload',
        peer((d) => {
          at(d, 'spec').selector = { matchLabels: { 'app.kubernetes.io/name': 'sample-app-1' } };
        }),
        [noPeer('sample-apps')],
      ],
      [
        'no PeerAuthentication anywhere (mTLS left to a mesh-wide policy)',
        both(
          peer(() => null),
          (files) => corrupt(files, gatewayPolicies, 'PeerAuthentication', () => null),
        ),
        [],
      ],
    ])('checks %s', (_name, edit, expected) => {
      expect(findings(edit)).toEqual(expected);
    });
  });
});
