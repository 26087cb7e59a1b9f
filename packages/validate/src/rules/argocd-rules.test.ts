import { describe, expect, it } from 'vitest';
import { cleanTree } from '../clean-tree.fixture.js';
import { at, corrupt, list } from '../corrupt.fixture.js';
import type { TreeFile } from '../finding.js';
import { findingLines } from '../tree-edits.fixture.js';
import { waypointExampleFiles } from '../waypoint-corruptions.fixture.js';

/**
 * The Argo CD rules on edits of the rendered App-of-Apps the corruption table does not make, each
 * with every finding (`rule object: message`) it causes; an empty list means the tree stays clean.
 */
type Edit = Parameters<typeof corrupt>[3];
/** One edit: a document of a file, or a document appended to a file. */
type Change = readonly [path: string, selector: string | number, edit: Edit];

const apps = 'argocd/dev/apps';
const backend = 'generated/k8s/dev/backends/sample-apps/sample-app-1.yaml';
const waveKey = 'argocd.argoproj.io/sync-wave';
const setWave =
  (wave: string | null): Edit =>
  (d) => {
    const annotations = at(d, 'metadata', 'annotations');
    if (wave === null) delete annotations[waveKey];
    else annotations[waveKey] = wave;
  };
const source = (d: unknown) => at(d, 'spec', 'source');
/** Replaces spec.source with spec.sources (a multi-source Application). */
const toSources =
  (...extra: unknown[]): Edit =>
  (d) => {
    const spec = at(d, 'spec');
    spec.sources = [spec.source, ...extra];
    delete spec.source;
  };

function apply(files: readonly TreeFile[], changes: readonly Change[]): TreeFile[] {
  return changes.reduce<TreeFile[]>(
    (tree, [path, selector, edit]) => corrupt(tree, path, selector, edit),
    [...files],
  );
}
const findings = (files: readonly TreeFile[]): string[] => findingLines(files);
/** A finding of `rule` on the dev Application `name`. */
const on = (rule: string, name: string, message: string) =>
  `${rule} Application/argocd/routeplane-dev-${name}: ${message}`;
const waveFinding = (name: string, message: string) => on('xlayer/sync-wave', name, message);

describe('xlayer/argocd-path', () => {
  it.each<[string, Change[], string[]]>([
    [
      'a path with trailing slashes names the same directory',
      [
        [
          `${apps}/routes.yaml`,
          0,
          (d) => {
            source(d).path = 'generated/k8s/dev/routes//';
          },
        ],
      ],
      [],
    ],
    [
      'a path of another repository that merely contains generated/ is not looked up',
      [
        [
          `${apps}/gateway-api-crds.yaml`,
          0,
          (d) => {
            source(d).path = 'config/generated/crd';
          },
        ],
      ],
      [],
    ],
    [
      'a missing path in the second of several sources',
      [
        [
          `${apps}/routes.yaml`,
          0,
          toSources({
            repoURL: 'https://github.com/example-org/kong-cloud-gateway-platform.git',
            targetRevision: 'main',
            path: 'generated/k8s/dev/route',
          }),
        ],
      ],
      [
        on(
          'xlayer/argocd-path',
          'routes',
          'source path generated/k8s/dev/route contains no rendered file',
        ),
      ],
    ],
  ])('%s', (_name, changes, expected) => {
    expect(findings(apply(cleanTree(), changes))).toEqual(expected);
  });
});

describe('xlayer/sync-wave', () => {
  const serviceEntry = {
    apiVersion: 'networking.istio.io/v1',
    kind: 'ServiceEntry',
    metadata: { name: 'payments-api', namespace: 'sample-apps' },
    spec: {
      hosts: ['payments.example.com'],
      location: 'MESH_EXTERNAL',
      ports: [{ name: 'https', number: 443, protocol: 'TLS' }],
      resolution: 'DNS',
    },
  };
  const withServiceEntry = (files: readonly TreeFile[]): TreeFile[] =>
    files.map((f) =>
      f.path === backend ? { path: f.path, documents: [...f.documents, serviceEntry] } : f,
    );

  /** What the gateway and the routes say when the Gateway API CRDs come in wave 6. */
  const crdsInWaveSix = [
    waveFinding(
      'gateway',
      'wave 5 deploys HTTPRoute/istio-ingress/kong-cloud-gw-gateway-https-redirect, which needs crd:gateway.networking.k8s.io from Application routeplane-dev-gateway-api-crds (wave 6); expected a wave > 6',
    ),
    waveFinding(
      'routes',
      'wave 6 deploys ReferenceGrant/sample-apps/httproutes-from-istio-ingress, which needs crd:gateway.networking.k8s.io from Application routeplane-dev-gateway-api-crds (wave 6); expected a wave > 6',
    ),
  ];

  it.each<[string, Change[], string[]]>([
    [
      'Gateway API CRDs in the wave of the routes',
      [[`${apps}/gateway-api-crds.yaml`, 0, setWave('6')]],
      crdsInWaveSix,
    ],
    [
      'Gateway API CRDs from a second source, in the wave of the routes',
      [
        [
          `${apps}/gateway-api-crds.yaml`,
          0,
          (d) => {
            setWave('6')(d);
            const spec = at(d, 'spec');
            spec.sources = [
              { repoURL: 'https://charts.jetstack.io', chart: 'none', targetRevision: 'v1' },
              spec.source,
            ];
            delete spec.source;
          },
        ],
      ],
      crdsInWaveSix,
    ],
    [
      'istiod in the wave of the gateway',
      [[`${apps}/istiod.yaml`, 0, setWave('5')]],
      [
        waveFinding(
          'gateway',
          'wave 5 deploys Gateway/istio-ingress/kong-cloud-gw-gateway, which needs istio-control-plane from Application routeplane-dev-istiod (wave 5); expected a wave > 5',
        ),
      ],
    ],
    [
      'istio-cni in the wave of the gateway (it provides nothing the gateway needs)',
      [[`${apps}/istio-cni.yaml`, 0, setWave('5')]],
      [],
    ],
    [
      'routes without a wave (Argo CD reads 0)',
      [[`${apps}/routes.yaml`, 0, setWave(null)]],
      [
        waveFinding(
          'routes',
          'wave 0 deploys HTTPRoute/istio-ingress/app1, which needs gw:istio-ingress/kong-cloud-gw-gateway from Application routeplane-dev-gateway (wave 5); expected a wave > 5',
        ),
        waveFinding(
          'routes',
          'wave 0 deploys HTTPRoute/istio-ingress/app1, which needs ns:istio-ingress from Application routeplane-dev-namespaces (wave 1); expected a wave > 1',
        ),
        waveFinding(
          'routes',
          'wave 0 deploys ReferenceGrant/sample-apps/httproutes-from-istio-ingress, which needs ns:sample-apps from Application routeplane-dev-namespaces (wave 1); expected a wave > 1',
        ),
      ],
    ],
  ])('%s', (_name, changes, expected) => {
    expect(findings(apply(cleanTree(), changes))).toEqual(expected);
  });

  it('orders Istio base before the security.istio.io and networking.istio.io objects', () => {
    const files = apply(withServiceEntry(cleanTree()), [
      [`${apps}/istio-base.yaml`, 0, setWave('3')],
    ]);
    // No schema of networking.istio.io ships with the validator (schema/valid says so): only the order matters here.
    expect(findings(files).filter((f) => f.startsWith('xlayer/sync-wave '))).toEqual([
      waveFinding(
        'backends-sample-apps',
        'wave 3 deploys AuthorizationPolicy/sample-apps/sample-app-1, which needs crd:security.istio.io from Application routeplane-dev-istio-base (wave 3); expected a wave > 3',
      ),
      waveFinding(
        'backends-sample-apps',
        'wave 3 deploys ServiceEntry/sample-apps/payments-api, which needs crd:networking.istio.io from Application routeplane-dev-istio-base (wave 3); expected a wave > 3',
      ),
    ]);
  });

  it('follows a parentRef into the namespace it names', () => {
    // A route in sample-apps attached to the gateway in istio-ingress, in the wave of the gateway.
    const files = apply(cleanTree(), [
      [`${apps}/routes.yaml`, 0, setWave('5')],
      [
        'generated/k8s/dev/routes/httproute-app1.yaml',
        0,
        (d) => {
          at(d, 'metadata').namespace = 'sample-apps';
          at(d, 'spec', 'parentRefs', 0).namespace = 'istio-ingress';
        },
      ],
    ]);
    expect(findings(files).filter((f) => f.startsWith('xlayer/sync-wave '))).toEqual([
      waveFinding(
        'routes',
        'wave 5 deploys HTTPRoute/sample-apps/app1, which needs gw:istio-ingress/kong-cloud-gw-gateway from Application routeplane-dev-gateway (wave 5); expected a wave > 5',
      ),
    ]);
  });

  describe('on the waypoint example', () => {
    const waypoints = `${apps}/waypoints-orders.yaml`;
    const ordersBackend = 'generated/k8s/dev/backends/orders/orders-api.yaml';
    const waypointLabel = 'istio.io/use-waypoint';
    const sameWave: Change = [waypoints, 0, setWave('3')];

    it.each<[string, Change[], string[]]>([
      [
        'a Service labelled with its waypoint, in the wave of the waypoint',
        [sameWave],
        [
          waveFinding(
            'backends-orders',
            'wave 3 deploys Service/orders/orders-api, which needs gw:orders/orders-api-waypoint from Application routeplane-dev-waypoints-orders (wave 3); expected a wave > 3',
          ),
        ],
      ],
      [
        // Istio reads the value none as "no waypoint", whatever Gateways exist.
        'a Service labelled none, in the wave of a Gateway named none',
        [
          sameWave,
          [
            'generated/k8s/dev/waypoints/orders/orders-api.yaml',
            'Gateway',
            (d) => {
              at(d, 'metadata').name = 'none';
            },
          ],
          [
            ordersBackend,
            'Service',
            (d) => {
              at(d, 'metadata', 'labels')[waypointLabel] = 'none';
            },
          ],
        ],
        [],
      ],
      [
        'the waypoint label on a Deployment instead of the Service (it routes nothing)',
        [
          sameWave,
          [
            ordersBackend,
            'Service',
            (d) => {
              delete at(d, 'metadata', 'labels')[waypointLabel];
            },
          ],
          [
            ordersBackend,
            'Deployment',
            (d) => {
              at(d, 'metadata', 'labels')[waypointLabel] = 'orders-api-waypoint';
            },
          ],
        ],
        [],
      ],
    ])('%s', (_name, changes, expected) => {
      // Other rules see the moved label too; this table is about the order only.
      const waveFindings = findings(apply(waypointExampleFiles, changes)).filter((f) =>
        f.startsWith('xlayer/sync-wave '),
      );
      expect(waveFindings).toEqual(expected);
    });
  });
});

describe('policy/argocd-application', () => {
  const rule = 'policy/argocd-application';
  const unpinned = (name: string, repoURL: string, given: string) =>
    on(rule, name, `source ${repoURL} targetRevision must be pinned, but ${given} was given`);
  const istioCharts = 'https://istio-release.storage.googleapis.com/charts';
  const valuesSource = (targetRevision: string) => ({
    repoURL: 'https://example.com/values.git',
    targetRevision,
    ref: 'values',
  });
  const setRevision =
    (revision: string | undefined): Edit =>
    (d) => {
      if (revision === undefined) delete source(d).targetRevision;
      else source(d).targetRevision = revision;
    };

  // [case, file of argocd/dev/apps, edit of its Application, findings]
  it.each<[string, string, Edit, string[]]>([
    [
      'no project',
      'routes.yaml',
      (d) => {
        delete at(d, 'spec').project;
      },
      [
        on(rule, 'routes', 'spec.project must be a dedicated AppProject, but nothing was given'),
        'schema/valid Application/argocd/routeplane-dev-routes: spec must have required property project {"missingProperty":"project"}',
      ],
    ],
    [
      'the default project',
      'routes.yaml',
      (d) => {
        at(d, 'spec').project = 'default';
      },
      [on(rule, 'routes', 'spec.project must be a dedicated AppProject, but "default" was given')],
    ],
    [
      'targetRevision HEAD',
      'istiod.yaml',
      setRevision('HEAD'),
      [unpinned('istiod', istioCharts, '"HEAD"')],
    ],
    [
      'an empty targetRevision',
      'istiod.yaml',
      setRevision(''),
      [unpinned('istiod', istioCharts, '""')],
    ],
    [
      'no targetRevision',
      'istiod.yaml',
      setRevision(undefined),
      [unpinned('istiod', istioCharts, 'nothing')],
    ],
    ['a pinned revision that merely starts with HEAD', 'istiod.yaml', setRevision('HEADS'), []],
    [
      'an unpinned second source',
      'istiod.yaml',
      toSources(valuesSource('HEAD')),
      [unpinned('istiod', 'https://example.com/values.git', '"HEAD"')],
    ],
    ['sources that are all pinned', 'istiod.yaml', toSources(valuesSource('v2')), []],
    [
      // The pinned chart source after it is still read as pinned.
      'a malformed (non-object) source before a pinned one, left to the schema',
      'istiod.yaml',
      (d) => {
        const spec = at(d, 'spec');
        spec.sources = ['values', spec.source];
        delete spec.source;
      },
      [
        'schema/valid Application/argocd/routeplane-dev-istiod: spec.sources.0 must be object {"type":"object"}',
      ],
    ],
    [
      'Replace=true without ServerSideApply',
      'routes.yaml',
      (d) => {
        list(d, 'spec', 'syncPolicy', 'syncOptions').push('Replace=true');
      },
      [],
    ],
  ])('%s', (_name, file, edit, expected) => {
    expect(findings(apply(cleanTree(), [[`${apps}/${file}`, 0, edit]]))).toEqual(expected);
  });
});

describe('policy/argocd-project', () => {
  it('reports a project without any spec (every namespaced kind allowed)', () => {
    const files = apply(cleanTree(), [
      [
        `${apps}/project.yaml`,
        0,
        (d) => {
          delete d.spec;
        },
      ],
    ]);
    expect(findings(files)).toEqual([
      'policy/argocd-project AppProject/argocd/routeplane-dev: spec.namespaceResourceWhitelist must list the kinds its Applications deploy',
      'schema/valid AppProject/argocd/routeplane-dev: (object) must have required property spec {"missingProperty":"spec"}',
    ]);
  });
});
