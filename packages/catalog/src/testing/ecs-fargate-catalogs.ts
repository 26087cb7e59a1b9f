import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { type Edit, shippedCatalogText } from './bad-catalogs.js';

/** The ECS Fargate example catalog (`examples/ecs-fargate/catalog.yaml`). */
export const ecsFargateCatalogPath: string = new URL(
  '../../../../examples/ecs-fargate/catalog.yaml',
  import.meta.url,
).pathname;

const exampleText = readFileSync(ecsFargateCatalogPath, 'utf8');

/** The example with edits applied (dotted paths, undefined deletes), as `shipped()` does. */
export function ecsExample(...edits: readonly Edit[]): string {
  const data = parse(exampleText) as unknown;
  for (const [path, value] of edits) {
    const keys = path.split('.');
    const last = keys.pop() ?? '';
    let cursor = data as Record<string, unknown>;
    for (const key of keys) {
      cursor[key] ??= {};
      cursor = cursor[key] as Record<string, unknown>;
    }
    if (value === undefined) delete cursor[last];
    else cursor[last] = value;
  }
  return stringify(data);
}

const ecs = 'kong.dataPlane.ecsFargate';

/** The shipped catalog's complete aws.edge, for cases that add an edge the schema accepts. */
const shippedEdge = (parse(shippedCatalogText) as { aws: { edge: unknown } }).aws.edge;

/** ECS Fargate combinations the loader refuses: [case, catalog text, message, located key path]. */
export const badEcsFargateCatalogs: readonly [string, string, string, string][] = [
  [
    'a Konnect network on an all-ecsFargate catalog',
    ecsExample(['kong.networkCidr', '192.168.0.0/16']),
    'is a dedicated-only option (the Konnect cloud gateway network',
    'kong.networkCidr',
  ],
  [
    'a Dedicated Cloud Gateway custom domain (aws.edge) on an ecsFargate environment',
    ecsExample([
      'environments.1.aws.edge',
      { domainName: 'a.example.com', kongProxyDomain: 'p.example.com' },
    ]),
    'is a dedicated-only option (what clients reach in front of the Dedicated Cloud Gateway)',
    'environments[1].aws.edge',
  ],
  [
    'dataPlaneBaseRps on an ecsFargate environment',
    ecsExample(['environments.0.dataPlaneBaseRps', 100]),
    "is a dedicated-only option (the Dedicated Cloud Gateway's autopilot base)",
    'environments[0].dataPlaneBaseRps',
  ],
  [
    'a Dedicated Cloud Gateway connectivity on an ecsFargate environment',
    ecsExample(['environments.1.connectivity', 'vpcPeering']),
    "is a dedicated-only option (how the Dedicated Cloud Gateway's networks reach the gateway)",
    'environments[1].connectivity',
  ],
  [
    'extra data-plane regions on an ecsFargate environment',
    ecsExample([
      'environments.0.dataPlaneRegions',
      [
        {
          region: 'us-west-2',
          networkCidr: '192.169.0.0/16',
          availabilityZoneIds: ['usw2-az1', 'usw2-az2', 'usw2-az3'],
        },
      ],
    ]),
    "is a dedicated-only option (the Dedicated Cloud Gateway's extra regions)",
    'environments[0].dataPlaneRegions',
  ],
  [
    'workload identity roles on an ecsFargate environment',
    ecsExample(['environments.0.workloadIdentityRoles', [{ role: 'kong-s3' }]]),
    "is a dedicated-only option (roles the Dedicated Cloud Gateway's Konnect network roles assume)",
    'environments[0].workloadIdentityRoles',
  ],
  [
    'custom-mode sizing on an ecsFargate environment',
    ecsExample([
      'environments.0.dataPlaneCustomMode',
      { instanceType: 'small', requestedInstances: 2 },
    ]),
    "is a dedicated-only option (the Dedicated Cloud Gateway's custom-mode sizing)",
    'environments[0].dataPlaneCustomMode',
  ],
  [
    'custom plugins while an environment runs Kong on ECS Fargate',
    ecsExample([
      'kong.customPlugins',
      [{ name: 'tenant-header', handler: 'h.lua', schema: 's.lua' }],
    ]),
    'is a dedicated-only option (custom plugins streamed to Dedicated Cloud Gateway data planes), but environment',
    'kong.customPlugins',
  ],
  [
    'a private hosted zone for Kong while an environment runs Kong on ECS Fargate',
    ecsExample(
      ['kong.upstream.privateDnsZone', 'example.com'],
      ['kong.upstream.hostEnv', undefined],
    ),
    'is a dedicated-only option (a private hosted zone attached to the Konnect networks), but environment',
    'kong.upstream.privateDnsZone',
  ],
  [
    'the Konnect custom domain DNS (aws.edge.kongDomainDns) on an ecsFargate environment',
    ecsExample([
      'environments.1.aws.edge',
      {
        kongDomainDns: {
          publicZone: 'example.com',
          edgeTarget: 'x.edge.gateways.example.net',
          acmeChallengeTarget: 'x.acme.gateways.example.net',
        },
      },
    ]),
    'is a dedicated-only option (what clients reach in front of the Dedicated Cloud Gateway)',
    'environments[1].aws.edge',
  ],
  [
    'ecsFargate settings on a dedicated environment',
    ecsExample(['environments.2.kong.dataPlane.kind', 'dedicated']),
    'is an ecsFargate-only option, but environment test uses kong.dataPlane.kind dedicated',
    'environments[2].kong.dataPlane.ecsFargate',
  ],
  [
    'a dedicated environment without the Konnect network',
    ecsExample(['environments.3.kong', { dataPlane: { kind: 'dedicated' } }]),
    'needs networkCidr (the Konnect cloud gateway network) for environment prod',
    'kong',
  ],
  [
    "Kong's VPC overlapping the EKS VPC",
    ecsExample([`${ecs}.vpcCidr`, '10.0.0.0/20']),
    "Kong's VPC 10.0.0.0/20 overlaps the EKS VPC 10.0.0.0/16",
    `${ecs}.vpcCidr`,
  ],
  [
    "a subnet outside Kong's VPC",
    ecsExample([`${ecs}.subnets.web`, ['10.40.0.0/24', '10.41.1.0/24']]),
    "subnet 10.41.1.0/24 is not inside Kong's VPC 10.40.0.0/20",
    `${ecs}.subnets.web[1]`,
  ],
  [
    'two tiers overlapping',
    ecsExample([`${ecs}.subnets.data`, ['10.40.0.0/25', '10.40.8.128/25']]),
    'subnet 10.40.0.0/25 overlaps 10.40.0.0/24 of the same VPC',
    `${ecs}.subnets.data[0]`,
  ],
  [
    'a tier with fewer subnets than AZs',
    ecsExample([`${ecs}.availabilityZoneIds`, ['use1-az1', 'use1-az2', 'use1-az4']]),
    'needs one CIDR per availability zone (3), but 2 were given',
    `${ecs}.subnets.web`,
  ],
  [
    "a VPC link subnet that is not Kong's",
    ecsExample([`${ecs}.apiGateway.vpcLinkSubnets`, ['10.40.4.0/23', '10.40.0.0/24']]),
    `the VPC link's ENIs must sit in Kong's subnets (subnets.app: 10.40.4.0/23, 10.40.6.0/23), but "10.40.0.0/24" was given`,
    `${ecs}.apiGateway.vpcLinkSubnets[1]`,
  ],
  [
    "a hub destination inside Kong's VPC",
    ecsExample([
      `${ecs}.transitGatewayHub`,
      { transitGatewayId: 'tgw-0123456789abcdef0', destinationCidrs: ['10.40.8.0/24'] },
    ]),
    "10.40.8.0/24 overlaps Kong's own VPC 10.40.0.0/20",
    `${ecs}.transitGatewayHub.destinationCidrs[0]`,
  ],
  [
    'a task size Fargate does not run',
    ecsExample([`${ecs}.tasks.memory`, 8192]),
    'Fargate runs 512 CPU units with 1024-4096 MiB in steps of 1024, but 8192 was given',
    `${ecs}.tasks.memory`,
  ],
  [
    'minCount above maxCount',
    ecsExample([`${ecs}.tasks.minCount`, 5]),
    'needs minCount <= maxCount, but 5 > 3 was given',
    `${ecs}.tasks`,
  ],
  [
    'one Kong task in prod',
    ecsExample(['environments.3.kong.dataPlane.ecsFargate.tasks.minCount', 1]),
    'production needs at least 2 Kong tasks',
    'environments[3].kong.dataPlane.ecsFargate.tasks.minCount',
  ],
  [
    'a local rate limit while Kong runs on ECS Fargate',
    ecsExample(['routes.3.plugins.rateLimiting.policy', 'local']),
    'must be shared (or unset) while environment sandbox, dev, test, prod runs Kong on ECS Fargate',
    'routes[3].plugins.rateLimiting.policy',
  ],
  [
    "Konnect's managed cache on an ECS Fargate environment",
    ecsExample(['environments.1.kong.managedCache', { tier: 'micro' }]),
    "is a dedicated-only option (Konnect's managed cache serves Dedicated Cloud Gateways only; ECS Fargate counts in its own ElastiCache Redis), but environment dev uses kong.dataPlane.kind ecsFargate: remove it",
    'environments[1].kong.managedCache',
  ],
  [
    "Konnect's managed cache while every environment runs Kong on ECS Fargate",
    ecsExample(['kong.managedCache', { tier: 'micro' }]),
    'is a dedicated-only option',
    'kong.managedCache',
  ],
  [
    'entry cloudfront without its settings',
    ecsExample(['environments.2.kong.dataPlane.ecsFargate.cloudfront', undefined]),
    'entry cloudfront needs kong.dataPlane.ecsFargate.cloudfront (domainName, viewerCertificateArn, wafRateLimitPer5Minutes) for environment test',
    'environments[2].kong.dataPlane.ecsFargate.entry',
  ],
  [
    'API Gateway settings on an environment entered through CloudFront',
    ecsExample(['environments.2.kong.dataPlane.ecsFargate.apiGateway', { throttlingRateLimit: 5 }]),
    'is an option of entry apiGateway, but environment test uses entry cloudfront: remove it',
    'environments[2].kong.dataPlane.ecsFargate.apiGateway',
  ],
  [
    'CloudFront settings on an environment entered through API Gateway',
    ecsExample([
      'environments.1.kong.dataPlane.ecsFargate.cloudfront',
      {
        domainName: 'api.dev.example.com',
        viewerCertificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/1',
        wafRateLimitPer5Minutes: 100,
      },
    ]),
    'is an option of entry cloudfront, but environment dev uses entry apiGateway: remove it',
    'environments[1].kong.dataPlane.ecsFargate.cloudfront',
  ],
  [
    'an API Gateway domain certificate from another region',
    ecsExample([
      'environments.3.kong.dataPlane.ecsFargate.apiGateway.customDomain.certificateArn',
      'arn:aws:acm:eu-west-1:444455556666:certificate/00000000-0000-0000-0000-000000000021',
    ]),
    "a regional API Gateway domain needs an ACM certificate in the environment's region us-east-1, but one in eu-west-1 was given (environment prod)",
    'environments[3].kong.dataPlane.ecsFargate.apiGateway.customDomain.certificateArn',
  ],
  [
    'a CloudFront custom domain (aws.edge) on an all-ecsFargate catalog',
    ecsExample(['aws.edge', shippedEdge]),
    'is a dedicated-only option (what clients reach in front of the Dedicated Cloud Gateway), but every environment uses kong.dataPlane.kind ecsFargate: remove it',
    'aws.edge',
  ],
  [
    'ecsFargate settings on an all-dedicated catalog',
    ecsExample(['kong.dataPlane.kind', 'dedicated']),
    'is an ecsFargate-only option, but every environment uses kong.dataPlane.kind dedicated: remove it or set kind: ecsFargate',
    'kong.dataPlane.ecsFargate',
  ],
  [
    'an ecsFargate environment without ecsFargate settings anywhere',
    ecsExample([`${ecs}`, undefined]),
    'needs ecsFargate settings (vpcCidr, availabilityZoneIds, subnets) for environment sandbox, here or in kong.dataPlane.ecsFargate',
    'environments[0].kong.dataPlane',
  ],
  [
    'an environment override that is the only ecsFargate settings and lacks the network',
    ecsExample(
      [`${ecs}`, undefined],
      ['environments.0.kong.dataPlane.ecsFargate', { entry: 'apiGateway' }],
    ),
    'needs vpcCidr, availabilityZoneIds and subnets (here or in kong.dataPlane.ecsFargate) for environment sandbox',
    'environments[0].kong.dataPlane.ecsFargate',
  ],
];
