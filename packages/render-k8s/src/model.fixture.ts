/**
 * A typed Model shaped like the one `loadModel` resolves from the shipped catalog, so the renderer
 * can be tested without the catalog package's loader.
 */
import type {
  BackendModel,
  EnvironmentModel,
  Model,
  NamespaceModel,
  ReferenceGrantModel,
  RouteModel,
} from '@routeplane/catalog';

const gatewayNs = 'istio-ingress';
const image = 'docker.io/nginxinc/nginx-unprivileged:1.29.3-alpine';

function namespace(name: string, role: 'gateway' | 'backend'): NamespaceModel {
  return {
    name,
    role,
    labels: {
      'app.kubernetes.io/managed-by': 'routeplane',
      'istio.io/dataplane-mode': 'ambient',
      'pod-security.kubernetes.io/audit': 'restricted',
      'pod-security.kubernetes.io/enforce': 'restricted',
      'pod-security.kubernetes.io/warn': 'restricted',
      'routeplane.dev/role': role,
    },
  };
}

/** A sample backend; `responses` default to one JSON body per path. */
export function backend(
  name: string,
  ns: string,
  paths: readonly string[],
  healthPath: string,
  replicas = 2,
): BackendModel {
  const selectorLabels = { 'app.kubernetes.io/instance': name, 'app.kubernetes.io/name': name };
  return {
    name,
    namespace: ns,
    image,
    containerPort: 8080,
    servicePort: 80,
    portName: 'http',
    replicas,
    resources: {
      requests: { cpu: '10m', memory: '16Mi' },
      limits: { cpu: '100m', memory: '64Mi' },
    },
    healthPath,
    responses: [...paths].sort().map((path) => ({
      path,
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ app: name, path }),
    })),
    selectorLabels,
    labels: {
      ...selectorLabels,
      'app.kubernetes.io/managed-by': 'routeplane',
      'app.kubernetes.io/part-of': 'routeplane',
    },
    runAsUser: 10101,
    runAsGroup: 10101,
    allowFrom: [],
  };
}

/** A route in the gateway namespace pointing at `service` on port 80. */
export function route(name: string, paths: readonly string[], service: BackendModel): RouteModel {
  return {
    name,
    namespace: gatewayNs,
    paths: [...paths].sort(),
    hosts: [],
    methods: [],
    backend: { name: service.name, namespace: service.namespace, port: service.servicePort },
    kongPaths: paths.flatMap((p) => [`~${p}$`, `${p}/`]),
    plugins: {},
  };
}

/** Grants derived the way the catalog resolver does: one per referenced foreign namespace. */
export function deriveGrants(routes: readonly RouteModel[]): ReferenceGrantModel[] {
  const byNs = new Map<string, { from: string; names: Set<string> }>();
  for (const r of routes) {
    if (r.backend.namespace === r.namespace) continue;
    const entry = byNs.get(r.backend.namespace) ?? { from: r.namespace, names: new Set<string>() };
    entry.names.add(r.backend.name);
    byNs.set(r.backend.namespace, entry);
  }
  return [...byNs.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([ns, { from, names }]) => ({
      namespace: ns,
      fromNamespace: from,
      serviceNames: [...names].sort(),
    }));
}

const health = backend('health-responder', 'gateway-health', ['/healthz'], '/healthz');
const app1 = backend(
  'sample-app-1',
  'sample-apps',
  ['/app1', '/app1/health', '/app1/info'],
  '/app1/health',
);
const app2 = backend(
  'sample-app-2',
  'sample-apps',
  ['/app2', '/app2/health', '/app2/info'],
  '/app2/health',
);
const users = backend(
  'users-api',
  'api-services',
  ['/api/users', '/api/users/health'],
  '/api/users/health',
);

/** One environment shaped like the shipped catalog's `dev`; `overrides` replace top-level fields. */
export function fixtureEnvironment(overrides: Partial<EnvironmentModel> = {}): EnvironmentModel {
  const routes: RouteModel[] = [
    route('app1', ['/app1'], app1),
    route('app2', ['/app2'], app2),
    route('healthz', ['/healthz'], health),
    {
      ...route('users-api', ['/api/users'], users),
      methods: ['DELETE', 'GET', 'OPTIONS', 'POST', 'PUT'],
    },
  ];
  const base: EnvironmentModel = {
    name: 'dev',
    gitops: {
      repoURL: 'https://github.com/example-org/kong-cloud-gateway-platform.git',
      targetRevision: 'main',
      destinationServer: 'https://kubernetes.default.svc',
    },
    versions: {
      gatewayApi: 'v1.6.1',
      istio: '1.30.2',
      argoCdChart: '9.4.1',
      argoCdAppsChart: '2.0.2',
      awsLoadBalancerControllerChart: '1.15.0',
      kubernetes: '1.34',
      kongGateway: '3.12',
    },
    argocd: {
      namespace: 'argocd',
      project: 'routeplane-dev',
      rootApplication: 'routeplane-dev-root',
    },
    gateway: {
      name: 'kong-cloud-gw-gateway',
      namespace: gatewayNs,
      className: 'istio',
      hostname: 'gateway.internal.example.com',
      tlsSecretName: 'kong-cloud-gw-gateway-tls',
      httpPort: 80,
      httpsPort: 443,
      replicas: 2,
      generatedName: 'kong-cloud-gw-gateway-istio',
      principal: `cluster.local/ns/${gatewayNs}/sa/kong-cloud-gw-gateway-istio`,
      parametersConfigMapName: 'kong-cloud-gw-gateway-options',
      systemNodeSelector: { 'node-role': 'system' },
      systemToleration: {
        key: 'CriticalAddonsOnly',
        operator: 'Equal',
        value: 'true',
        effect: 'NoSchedule',
      },
      statusPort: 15021,
      loadBalancerSecurityGroupName: 'fixture-cluster-gateway-nlb',
    },
    namespaces: [
      namespace('api-services', 'backend'),
      namespace('gateway-health', 'backend'),
      namespace(gatewayNs, 'gateway'),
      namespace('sample-apps', 'backend'),
    ],
    services: [users, health, app1, app2],
    routes,
    referenceGrants: deriveGrants(routes),
    kong: {
      konnectRegion: 'us',
      controlPlaneName: 'kong-cloud-gw-dev',
      selectTags: ['routeplane'],
      networkCidr: '192.168.0.0/16',
      upstream: {
        protocol: 'https',
        port: 443,
        host: { kind: 'env', variable: 'DECK_GATEWAY_UPSTREAM_HOST' },
        sni: 'gateway.internal.example.com',
      },
      trustedIps: [],
      consumers: [],
      dataPlane: { version: '3.12', baseRps: 100 },
      requiredEnv: ['DECK_GATEWAY_UPSTREAM_HOST'],
    },
    aws: {
      region: 'us-east-1',
      vpcCidr: '10.0.0.0/16',
      availabilityZoneIds: ['use1-az1', 'use1-az2', 'use1-az4'],
      cluster: {
        name: 'kong-cloud-gw-dev',
        version: '1.34',
        endpointPublicAccessCidrs: [],
        admins: ['arn:aws:iam::111122223333:role/PlatformAdmin'],
      },
      nodePools: {
        system: {
          instanceTypes: ['m7i.large'],
          minSize: 2,
          maxSize: 3,
          desiredSize: 2,
          diskSizeGiB: 50,
        },
        user: {
          instanceTypes: ['m7i.large'],
          minSize: 2,
          maxSize: 6,
          desiredSize: 2,
          diskSizeGiB: 50,
        },
      },
      transitGatewayAsn: 64512,
      edge: {
        domainName: 'api.dev.example.com',
        viewerCertificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/1',
        originClientCertificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/2',
        kongProxyDomain: 'proxy.kong-cloud-gw-dev.example.com',
        wafRateLimitPer5Minutes: 2000,
      },
      state: {
        bucket: 'example-org-terraform-state',
        region: 'us-east-1',
        keyPrefix: 'routeplane/dev',
      },
    },
    waivers: [],
  };
  return { ...base, ...overrides };
}

/** A two-environment Model (dev, prod) like the shipped catalog. */
export function fixtureModel(): Model {
  const dev = fixtureEnvironment();
  const prod = fixtureEnvironment({
    name: 'prod',
    gateway: { ...dev.gateway, replicas: 3 },
    services: dev.services.map((s) => (s.name === 'users-api' ? { ...s, replicas: 3 } : s)),
  });
  return { catalogFile: 'catalog.yaml', environments: [dev, prod] };
}

/**
 * `routes` routes over `routes / 10` backends spread across five namespaces, in two environments:
 * a stand-in for a large catalog (benchmarks, scaling checks).
 */
export function largeModel(routes: number): Model {
  const services = Array.from({ length: Math.max(1, Math.floor(routes / 10)) }, (_, i) =>
    backend(
      `svc-${String(i).padStart(4, '0')}`,
      `team-${i % 5}`,
      [`/svc-${i}`],
      `/svc-${i}/health`,
    ),
  ).sort((a, b) => `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`));
  const routeList = Array.from({ length: routes }, (_, i) => {
    const svc = services[i % services.length] as BackendModel;
    return route(`route-${String(i).padStart(4, '0')}`, [`/r${i}`], svc);
  });
  const base = fixtureEnvironment();
  const namespaces = [
    ...base.namespaces.filter((n) => n.role === 'gateway'),
    ...[...new Set(services.map((s) => s.namespace))].map((n) => namespace(n, 'backend')),
  ].sort((a, b) => a.name.localeCompare(b.name));
  const env = fixtureEnvironment({
    services,
    routes: routeList,
    namespaces,
    referenceGrants: deriveGrants(routeList),
  });
  return { catalogFile: 'catalog.yaml', environments: [env, { ...env, name: 'prod' }] };
}
