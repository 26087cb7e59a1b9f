import type { EnvironmentModel, Model } from '@routeplane/catalog';

/** A small but complete environment: only the fields the infrastructure reads carry meaning. */
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
      loadBalancerSecurityGroupName: 'cluster-dev-gateway-nlb',
    },
    namespaces: [],
    services: [],
    routes: [],
    referenceGrants: [],
    kong: {
      konnectRegion: 'eu',
      controlPlaneName: 'cp-dev',
      selectTags: ['routeplane'],
      networkCidr: '192.168.0.0/16',
      upstream: {
        protocol: 'https',
        port: 443,
        host: { kind: 'env', variable: 'DECK_GATEWAY_UPSTREAM_HOST' },
        sni: 'gateway.internal.example.com',
      },
      cloudfrontOriginHeader: { name: 'X-Origin-Verify', valueEnv: 'DECK_ORIGIN_SECRET' },
      trustedIps: [],
      consumers: [],
      dataPlane: { version: '3.12', baseRps: 100 },
      requiredEnv: [],
    },
    aws: {
      region: 'eu-west-1',
      vpcCidr: '10.20.0.0/16',
      availabilityZoneIds: ['euw1-az1', 'euw1-az2', 'euw1-az3'],
      cluster: {
        name: 'cluster-dev',
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
          instanceTypes: ['m7g.large'],
          minSize: 2,
          maxSize: 6,
          desiredSize: 2,
          diskSizeGiB: 80,
        },
      },
      transitGatewayAsn: 64512,
      edge: {
        domainName: 'api.dev.example.com',
        viewerCertificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/viewer',
        originClientCertificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/origin-client',
        kongProxyDomain: 'proxy.dev.example.com',
        wafRateLimitPer5Minutes: 2000,
      },
      state: { bucket: 'state-bucket', region: 'eu-west-1', keyPrefix: 'routeplane/dev' },
    },
    waivers: [],
  };
  return { ...base, ...overrides };
}

export function fixtureModel(...environments: EnvironmentModel[]): Model {
  return { catalogFile: 'catalog.yaml', environments };
}
