import { at, corrupt, list } from './corrupt.fixture.js';
import {
  backend,
  type CorruptionCase,
  gateway,
  gatewayObject,
  grant,
  httpsListener,
  namespace,
  route,
  tree,
} from './corruption-setup.fixture.js';

/** Corruptions caught by the rules on the Gateway, HTTPRoutes, ReferenceGrants and mesh enrolment. */
export const gatewayCorruptions: readonly CorruptionCase[] = [
  {
    name: 'drop a grant',
    files: corrupt(tree, grant, 0, () => null),
    rule: 'xlayer/grant-missing',
    object: 'HTTPRoute/istio-ingress/app1',
    message:
      'reference to Service sample-apps/sample-app-1 needs a ReferenceGrant in namespace sample-apps from {group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: istio-ingress} to {group: "", kind: Service, name: sample-app-1}, but none admits it',
  },
  {
    name: 'grant a namespace to itself',
    files: corrupt(tree, grant, 0, (d) => {
      at(d, 'spec', 'from', 0).namespace = 'sample-apps';
    }),
    rule: 'xlayer/grant-unused',
    also: [['xlayer/grant-missing', 'HTTPRoute/istio-ingress/app1']],
    object: 'ReferenceGrant/sample-apps/httproutes-from-istio-ingress',
    message: "from.namespace sample-apps is the grant's own namespace",
  },
  {
    name: 'grant an unused Service',
    files: corrupt(tree, grant, 0, (d) => {
      list(d, 'spec', 'to').push({ group: '', kind: 'Service', name: 'other' });
    }),
    rule: 'xlayer/grant-unused',
    object: 'ReferenceGrant/sample-apps/httproutes-from-istio-ingress',
    message: 'to {kind: "Service", name: other} is used by no reference',
  },
  {
    name: 'mismatch a backendRef port',
    files: corrupt(tree, route, 0, (d) => {
      at(d, 'spec', 'rules', 0, 'backendRefs', 0).port = 8080;
    }),
    rule: 'xlayer/backend-ref',
    object: 'HTTPRoute/istio-ingress/app1',
    message:
      'backendRef sample-apps/sample-app-1 port must be one of the Service ports [80], but 8080 was given',
  },
  {
    name: 'point a route at a missing Service',
    files: corrupt(tree, route, 0, (d) => {
      at(d, 'spec', 'rules', 0, 'backendRefs', 0).name = 'nope';
    }),
    rule: 'xlayer/backend-ref',
    also: [
      ['xlayer/kong-route-backend', 'KongRoute/app1'],
      ['xlayer/grant-missing', 'HTTPRoute/istio-ingress/app1'],
      ['xlayer/grant-unused', 'ReferenceGrant/sample-apps/httproutes-from-istio-ingress'],
    ],
    object: 'HTTPRoute/istio-ingress/app1',
    message: 'backendRef Service sample-apps/nope does not exist in the rendered tree',
  },
  {
    name: 'mismatch a targetPort',
    files: corrupt(tree, backend, 'Service', (d) => {
      at(d, 'spec', 'ports', 0).targetPort = 9090;
    }),
    rule: 'xlayer/target-port',
    object: 'Service/sample-apps/sample-app-1',
    message:
      'port http targetPort 9090 must be a container port of Deployment/sample-apps/sample-app-1, which has [8080]',
  },
  {
    name: 'break a Service selector',
    files: corrupt(tree, backend, 'Service', (d) => {
      at(d, 'spec', 'selector')['app.kubernetes.io/name'] = 'typo';
    }),
    rule: 'xlayer/service-selector',
    object: 'Service/sample-apps/sample-app-1',
    message: 'selects no pod template in namespace sample-apps',
  },
  {
    name: 'widen a listener',
    files: corrupt(tree, gateway, 'Gateway', (d) => {
      at(d, 'spec', 'listeners', httpsListener, 'allowedRoutes', 'namespaces').from = 'All';
    }),
    rule: 'policy/listener-scope',
    object: 'Gateway/istio-ingress/kong-cloud-gw-gateway',
    message:
      'listener "https" allowedRoutes.namespaces.from must be Same or Selector, but "All" was given: any namespace could attach routes',
  },
  {
    name: 'attach a route to a missing listener',
    files: corrupt(tree, route, 0, (d) => {
      at(d, 'spec', 'parentRefs', 0).sectionName = 'h2c';
    }),
    rule: 'xlayer/route-parent',
    object: 'HTTPRoute/istio-ingress/app1',
    message:
      'parentRef sectionName "h2c" is not a listener of Gateway istio-ingress/kong-cloud-gw-gateway',
  },
  {
    name: 'remove the ambient label',
    files: corrupt(tree, namespace, 0, (d) => {
      delete at(d, 'metadata', 'labels')['istio.io/dataplane-mode'];
    }),
    rule: 'xlayer/ambient-enrolment',
    object: 'Namespace/sample-apps',
    message: 'label istio.io/dataplane-mode must be "ambient", but nothing was given',
  },
  {
    name: 'drop the gateway AuthorizationPolicy',
    files: corrupt(tree, backend, 'AuthorizationPolicy', () => null),
    rule: 'xlayer/authz-gateway',
    object: 'Deployment/sample-apps/sample-app-1',
    message:
      'no ALLOW AuthorizationPolicy in namespace sample-apps selects the pods and admits the gateway principal cluster.local/ns/istio-ingress/sa/kong-cloud-gw-gateway-istio',
  },
  {
    name: 'drop the Gateway parametersRef',
    files: corrupt(tree, gateway, 'Gateway', (d) => {
      delete at(d, 'spec', 'infrastructure').parametersRef;
    }),
    rule: 'xlayer/gateway-parameters',
    object: 'Gateway/istio-ingress/kong-cloud-gw-gateway',
    message:
      'spec.infrastructure.parametersRef must name the ConfigMap that pins the gateway pods, but none was given',
  },
  {
    name: 'pin the gateway with labels only',
    files: corrupt(tree, gateway, 'ConfigMap', (d) => {
      at(d, 'data').deployment = 'metadata:\n  labels:\n    node-role: system\n';
    }),
    rule: 'xlayer/gateway-parameters',
    object: 'ConfigMap/istio-ingress/kong-cloud-gw-gateway-options',
    message:
      'data.deployment must set spec.template.spec.nodeSelector: labels alone schedule nothing',
  },
  {
    name: 'give the Gateway nine infrastructure labels',
    files: corrupt(tree, gateway, 'Gateway', (d) => {
      at(d, 'spec').infrastructure = {
        labels: Object.fromEntries([...'abcdefghi'].map((k) => [k, 'x'])),
      };
    }),
    rule: 'policy/gateway-infrastructure',
    also: [
      ['schema/valid', gatewayObject],
      ['xlayer/gateway-parameters', gatewayObject],
    ],
    object: gatewayObject,
    message: 'spec.infrastructure.labels must have at most 8 entries, but 9 were given',
  },
];
