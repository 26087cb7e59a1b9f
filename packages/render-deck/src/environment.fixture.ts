/**
 * A small typed Model for tests, shaped like the shipped catalog. Overrides replace whole top-level
 * fields of the environment; `fixtureRoute` builds routes with Kong paths derived the documented way.
 */
import type { BackendModel, EnvironmentModel, Model, RouteModel } from '@routeplane/catalog';
import { kongPathsForPrefix } from '@routeplane/catalog';

export function fixtureBackend(namespace: string, name: string): BackendModel {
  const selectorLabels = { 'app.kubernetes.io/name': name, 'app.kubernetes.io/instance': name };
  return {
    name,
    namespace,
    image: 'docker.io/nginxinc/nginx-unprivileged:1.29.3-alpine',
    containerPort: 8080,
    servicePort: 80,
    portName: 'http',
    replicas: 2,
    resources: {
      requests: { cpu: '10m', memory: '16Mi' },
      limits: { cpu: '100m', memory: '64Mi' },
    },
    healthPath: '/healthz',
    responses: [],
    selectorLabels,
    labels: { ...selectorLabels, 'app.kubernetes.io/part-of': 'routeplane' },
    runAsUser: 10101,
    runAsGroup: 10101,
    allowFrom: [],
  };
}

export function fixtureRoute(
  name: string,
  paths: readonly string[],
  backend: { readonly namespace: string; readonly name: string },
  extra: Partial<Pick<RouteModel, 'hosts' | 'methods' | 'plugins'>> = {},
): RouteModel {
  const sorted = [...paths].sort();
  return {
    name,
    namespace: 'istio-ingress',
    paths: sorted,
    hosts: extra.hosts ?? [],
    methods: extra.methods ?? [],
    backend: { ...backend, port: 80 },
    // the resolver's own derivation, so the property tests exercise it
    kongPaths: sorted.flatMap(kongPathsForPrefix),
    plugins: extra.plugins ?? {},
  };
}

const usersApi = fixtureBackend('api-services', 'users-api');
const app1 = fixtureBackend('sample-apps', 'sample-app-1');

export function fixtureEnvironment(overrides: Partial<EnvironmentModel> = {}): EnvironmentModel {
  const base: EnvironmentModel = {
    name: 'dev',
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
      project: 'routeplane-dev',
      rootApplication: 'routeplane-dev-root',
    },
    gateway: {
      name: 'kong-cloud-gw-gateway',
      namespace: 'istio-ingress',
      className: 'istio',
      hostname: 'gateway.internal.example.com',
      tlsSecretName: 'kong-cloud-gw-gateway-tls',
      httpPort: 80,
      httpsPort: 443,
      replicas: 2,
      generatedName: 'kong-cloud-gw-gateway-istio',
      principal: 'cluster.local/ns/istio-ingress/sa/kong-cloud-gw-gateway-istio',
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
    namespaces: [],
    services: [usersApi, app1],
    routes: [
      fixtureRoute('app1', ['/app1'], app1),
      fixtureRoute('users-api', ['/api/users'], usersApi, {
        methods: ['GET', 'OPTIONS', 'POST'],
        plugins: {
          jwt: { keyClaimName: 'iss', claimsToVerify: ['exp'] },
          rateLimiting: { minute: 100, policy: 'local', limitBy: 'consumer' },
          cors: {
            origins: ['https://app.example.com'],
            methods: ['GET', 'POST'],
            headers: ['Authorization'],
            exposedHeaders: [],
            credentials: true,
            maxAge: 3600,
          },
          requestTransformer: {
            addHeaders: [['X-Gateway-Source', 'kong-konnect']],
            removeHeaders: [],
          },
        },
      }),
    ],
    referenceGrants: [],
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
      cloudfrontOriginHeader: {
        name: 'X-Origin-Verify',
        valueEnv: 'DECK_CLOUDFRONT_ORIGIN_SECRET',
      },
      trustedIps: [],
      consumers: [
        {
          username: 'demo-user',
          jwtCredentials: [
            { key: 'demo-issuer', algorithm: 'HS256', secretEnv: 'DECK_DEMO_USER_JWT_SECRET' },
          ],
        },
      ],
      dataPlane: { version: '3.12', baseRps: 100 },
      requiredEnv: [
        'DECK_CLOUDFRONT_ORIGIN_SECRET',
        'DECK_DEMO_USER_JWT_SECRET',
        'DECK_GATEWAY_UPSTREAM_HOST',
      ],
    },
    aws: {
      region: 'us-east-1',
      vpcCidr: '10.0.0.0/16',
      availabilityZoneIds: ['use1-az1', 'use1-az2', 'use1-az4'],
      cluster: {
        name: 'kong-cloud-gw-dev',
        version: '1.34',
        endpointPublicAccessCidrs: [],
        admins: [],
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
        kongProxyDomain: 'proxy.example.com',
        wafRateLimitPer5Minutes: 2000,
      },
      state: { bucket: 'example-state', region: 'us-east-1', keyPrefix: 'routeplane/dev' },
    },
    waivers: [],
  };
  return { ...base, ...overrides };
}

export function fixtureModel(...environments: EnvironmentModel[]): Model {
  return {
    catalogFile: 'catalog.yaml',
    environments: environments.length > 0 ? environments : [fixtureEnvironment()],
  };
}
