import { describe, expect, it } from 'vitest';
import { cleanTree } from '../clean-tree.fixture.js';
import { at, corrupt, list } from '../corrupt.fixture.js';
import type { TreeFile } from '../finding.js';
import { validateTree } from '../validate-tree.js';

/**
 * The HTTPRoute -> Service -> container port links on edits of the clean tree, each with every
 * finding of these rules it causes (schema, grant and Kong rules see some of the edits too; their
 * own tests cover them).
 */
type Edit = Parameters<typeof corrupt>[3];
type Change = readonly [path: string, selector: string, edit: Edit];

const route = 'generated/k8s/dev/routes/httproute-app1.yaml';
const backend = 'generated/k8s/dev/backends/sample-apps/sample-app-1.yaml';
const rules = ['xlayer/backend-ref', 'xlayer/service-selector', 'xlayer/target-port'];

const onRoute = (edit: (ref: Record<string, unknown>) => void): Change => [
  route,
  'HTTPRoute',
  (d) => {
    edit(at(d, 'spec', 'rules', 0, 'backendRefs', 0));
  },
];
const onService = (edit: (spec: Record<string, unknown>) => void): Change => [
  backend,
  'Service',
  (d) => {
    edit(at(d, 'spec'));
  },
];
const onServicePort = (edit: (port: Record<string, unknown>) => void) =>
  onService((spec) => {
    edit(at(spec, 'ports', 0));
  });
const malformedServicePort = onService((spec) => {
  list(spec, 'ports').push('https');
});

function findings(changes: readonly Change[]): string[] {
  const files = changes.reduce<TreeFile[]>(
    (tree, [path, selector, edit]) => corrupt(tree, path, selector, edit),
    cleanTree(),
  );
  return validateTree({ files, waivers: [] })
    .filter((f) => rules.includes(f.rule))
    .map((f) => `${f.rule} ${f.object}: ${f.message}`);
}
const refFinding = (message: string) =>
  `xlayer/backend-ref HTTPRoute/istio-ingress/app1: ${message}`;
const targetFinding = (message: string) =>
  `xlayer/target-port Service/sample-apps/sample-app-1: ${message}`;

describe('backend rules', () => {
  it.each<[string, Change[], string[]]>([
    ...(
      [
        ['another kind', 'multicluster.x-k8s.io', 'ServiceImport'],
        ['kind Service in another group', 'gateway.networking.k8s.io', 'Service'],
        ['the core group but another kind', '', 'Pod'],
      ] as const
    ).map(([name, group, kind]): [string, Change[], string[]] => [
      `a backendRef of ${name}`,
      [
        onRoute((ref) => {
          ref.group = group;
          ref.kind = kind;
        }),
      ],
      [
        refFinding(
          `backendRef sample-apps/sample-app-1 must be a core Service, but group "${group}" kind "${kind}" was given`,
        ),
      ],
    ]),
    [
      'a backendRef spelling out the core group and kind Service',
      [
        onRoute((ref) => {
          ref.group = '';
          ref.kind = 'Service';
        }),
      ],
      [],
    ],
    [
      'a backendRef to a Service of that name in another namespace',
      [
        onRoute((ref) => {
          ref.namespace = 'istio-ingress';
        }),
      ],
      [
        refFinding(
          'backendRef Service istio-ingress/sample-app-1 does not exist in the rendered tree',
        ),
      ],
    ],
    [
      'a backendRef without a port',
      [
        onRoute((ref) => {
          delete ref.port;
        }),
      ],
      [
        refFinding(
          'backendRef sample-apps/sample-app-1 port must be one of the Service ports [80], but nothing was given',
        ),
      ],
    ],
    [
      'a backendRef to a port the Service lacks, beside a malformed Service port',
      [
        onRoute((ref) => {
          ref.port = 81;
        }),
        malformedServicePort,
      ],
      [
        refFinding(
          'backendRef sample-apps/sample-app-1 port must be one of the Service ports [80], but 81 was given',
        ),
      ],
    ],
    ['a malformed Service port (left to the schema)', [malformedServicePort], []],
    [
      'a Service without a selector (endpoints managed elsewhere)',
      [
        onService((spec) => {
          delete spec.selector;
        }),
      ],
      [],
    ],
    [
      'a Service selecting no pod template',
      [
        onService((spec) => {
          spec.selector = { 'app.kubernetes.io/name': 'sample-app-2' };
        }),
      ],
      [
        'xlayer/service-selector Service/sample-apps/sample-app-1: spec.selector {"app.kubernetes.io/name":"sample-app-2"} selects no pod template in namespace sample-apps',
      ],
    ],
    [
      'a numeric targetPort that is the container port',
      [
        onServicePort((port) => {
          port.targetPort = 8080;
        }),
      ],
      [],
    ],
    [
      'a numeric targetPort that is no container port',
      [
        onServicePort((port) => {
          port.targetPort = 8081;
        }),
      ],
      [
        targetFinding(
          'port http targetPort 8081 must be a container port of Deployment/sample-apps/sample-app-1, which has [8080]',
        ),
      ],
    ],
    [
      'a named targetPort that no container port has, beside a malformed container port',
      [
        onServicePort((port) => {
          port.targetPort = 'web';
        }),
        [
          backend,
          'Deployment',
          (d) => {
            list(d, 'spec', 'template', 'spec', 'containers', 0, 'ports').push('web');
          },
        ],
      ],
      [
        targetFinding(
          'port http targetPort "web" must be a container port of Deployment/sample-apps/sample-app-1, which has ["http"]',
        ),
      ],
    ],
  ])('checks %s', (_name, changes, expected) => {
    expect(findings(changes)).toEqual(expected);
  });
});
