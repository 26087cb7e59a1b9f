import { cleanTree, deckEnv } from './clean-tree.fixture.js';
import { at, corrupt, list } from './corrupt.fixture.js';
import type { TreeFile } from './finding.js';

const k8s = 'generated/k8s/dev';
const grant = `${k8s}/routes/referencegrant-sample-apps.yaml`;
const route = `${k8s}/routes/httproute-app1.yaml`;
const gateway = `${k8s}/gateway/gateway.yaml`;
const namespace = `${k8s}/namespaces/sample-apps.yaml`;
const backend = `${k8s}/backends/sample-apps/sample-app-1.yaml`;
const namespacePolicies = `${k8s}/backends/sample-apps/_namespace-policies.yaml`;
const kong = 'deck/dev/kong.yaml';
const container = (d: unknown) => at(d, 'spec', 'template', 'spec', 'containers', 0);
const kongService = (d: unknown) => at(d, 'services', 0);
const servingCert = `${k8s}/pki/certificate-gateway.yaml`;
const kongClientCert = `${k8s}/pki/certificate-kong-client.yaml`;
const gatewayObject = 'Gateway/istio-ingress/kong-cloud-gw-gateway';
/** The Gateway's listeners: `http` (only the HTTPS redirect) first, then `https`. */
const httpsListener = 1;
const kongServiceObject = 'KongService/sample-apps.sample-app-1';

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
const pemLine = (edge: 'BEGIN' | 'END', kind: string) =>
  ['-----', edge, ' ', kind, 'PRIVATE KEY', '-----'].join('');
const fakeAwsKeyId = ['AKIA', 'IOSFODNN7EXAMPLE'].join('');
const fakeKonnectToken = ['kpat', '_0123456789abcdefghijABCDEFGHIJ'].join('');

const tree = cleanTree();
/** Each corruption of the clean tree, shared by corruptions.test.ts and rule-coverage.test.ts. */
export const corruptionCases: readonly CorruptionCase[] = [
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
    name: 'inline a JWT secret',
    files: corrupt(tree, kong, 0, (d) => {
      at(d, 'consumers', 0, 'jwt_secrets', 0).secret = 'q8Zr2xVt7Lm4Np9Kc3Wd6Hs1Fb5Jg0Ye';
    }),
    rule: 'policy/secret-literal',
    object: '-',
    message:
      'consumers[0].jwt_secrets[0].secret: field secret holds a high-entropy literal (32 chars)',
  },
  {
    name: 'inline an AWS access key',
    files: corrupt(tree, gateway, 'ConfigMap', (d) => {
      at(d, 'data').service = `metadata:\n  annotations:\n    key: ${fakeAwsKeyId}\n`;
    }),
    rule: 'policy/secret-literal',
    object: 'ConfigMap/istio-ingress/kong-cloud-gw-gateway-options',
    message: 'data.service: value looks like an AWS access key id',
  },
  {
    name: 'inline a PEM private key',
    files: corrupt(tree, gateway, 'ConfigMap', (d) => {
      at(d, 'data').service = `${pemLine('BEGIN', 'RSA ')}\nMIIE\n${pemLine('END', 'RSA ')}\n`;
    }),
    rule: 'policy/secret-literal',
    also: [
      ['policy/no-private-key', 'ConfigMap/istio-ingress/kong-cloud-gw-gateway-options'],
      ['xlayer/gateway-parameters', 'ConfigMap/istio-ingress/kong-cloud-gw-gateway-options'],
    ],
    object: 'ConfigMap/istio-ingress/kong-cloud-gw-gateway-options',
    message: 'data.service: value looks like a PEM private key',
  },
  {
    name: 'inline a Konnect token',
    files: corrupt(tree, kong, 0, (d) => {
      d._info = { select_tags: ['routeplane'], note: fakeKonnectToken };
    }),
    rule: 'policy/secret-literal',
    object: '-',
    message: '_info.note: value looks like a Konnect access token',
  },
  {
    name: 'reference a non-DECK variable',
    files: corrupt(tree, kong, 0, (d) => {
      kongService(d).host = deckEnv('UPSTREAM');
    }),
    rule: 'policy/secret-literal',
    object: '-',
    message: 'services[0].host: env reference "UPSTREAM" must name a DECK_* variable',
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
    name: 'turn off verification of the Gateway certificate',
    files: corrupt(tree, kong, 0, (d) => {
      kongService(d).tls_verify = false;
    }),
    rule: 'policy/kong-tls-verify',
    object: '-',
    message:
      'tls_verify must be true with ca_certificates on every service (the gateway CA, gateway.pki), but ["sample-apps.sample-app-1"] do not verify the Gateway certificate',
  },
  {
    name: 'use a plain string prefix in Kong',
    files: corrupt(tree, kong, 0, (d) => {
      at(kongService(d), 'routes', 0).paths = ['/app1'];
    }),
    rule: 'xlayer/kong-route-match',
    object: 'KongRoute/app1',
    message:
      'paths must be ["/app1/","~/app1$"] to match the PathPrefix values ["/app1"] of HTTPRoute/istio-ingress/app1, but ["/app1"] was given',
  },
  {
    name: 'point a Kong route at another backend',
    files: corrupt(tree, kong, 0, (d) => {
      kongService(d).name = 'sample-apps.sample-app-2';
    }),
    rule: 'xlayer/kong-route-backend',
    object: 'KongRoute/app1',
    message:
      'must identify backend sample-apps/sample-app-1 of HTTPRoute/istio-ingress/app1 by name sample-apps.sample-app-1 or tag',
  },
  {
    name: 'rename a Kong route',
    files: corrupt(tree, kong, 0, (d) => {
      at(kongService(d), 'routes', 0).name = 'app-one';
    }),
    rule: 'xlayer/kong-route-exposed',
    also: [['xlayer/kong-route-match', 'KongRoute/app-one']],
    object: 'HTTPRoute/istio-ingress/app1',
    message: 'no Kong route named app1 in deck/dev/kong.yaml',
  },
  {
    name: 'send Kong upstream traffic in clear text',
    files: corrupt(tree, kong, 0, (d) => {
      Object.assign(kongService(d), { protocol: 'http', port: 80 });
    }),
    rule: 'xlayer/kong-upstream',
    also: [['xlayer/kong-upstream', 'KongService/sample-apps.sample-app-1']],
    object: 'KongService/sample-apps.sample-app-1',
    message: 'protocol must be https (TLS to the Gateway), but "http" was given',
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
    name: 'put an L7 field in a ztunnel policy',
    files: corrupt(tree, backend, 'AuthorizationPolicy', (d) => {
      at(d, 'spec', 'rules', 0, 'to', 0, 'operation').methods = ['GET'];
    }),
    rule: 'policy/ztunnel-l4-only',
    object: 'AuthorizationPolicy/sample-apps/sample-app-1',
    message: 'rules[0].to.operation.methods is L7',
  },
  {
    name: 'run as root',
    files: corrupt(tree, backend, 'Deployment', (d) => {
      // the renderer sets it on the pod and on the container: either one is enough
      delete at(d, 'spec', 'template', 'spec', 'securityContext').runAsNonRoot;
      delete at(container(d), 'securityContext').runAsNonRoot;
    }),
    rule: 'policy/run-as-non-root',
    object: 'Deployment/sample-apps/sample-app-1',
    message: 'container server: runAsNonRoot must be true, but nothing was given',
  },
  {
    name: 'run without a seccomp profile',
    files: corrupt(tree, backend, 'Deployment', (d) => {
      delete at(d, 'spec', 'template', 'spec', 'securityContext').seccompProfile;
      delete at(container(d), 'securityContext').seccompProfile;
    }),
    rule: 'policy/seccomp',
    object: 'Deployment/sample-apps/sample-app-1',
    message: 'container server: seccompProfile.type must be RuntimeDefault, but nothing was given',
  },
  {
    name: 'make the root filesystem writable',
    files: corrupt(tree, backend, 'Deployment', (d) => {
      at(container(d), 'securityContext').readOnlyRootFilesystem = false;
    }),
    rule: 'policy/read-only-root',
    object: 'Deployment/sample-apps/sample-app-1',
    message:
      'container server: securityContext.readOnlyRootFilesystem must be true, but false was given',
  },
  {
    name: 'mount the service account token',
    files: corrupt(tree, backend, 'Deployment', (d) => {
      delete at(d, 'spec', 'template', 'spec').automountServiceAccountToken;
    }),
    rule: 'policy/automount-token',
    object: 'Deployment/sample-apps/sample-app-1',
    message: 'pod automountServiceAccountToken must be false, but nothing was given',
  },
  {
    name: 'allow privilege escalation',
    files: corrupt(tree, backend, 'Deployment', (d) => {
      at(container(d), 'securityContext').allowPrivilegeEscalation = true;
    }),
    rule: 'policy/privilege-escalation',
    object: 'Deployment/sample-apps/sample-app-1',
    message:
      'container server: securityContext.allowPrivilegeEscalation must be false, but true was given',
  },
  {
    name: 'keep capabilities',
    files: corrupt(tree, backend, 'Deployment', (d) => {
      at(container(d), 'securityContext').capabilities = { drop: ['NET_RAW'] };
    }),
    rule: 'policy/capabilities',
    object: 'Deployment/sample-apps/sample-app-1',
    message:
      'container server: securityContext.capabilities.drop must contain ALL, but ["NET_RAW"] was given',
  },
  {
    name: 'use the latest image',
    files: corrupt(tree, backend, 'Deployment', (d) => {
      container(d).image = 'docker.io/nginxinc/nginx-unprivileged:latest';
    }),
    rule: 'policy/image-tag',
    object: 'Deployment/sample-apps/sample-app-1',
    message:
      'image must be pinned to a tag other than latest or a digest, but "docker.io/nginxinc/nginx-unprivileged:latest" was given',
  },
  {
    name: 'drop the limits',
    files: corrupt(tree, backend, 'Deployment', (d) => {
      delete at(container(d), 'resources').limits;
    }),
    rule: 'policy/resources',
    also: [['policy/resources', 'Deployment/sample-apps/sample-app-1']],
    object: 'Deployment/sample-apps/sample-app-1',
    message: 'container server: resources.limits.cpu must be set, but nothing was given',
  },
  {
    name: 'use the same probe twice',
    files: corrupt(tree, backend, 'Deployment', (d) => {
      container(d).livenessProbe = container(d).readinessProbe;
    }),
    rule: 'policy/probes',
    object: 'Deployment/sample-apps/sample-app-1',
    message: 'container server: livenessProbe and readinessProbe must differ',
  },
  {
    name: 'run one replica',
    files: corrupt(tree, backend, 'Deployment', (d) => {
      at(d, 'spec').replicas = 1;
    }),
    rule: 'policy/replicas',
    object: 'Deployment/sample-apps/sample-app-1',
    message: 'spec.replicas must be >= 2, but 1 was given',
  },
  {
    name: 'drop the PodDisruptionBudget',
    files: corrupt(tree, backend, 'PodDisruptionBudget', () => null),
    rule: 'policy/pdb',
    object: 'Deployment/sample-apps/sample-app-1',
    message: 'no PodDisruptionBudget in namespace sample-apps selects the pod labels',
  },
  {
    name: 'drop the NetworkPolicy',
    // the backend's own policy and the namespace's default-deny and DNS-egress policies
    files: corrupt(
      corrupt(
        corrupt(tree, backend, 'NetworkPolicy', () => null),
        namespacePolicies,
        'NetworkPolicy',
        () => null,
      ),
      namespacePolicies,
      'NetworkPolicy',
      () => null,
    ),
    rule: 'policy/network-policy',
    object: 'Deployment/sample-apps/sample-app-1',
    message: 'no NetworkPolicy in namespace sample-apps selects the pod labels',
  },
  {
    name: 'forget the HBONE port in the NetworkPolicy',
    files: corrupt(tree, backend, 'NetworkPolicy', (d) => {
      list(d, 'spec', 'ingress', 0, 'ports').pop();
    }),
    rule: 'policy/network-policy',
    object: 'Deployment/sample-apps/sample-app-1',
    message: 'NetworkPolicy ingress ports [8080] must include 15008 (ambient HBONE)',
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
    name: 'drop the TLS certificateRef',
    files: corrupt(tree, gateway, 'Gateway', (d) => {
      delete at(d, 'spec', 'listeners', httpsListener).tls;
    }),
    rule: 'xlayer/gateway-tls',
    object: 'Gateway/istio-ingress/kong-cloud-gw-gateway',
    message: 'listener "https" tls.certificateRefs must name the TLS Secret, but none was given',
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
    name: 'drop the serving Certificate (the seed made the Secret with a script)',
    files: corrupt(tree, servingCert, 0, () => null),
    rule: 'xlayer/gateway-certificate-source',
    also: [['xlayer/gateway-certificate-source', 'Gateway/istio-ingress/kong-cloud-gw-gateway']],
    object: gatewayObject,
    message:
      'listener "https" certificateRef Secret istio-ingress/kong-cloud-gw-gateway-tls is produced by no rendered Certificate',
  },
  {
    name: 'issue the certificates in the same wave as the gateway',
    files: corrupt(tree, 'argocd/dev/apps/pki.yaml', 0, (d) => {
      at(d, 'metadata', 'annotations')['argocd.argoproj.io/sync-wave'] = '5';
    }),
    rule: 'xlayer/gateway-certificate-source',
    also: [['xlayer/gateway-certificate-source', 'Gateway/istio-ingress/kong-cloud-gw-gateway']],
    object: gatewayObject,
    message:
      'listener "https" certificateRef Secret istio-ingress/kong-cloud-gw-gateway-tls comes from Certificate/istio-ingress/kong-cloud-gw-gateway-tls in Application routeplane-dev-pki (wave 5); expected a wave < 5',
  },
  {
    name: 'issue the serving certificate from another CA than the one Kong trusts',
    files: corrupt(tree, servingCert, 0, (d) => {
      at(d, 'spec', 'issuerRef').name = 'other-ca';
    }),
    rule: 'xlayer/kong-trusts-gateway-ca',
    also: [['xlayer/kong-client-certificate', 'KongService/sample-apps.sample-app-1']],
    object: kongServiceObject,
    message:
      'Kong trusts DECK_GATEWAY_CA_CERT (ca.crt of Certificate/cert-manager/kong-gateway-client, issuer ClusterIssuer/routeplane-gateway-ca), but Gateway/istio-ingress/kong-cloud-gw-gateway listener "https" serves Certificate/istio-ingress/kong-cloud-gw-gateway-tls, issued by ClusterIssuer/other-ca',
  },
  {
    name: 'paste a CA into kong.yaml (a second source of truth)',
    files: corrupt(tree, kong, 0, (d) => {
      at(d, 'ca_certificates', 0).cert =
        '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';
    }),
    rule: 'xlayer/kong-trusts-gateway-ca',
    object: kongServiceObject,
    message: `cert must be a ${deckEnv('DECK_...')} reference filled from the cluster CA`,
  },
  {
    name: 'fill the CA variable from nothing in the cluster',
    files: corrupt(tree, kong, 0, (d) => {
      at(d, 'ca_certificates', 0).cert = deckEnv('DECK_SOME_CA');
    }),
    rule: 'xlayer/kong-trusts-gateway-ca',
    object: kongServiceObject,
    message: 'ca_certificate cert DECK_SOME_CA is filled from no rendered Certificate',
  },
  {
    name: 'trust ca.crt of a certificate issued by the self-signed bootstrap issuer',
    files: corrupt(tree, kongClientCert, 0, (d) => {
      at(d, 'spec', 'issuerRef').name = 'routeplane-gateway-ca-selfsigned';
    }),
    rule: 'xlayer/kong-trusts-gateway-ca',
    also: [
      ['xlayer/kong-client-certificate', 'KongService/sample-apps.sample-app-1'],
      ['xlayer/kong-trusts-gateway-ca', 'KongService/sample-apps.sample-app-1'],
    ],
    object: kongServiceObject,
    message: 'which is SelfSigned: ca.crt would be that certificate itself, not a CA',
  },
  {
    name: 'drop the client certificate Kong presents',
    files: corrupt(tree, kong, 0, (d) => {
      delete kongService(d).client_certificate;
    }),
    rule: 'xlayer/kong-client-certificate',
    object: kongServiceObject,
    message:
      'client_certificate must name a certificates entry: Gateway/istio-ingress/kong-cloud-gw-gateway listener "https" on port 443 demands a client certificate, but nothing was given',
  },
  {
    name: "issue Kong's client certificate from a CA the listener does not trust",
    files: corrupt(tree, kongClientCert, 0, (d) => {
      at(d, 'spec', 'issuerRef').name = 'other-ca';
    }),
    rule: 'xlayer/kong-client-certificate',
    also: [['xlayer/kong-trusts-gateway-ca', 'KongService/sample-apps.sample-app-1']],
    object: kongServiceObject,
    message:
      'presents Certificate/cert-manager/kong-gateway-client (issuer ClusterIssuer/other-ca), but Gateway/istio-ingress/kong-cloud-gw-gateway listener "https" on port 443 trusts ca.crt of Certificate/istio-ingress/kong-cloud-gw-gateway-tls (issuer ClusterIssuer/routeplane-gateway-ca)',
  },
  {
    name: 'give the client key as a literal',
    files: corrupt(tree, kong, 0, (d) => {
      at(d, 'certificates', 0).key = 'not-a-reference';
    }),
    rule: 'policy/no-private-key',
    also: [['xlayer/kong-client-certificate', 'KongService/sample-apps.sample-app-1']],
    object: 'certificates[0]',
    message: `key must be a ${deckEnv('DECK_...')} reference, but a literal was given`,
  },
  {
    name: 'hide a base64 PEM key in a ConfigMap',
    files: corrupt(tree, gateway, 'ConfigMap', (d) => {
      at(d, 'data').extra = Buffer.from(
        `${pemLine('BEGIN', 'EC ')}\nMHcCAQEEIB\n${pemLine('END', 'EC ')}\n`,
      ).toString('base64');
    }),
    rule: 'policy/no-private-key',
    also: [['xlayer/gateway-parameters', 'ConfigMap/istio-ingress/kong-cloud-gw-gateway-options']],
    object: 'ConfigMap/istio-ingress/kong-cloud-gw-gateway-options',
    message: 'data.extra holds a private key (PEM or base64 PEM)',
  },
  {
    name: 'render the serving Secret itself',
    files: corrupt(tree, servingCert, 0, () => ({
      apiVersion: 'v1',
      kind: 'Secret',
      type: 'kubernetes.io/tls',
      metadata: { name: 'kong-cloud-gw-gateway-tls', namespace: 'istio-ingress' },
      data: { 'tls.crt': '', 'tls.key': '' },
    })),
    rule: 'policy/no-private-key',
    also: [
      ['xlayer/gateway-certificate-source', 'Gateway/istio-ingress/kong-cloud-gw-gateway'],
      ['xlayer/gateway-certificate-source', 'Gateway/istio-ingress/kong-cloud-gw-gateway'],
      ['policy/secret-literal', 'Secret/istio-ingress/kong-cloud-gw-gateway-tls'],
      ['policy/secret-literal', 'Secret/istio-ingress/kong-cloud-gw-gateway-tls'],
    ],
    object: 'Secret/istio-ingress/kong-cloud-gw-gateway-tls',
    message: 'a TLS Secret (["tls.key"]) must not be rendered',
  },
  {
    name: 'stop demanding client certificates (any VPC caller reaches the backends)',
    files: corrupt(tree, gateway, 'Gateway', (d) => {
      delete at(d, 'spec').tls;
    }),
    rule: 'policy/gateway-client-auth',
    also: [['policy/gateway-client-auth', gatewayObject]],
    object: gatewayObject,
    message:
      'a caller at 10.0.0.0 without a client certificate reaches Service/sample-apps/sample-app-1 Gateway/istio-ingress/kong-cloud-gw-gateway listener "https" (port 443) -> HTTPRoute/istio-ingress/app1',
  },
  {
    name: 'let clients without a certificate fall back',
    files: corrupt(tree, gateway, 'Gateway', (d) => {
      at(d, 'spec', 'tls', 'frontend', 'default', 'validation').mode = 'AllowInsecureFallback';
    }),
    rule: 'policy/gateway-client-auth',
    also: [['policy/gateway-client-auth', gatewayObject]],
    object: gatewayObject,
    message:
      'a caller at 10.0.0.0 without a client certificate reaches Service/sample-apps/sample-app-1',
  },
  {
    name: 'commit a file that does not parse',
    files: [...tree, { path: `${k8s}/extra.yaml`, documents: [], parseError: 'bad indentation' }],
    rule: 'schema/parse',
    object: '-',
    message: 'does not parse: bad indentation',
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
  {
    name: 'rate-limit with the cluster policy Konnect rejects',
    files: corrupt(tree, kong, 0, (d) => {
      kongService(d).plugins = [
        { name: 'rate-limiting', config: { minute: 5, policy: 'cluster' } },
      ];
    }),
    rule: 'policy/kong-plugins',
    object: 'KongPlugin/rate-limiting',
    message: 'config.policy "cluster" is unsupported in Konnect',
  },
  {
    name: 'rate-limit-advanced with the cluster strategy Konnect rejects',
    files: corrupt(tree, kong, 0, (d) => {
      kongService(d).plugins = [
        {
          name: 'rate-limiting-advanced',
          config: { limit: [5], window_size: [60], strategy: 'cluster' },
        },
      ];
    }),
    rule: 'policy/kong-plugins',
    object: 'KongPlugin/rate-limiting-advanced',
    message: 'config.strategy "cluster" is unsupported in Konnect',
  },
  {
    name: 'count a rate limit per node without the catalog accepting it',
    files: corrupt(tree, kong, 0, (d) => {
      kongService(d).plugins = [
        { name: 'rate-limiting', config: { minute: 5, policy: 'local' }, tags: ['routeplane'] },
      ];
    }),
    rule: 'policy/kong-rate-limit-per-node',
    object: 'service sample-apps.sample-app-1',
    message:
      'rate-limiting counts locally, on each data-plane node: with N nodes clients get N times the limit, and under autopilot N moves with traffic',
  },
  {
    name: 'open CORS to any origin with credentials',
    files: corrupt(tree, kong, 0, (d) => {
      kongService(d).plugins = [{ name: 'cors', config: { origins: ['*'], credentials: true } }];
    }),
    rule: 'policy/kong-plugins',
    object: 'KongPlugin/cors',
    message: 'config.origins ["*"] must not be combined with credentials: true',
  },
  {
    name: 'send a backend shared secret through one route of a service only',
    files: corrupt(tree, kong, 0, (d) => {
      const routes = list(kongService(d), 'routes');
      const first = at(d, 'services', 0, 'routes', 0);
      routes.push({
        ...first,
        name: 'second-route',
        paths: ['~/second$', '/second/'],
        plugins: [
          {
            name: 'request-transformer',
            config: {
              remove: { headers: ['X-Backend-Secret'] },
              add: { headers: [`X-Backend-Secret:${deckEnv('DECK_BACKEND_SECRET')}`] },
            },
          },
        ],
      });
    }),
    rule: 'xlayer/kong-backend-secret',
    also: [['xlayer/kong-route-match', 'KongRoute/second-route']],
    object: 'route app1',
    message: `service sample-apps.sample-app-1 sends its backend X-Backend-Secret:${deckEnv('DECK_BACKEND_SECRET')} through its other routes, but this route does not`,
  },
];
