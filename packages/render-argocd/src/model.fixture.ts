import type { BackendModel, EnvironmentModel, Model, NamespaceModel } from '@routeplane/catalog';

/** Small typed environments for tests, shaped like the shipped catalog's. */

function namespace(name: string, role: NamespaceModel['role']): NamespaceModel {
  return {
    name,
    role,
    labels: {
      'istio.io/dataplane-mode': 'ambient',
      'kubernetes.io/metadata.name': name,
      'pod-security.kubernetes.io/enforce': 'restricted',
    },
  };
}

function backend(name: string, ns: string): BackendModel {
  const selectorLabels = { 'app.kubernetes.io/name': name, 'app.kubernetes.io/instance': name };
  return {
    name,
    namespace: ns,
    image: 'docker.io/nginxinc/nginx-unprivileged:1.29.3-alpine',
    containerPort: 8080,
    servicePort: 80,
    portName: 'http',
    replicas: 2,
    resources: {
      requests: { cpu: '10m', memory: '16Mi' },
      limits: { cpu: '100m', memory: '64Mi' },
    },
    healthPath: `/${name}/health`,
    responses: [{ path: `/${name}`, status: 200, contentType: 'application/json', body: '{}' }],
    selectorLabels,
    labels: { ...selectorLabels, 'app.kubernetes.io/part-of': 'routeplane' },
    runAsUser: 10101,
    runAsGroup: 10101,
    allowFrom: [],
  };
}

export function fixtureEnvironment(overrides: Partial<EnvironmentModel> = {}): EnvironmentModel {
  const name = overrides.name ?? 'dev';
  const gatewayNs = 'istio-ingress';
  const services = [backend('app-a', 'apps-a'), backend('app-b', 'apps-b')];
  return {
    name,
    gitops: {
      repoURL: 'https://github.com/example-org/platform.git',
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
      project: `routeplane-${name}`,
      rootApplication: `routeplane-${name}-root`,
    },
    gateway: {
      name: 'gw',
      namespace: gatewayNs,
      className: 'istio',
      hostname: 'gateway.internal.example.com',
      tlsSecretName: 'gw-tls',
      httpPort: 80,
      httpsPort: 443,
      replicas: 2,
      generatedName: 'gw-istio',
      principal: `cluster.local/ns/${gatewayNs}/sa/gw-istio`,
      parametersConfigMapName: 'gw-options',
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
      namespace('apps-a', 'backend'),
      namespace('apps-b', 'backend'),
      namespace(gatewayNs, 'gateway'),
    ],
    services,
    routes: services.map((s) => ({
      name: s.name,
      namespace: gatewayNs,
      paths: [`/${s.name}`],
      hosts: [],
      methods: [],
      backend: { name: s.name, namespace: s.namespace, port: 80 },
      kongPaths: [`~/${s.name}$`, `/${s.name}/`],
      plugins: {},
    })),
    referenceGrants: services.map((s) => ({
      namespace: s.namespace,
      fromNamespace: gatewayNs,
      serviceNames: [s.name],
    })),
    kong: {
      konnectRegion: 'us',
      controlPlaneName: `cp-${name}`,
      selectTags: ['routeplane'],
      networkCidr: '192.168.0.0/16',
      upstream: {
        protocol: 'https',
        port: 443,
        host: { kind: 'literal', value: 'gateway.internal.example.com' },
        sni: 'gateway.internal.example.com',
      },
      trustedIps: [],
      consumers: [],
      dataPlane: { version: '3.12', baseRps: 100 },
      requiredEnv: [],
    },
    aws: {
      region: 'us-east-1',
      vpcCidr: '10.0.0.0/16',
      availabilityZoneIds: ['use1-az1', 'use1-az2', 'use1-az4'],
      cluster: { name: `c-${name}`, version: '1.34', endpointPublicAccessCidrs: [], admins: [] },
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
        domainName: 'api.example.com',
        viewerCertificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/1',
        originClientCertificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/2',
        kongProxyDomain: 'proxy.example.com',
        wafRateLimitPer5Minutes: 2000,
      },
      state: { bucket: 'state', region: 'us-east-1', keyPrefix: `routeplane/${name}` },
    },
    waivers: [],
    ...overrides,
  };
}

export function fixtureModel(
  environments: readonly EnvironmentModel[] = [fixtureEnvironment()],
): Model {
  return { catalogFile: 'catalog.yaml', environments };
}
