import type { Route, RouteCatalog, Service } from '../catalog.generated.js';

/**
 * The catalog behind every renderer's test fixture. Deliberately not the shipped catalog (which
 * users edit): values that a renderer could confuse differ on purpose, e.g. an AWS region other
 * than us-east-1 (the edge lives there), an ARM user node pool, a Konnect region other than `us`,
 * two services sharing a namespace, and a prod environment that overrides replicas, the upstream
 * host and a rate limit. A fresh object per call, so edits never leak between tests.
 */
export function fixtureCatalog(): RouteCatalog {
  return {
    apiVersion: 'routeplane.dev/v1alpha1',
    kind: 'RouteCatalog',
    gitops: { repoURL: 'https://github.com/example-org/platform.git', targetRevision: 'main' },
    versions: {
      gatewayApi: 'v1.6.1',
      istio: '1.30.2',
      argoCdChart: '9.4.1',
      argoCdAppsChart: '2.0.2',
      awsLoadBalancerControllerChart: '1.15.0',
      kubernetes: '1.34',
      kongGateway: '3.12',
    },
    gateway: {
      name: 'kong-cloud-gw-gateway',
      namespace: 'istio-ingress',
      hostname: 'gateway.internal.example.com',
      tlsSecretName: 'kong-cloud-gw-gateway-tls',
      replicas: 2,
      systemNodeSelector: { 'node-role': 'system' },
    },
    kong: {
      konnectRegion: 'eu',
      selectTags: ['routeplane'],
      networkCidr: '192.168.0.0/16',
      upstream: { protocol: 'https', port: 443, hostEnv: 'DECK_GATEWAY_UPSTREAM_HOST' },
      cloudfrontOriginHeader: {
        name: 'X-Origin-Verify',
        valueEnv: 'DECK_CLOUDFRONT_ORIGIN_SECRET',
      },
    },
    aws: {
      region: 'eu-west-1',
      vpcCidr: '10.20.0.0/16',
      availabilityZoneIds: ['euw1-az1', 'euw1-az2', 'euw1-az3'],
      cluster: {
        name: 'cluster',
        apiAccess: { publicCidrs: ['203.0.113.0/24'] },
        admins: ['arn:aws:iam::111122223333:role/PlatformAdmin'],
      },
      nodePools: {
        system: { instanceTypes: ['m7i.large'], minSize: 2, maxSize: 3, desiredSize: 2 },
        user: {
          instanceTypes: ['m7g.large'],
          minSize: 2,
          maxSize: 6,
          desiredSize: 2,
          diskSizeGiB: 80,
        },
      },
      edge: {
        domainName: 'api.dev.example.com',
        viewerCertificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/viewer',
        originClientCertificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/origin-client',
        kongProxyDomain: 'proxy.dev.example.com',
        wafRateLimitPer5Minutes: 2000,
      },
      state: { bucket: 'state-bucket', region: 'eu-west-1' },
    },
    services: [
      fixtureService('health-responder', 'gateway-health', '/healthz', ['/healthz']),
      fixtureService('sample-app-1', 'sample-apps', '/app1/health', ['/app1', '/app1/info']),
      fixtureService('sample-app-2', 'sample-apps', '/app2/health', ['/app2', '/app2/info']),
      fixtureService('users-api', 'api-services', '/api/users/health', ['/api/users']),
    ],
    routes: [
      { name: 'healthz', paths: ['/healthz'], service: 'health-responder' },
      { name: 'app1', paths: ['/app1'], service: 'sample-app-1' },
      { name: 'app2', paths: ['/app2'], service: 'sample-app-2' },
      {
        name: 'users-api',
        paths: ['/api/users'],
        methods: ['GET', 'POST', 'OPTIONS'],
        service: 'users-api',
        plugins: {
          jwt: { keyClaimName: 'iss', claimsToVerify: ['exp'] },
          rateLimiting: {
            minute: 100,
            policy: 'local',
            acceptPerNodeLimits: true,
            limitBy: 'consumer',
          },
          cors: {
            origins: ['https://app.example.com'],
            methods: ['GET', 'POST'],
            headers: ['Authorization'],
            credentials: true,
            maxAge: 3600,
          },
          requestTransformer: { addHeaders: { 'X-Gateway-Source': 'kong-konnect' } },
        },
      },
    ],
    consumers: [
      {
        username: 'demo-user',
        jwtCredentials: [
          { key: 'demo-issuer', algorithm: 'HS256', secretEnv: 'DECK_DEMO_USER_JWT_SECRET' },
        ],
      },
    ],
    environments: [
      {
        name: 'dev',
        controlPlaneName: 'kong-cloud-gw-dev',
        dataPlaneBaseRps: 100,
        aws: { cluster: { name: 'cluster-dev' }, state: { keyPrefix: 'routeplane/dev' } },
      },
      {
        name: 'prod',
        targetRevision: 'release',
        controlPlaneName: 'kong-cloud-gw-prod',
        upstreamHost: 'gateway.prod.internal.example.com',
        dataPlaneBaseRps: 500,
        gatewayReplicas: 3,
        replicas: { 'users-api': 3 },
        rateLimits: { 'users-api': { minute: 600 } },
        aws: {
          accountId: '444455556666',
          cluster: { name: 'cluster-prod' },
          // Each environment has its own edge: the loader rejects an alias, custom domain or
          // certificate that two environments share.
          edge: {
            domainName: 'api.example.com',
            viewerCertificateArn: 'arn:aws:acm:us-east-1:444455556666:certificate/viewer',
            originClientCertificateArn:
              'arn:aws:acm:us-east-1:444455556666:certificate/origin-client',
            kongProxyDomain: 'proxy.example.com',
          },
          state: { keyPrefix: 'routeplane/prod' },
        },
      },
    ],
  };
}

/** A sample backend answering one JSON body per path and `{"status":"healthy"}` on its health path. */
export function fixtureService(
  name: string,
  namespace: string,
  healthPath: string,
  paths: readonly string[],
): Service {
  return {
    name,
    namespace,
    image: 'docker.io/nginxinc/nginx-unprivileged:1.29.3-alpine',
    port: 8080,
    replicas: 2,
    resources: {
      requests: { cpu: '10m', memory: '16Mi' },
      limits: { cpu: '100m', memory: '64Mi' },
    },
    healthPath,
    responses: [
      ...paths.map((path) => ({ path, body: JSON.stringify({ app: name, path }) })),
      // the loader requires the health path to be one the server answers
      ...(paths.includes(healthPath) ? [] : [{ path: healthPath, body: '{"status":"healthy"}' }]),
    ],
  };
}

/**
 * Replaces the catalog's services and routes, and drops the per-environment replicas and rate
 * limits, which name services and routes the new lists may not have.
 */
export function replaceServicesAndRoutes(
  catalog: RouteCatalog,
  services: Service[],
  routes: Route[],
): void {
  catalog.services = services;
  catalog.routes = routes;
  for (const env of catalog.environments) {
    delete env.replicas;
    delete env.rateLimits;
  }
}
