import { join } from 'node:path';
import { loadModel } from '@routeplane/catalog';
import { renderArgocd } from '@routeplane/render-argocd';
import { renderDeck } from '@routeplane/render-deck';
import { renderK8s } from '@routeplane/render-k8s';
import { renderInfra } from '@routeplane/render-terraform';
import { repoRoot } from '@routeplane/test-support';
import { at, corrupt, list } from './corrupt.fixture.js';
import type { TreeFile } from './finding.js';
import { treeFromRendered } from './rendered-files.js';

/** examples/waypoint: orders-api behind a waypoint, catalog-api without one. */
const model = loadModel(join(repoRoot, 'examples/waypoint/catalog.yaml'));
export const waypointExampleFiles: readonly TreeFile[] = treeFromRendered([
  ...renderK8s(model),
  ...renderArgocd(model),
  ...renderDeck(model),
  ...renderInfra(model),
]);

export const waypointFile = 'generated/k8s/dev/waypoints/orders/orders-api.yaml';
const backendFile = 'generated/k8s/dev/backends/orders/orders-api.yaml';
const kongFile = 'deck/dev/kong.yaml';
const l7Policy = 'AuthorizationPolicy/orders/orders-api-l7';
const waypoint = 'Gateway/orders/orders-api-waypoint';

type Doc = Record<string, unknown>;

/** Index of the first document of `kind` in `path`. */
function indexOf(path: string, kind: string): number {
  const index = waypointExampleFiles
    .find((f) => f.path === path)
    ?.documents.findIndex((d) => (d as Doc).kind === kind);
  if (index === undefined || index < 0) throw new Error(`${path} has no ${kind}`);
  return index;
}

function edit(
  path: string,
  kind: string,
  change: (doc: Doc) => Doc | null | undefined,
): TreeFile[] {
  return corrupt(waypointExampleFiles, path, indexOf(path, kind), change);
}

const serviceLabels = (d: Doc) => at(d, 'metadata', 'labels');

/** Corruptions of examples/waypoint: [name, files, rule, object, message]. */
export const waypointCorruptions: readonly (readonly [
  name: string,
  TreeFile[],
  rule: string,
  object: string,
  message: string,
])[] = [
  [
    'drop the waypoint Gateway',
    edit(waypointFile, 'Gateway', () => null),
    'xlayer/l7-policy-needs-waypoint',
    l7Policy,
    'Service orders/orders-api names waypoint "orders-api-waypoint", but no istio-waypoint Gateway orders/orders-api-waypoint is rendered: rules[0].to.operation.methods is enforced by nothing',
  ],
  [
    'take the Service off the waypoint (L7 policy left for ztunnel)',
    edit(backendFile, 'Service', (d) => {
      delete serviceLabels(d)['istio.io/use-waypoint'];
    }),
    'xlayer/l7-policy-needs-waypoint',
    l7Policy,
    'rules[0].to.operation.methods is L7, but Service orders/orders-api uses no waypoint (label istio.io/use-waypoint): ztunnel cannot enforce it',
  ],
  [
    'take the Service off the waypoint (waypoint left idle)',
    edit(backendFile, 'Service', (d) => {
      delete serviceLabels(d)['istio.io/use-waypoint'];
    }),
    'xlayer/waypoint-l7-policy',
    waypoint,
    'no Service uses this waypoint (label istio.io/use-waypoint: orders-api-waypoint)',
  ],
  [
    'drop the L7 policy',
    edit(waypointFile, 'AuthorizationPolicy', () => null),
    'xlayer/waypoint-l7-policy',
    waypoint,
    'no AuthorizationPolicy with L7 fields targets this waypoint or its Services (orders-api)',
  ],
  [
    'reduce the L7 policy to principals',
    edit(waypointFile, 'AuthorizationPolicy', (d) => {
      for (const rule of list(d, 'spec', 'rules')) delete (rule as Doc).to;
    }),
    'xlayer/waypoint-l7-policy',
    waypoint,
    'no AuthorizationPolicy with L7 fields targets this waypoint',
  ],
  [
    'point the L7 policy at a Gateway that is not a waypoint',
    edit(waypointFile, 'AuthorizationPolicy', (d) => {
      at(d, 'spec').targetRefs = [
        { group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'other' },
      ];
    }),
    'xlayer/l7-policy-needs-waypoint',
    l7Policy,
    'targetRefs Gateway orders/other is not a rendered istio-waypoint Gateway',
  ],
  [
    'point the L7 policy at a missing Service',
    edit(waypointFile, 'AuthorizationPolicy', (d) => {
      at(d, 'spec', 'targetRefs', 0).name = 'orders-apii';
    }),
    'xlayer/l7-policy-needs-waypoint',
    l7Policy,
    'targetRefs Service orders/orders-apii does not exist in the rendered tree',
  ],
  [
    'let the ingress gateway skip the waypoint',
    edit(backendFile, 'Service', (d) => {
      delete serviceLabels(d)['istio.io/ingress-use-waypoint'];
    }),
    'xlayer/ingress-use-waypoint',
    'Service/orders/orders-api',
    'label istio.io/ingress-use-waypoint must be "true"',
  ],
  [
    'admit the gateway instead of the waypoint at the pods',
    edit(backendFile, 'AuthorizationPolicy', (d) => {
      at(d, 'spec', 'rules', 0, 'from', 0, 'source').principals = [
        'cluster.local/ns/istio-ingress/sa/kong-cloud-gw-gateway-istio',
      ];
    }),
    'xlayer/authz-gateway',
    'Deployment/orders/orders-api',
    'admits the waypoint principal cluster.local/ns/orders/sa/orders-api-waypoint',
  ],
  [
    'let Kong time out before the gateway',
    corrupt(waypointExampleFiles, kongFile, 0, (d) => {
      const service = list(d, 'services').find(
        (s) => (s as Doc).name === 'orders.orders-api',
      ) as Doc;
      service.read_timeout = 10000;
    }),
    'xlayer/kong-timeout',
    'KongRoute/orders',
    "service read_timeout must exceed the HTTPRoute's request timeout 10000 ms (else Kong cuts first and may retry a request the gateway still works on), but 10000 ms was given",
  ],
  [
    'sync the waypoint after the backends that use it',
    edit('argocd/dev/apps/waypoints-orders.yaml', 'Application', (d) => {
      at(d, 'metadata', 'annotations')['argocd.argoproj.io/sync-wave'] = '4';
    }),
    'xlayer/sync-wave',
    'Application/argocd/routeplane-dev-backends-orders',
    'wave 3 deploys Service/orders/orders-api, which needs gw:orders/orders-api-waypoint from Application routeplane-dev-waypoints-orders (wave 4); expected a wave > 4',
  ],
];
