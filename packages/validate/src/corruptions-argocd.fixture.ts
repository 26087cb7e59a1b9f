import { at, corrupt, list } from './corrupt.fixture.js';
import {
  backend,
  type CorruptionCase,
  k8s,
  kong,
  namespacePolicies,
  route,
  tree,
} from './corruption-setup.fixture.js';

/** Corruptions caught by the Argo CD rules and the official-schema checks. */
export const argocdCorruptions: readonly CorruptionCase[] = [
  {
    name: 'reorder waves (routes before the gateway)',
    files: corrupt(tree, 'argocd/dev/apps/routes.yaml', 0, (d) => {
      at(d, 'metadata', 'annotations')['argocd.argoproj.io/sync-wave'] = '4';
    }),
    rule: 'xlayer/sync-wave',
    object: 'Application/argocd/routeplane-dev-routes',
    message:
      'wave 4 deploys HTTPRoute/istio-ingress/app1, which needs gw:istio-ingress/kong-cloud-gw-gateway from Application routeplane-dev-gateway (wave 5); expected a wave > 5',
  },
  {
    name: 'reorder waves (backends before their namespace)',
    files: corrupt(tree, 'argocd/dev/apps/backends-sample-apps.yaml', 0, (d) => {
      at(d, 'metadata', 'annotations')['argocd.argoproj.io/sync-wave'] = '1';
    }),
    rule: 'xlayer/sync-wave',
    object: 'Application/argocd/routeplane-dev-backends-sample-apps',
    message:
      'needs ns:sample-apps from Application routeplane-dev-namespaces (wave 1); expected a wave > 1',
  },
  {
    name: 'point a child Application at a missing path',
    files: corrupt(tree, 'argocd/dev/apps/routes.yaml', 0, (d) => {
      at(d, 'spec', 'source').path = `${k8s}/route`;
    }),
    rule: 'xlayer/argocd-path',
    object: 'Application/argocd/routeplane-dev-routes',
    message: 'source path generated/k8s/dev/route contains no rendered file',
  },
  {
    name: 'set ServerSideApply with Replace',
    files: corrupt(tree, 'argocd/dev/apps/gateway-api-crds.yaml', 0, (d) => {
      list(d, 'spec', 'syncPolicy', 'syncOptions').push('Replace=true');
    }),
    rule: 'policy/argocd-application',
    object: 'Application/argocd/routeplane-dev-gateway-api-crds',
    message: 'syncOptions ServerSideApply=true is ignored when Replace=true is also set',
  },
  {
    name: 'put the root in the project it syncs',
    files: corrupt(tree, 'argocd/dev/root.yaml', 0, (d) => {
      at(d, 'spec').project = 'routeplane-dev';
    }),
    rule: 'policy/argocd-project',
    object: 'Application/argocd/routeplane-dev-root',
    message:
      'its project routeplane-dev is in argocd/dev/apps/project.yaml, which it syncs: the project would have two owners',
  },
  {
    name: 'drop the namespaced whitelist of a project',
    files: corrupt(tree, 'argocd/dev/apps/project.yaml', 0, (d) => {
      delete at(d, 'spec').namespaceResourceWhitelist;
    }),
    rule: 'policy/argocd-project',
    object: 'AppProject/argocd/routeplane-dev',
    message: 'spec.namespaceResourceWhitelist must list the kinds its Applications deploy',
  },
  {
    name: 'break a schema field (type)',
    files: corrupt(tree, backend, 'Deployment', (d) => {
      at(d, 'spec').replicas = 'two';
    }),
    rule: 'schema/valid',
    also: [['policy/replicas', 'Deployment/sample-apps/sample-app-1']],
    object: 'Deployment/sample-apps/sample-app-1',
    message: 'spec.replicas must be integer {"type":"integer"}',
  },
  {
    name: 'break a schema field (unknown field in an HTTPRoute)',
    files: corrupt(tree, route, 0, (d) => {
      at(d, 'spec', 'rules', 0).backendRef = [];
    }),
    rule: 'schema/strict',
    object: 'HTTPRoute/istio-ingress/app1',
    message: 'spec.rules.0.backendRef is not a field of gateway.networking.k8s.io/v1 HTTPRoute',
  },
  {
    name: 'break a schema field (enum in a PeerAuthentication)',
    files: corrupt(tree, namespacePolicies, 'PeerAuthentication', (d) => {
      at(d, 'spec', 'mtls').mode = 'STRICTER';
    }),
    rule: 'schema/valid',
    also: [['policy/peer-authentication', 'PeerAuthentication/sample-apps/default']],
    object: 'PeerAuthentication/sample-apps/default',
    message: 'spec.mtls.mode must be equal to one of the allowed values',
  },
  {
    name: 'break a schema field (unknown metadata field)',
    files: corrupt(tree, backend, 'Service', (d) => {
      at(d, 'metadata').label = {};
    }),
    rule: 'schema/strict',
    object: 'Service/sample-apps/sample-app-1',
    message: 'metadata.label is not a field of v1 Service',
  },
  {
    name: 'emit an unknown kind',
    files: corrupt(tree, backend, 'ServiceAccount', (d) => {
      d.apiVersion = 'v2';
    }),
    rule: 'schema/valid',
    object: 'ServiceAccount/sample-apps/sample-app-1',
    message: 'no schema is known for apiVersion "v2" kind "ServiceAccount"',
  },
  {
    name: 'break the decK format version',
    files: corrupt(tree, kong, 0, (d) => {
      d._format_version = '1.1';
    }),
    rule: 'schema/deck',
    object: '-',
    message: '_format_version must be "3.0", but "1.1" was given',
  },
  {
    name: 'issue certificates before cert-manager is installed',
    files: corrupt(tree, 'argocd/dev/apps/pki.yaml', 0, (d) => {
      at(d, 'metadata', 'annotations')['argocd.argoproj.io/sync-wave'] = '2';
    }),
    rule: 'xlayer/sync-wave',
    object: 'Application/argocd/routeplane-dev-pki',
    message:
      'needs crd:cert-manager.io from Application routeplane-dev-cert-manager (wave 2); expected a wave > 2',
  },
  {
    name: 'commit a file that does not parse',
    files: [...tree, { path: `${k8s}/extra.yaml`, documents: [], parseError: 'bad indentation' }],
    rule: 'schema/parse',
    object: '-',
    message: 'does not parse: bad indentation',
  },
];
