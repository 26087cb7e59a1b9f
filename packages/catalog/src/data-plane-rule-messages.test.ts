import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { shipped, shippedCatalogText } from './testing/bad-catalogs.js';
import { catalogProblems } from './testing/catalog-problems.js';
import { ecsExample } from './testing/ecs-fargate-catalogs.js';
import { type Expected, expectedProblems } from './testing/expected-problems.js';
import { ecsFargateBlock, mixedCatalog } from './testing/mixed-catalog.js';

/**
 * The exact problem list of the data-plane rules (rule data-plane-kind): every problem, its key
 * path, and whether it points at the key (a whole option to remove) or at the value. The shared
 * table in ecs-fargate-catalogs.ts checks one substring per case; these also fail on an extra
 * problem, a problem at the wrong place or a boundary moved by one.
 */

const ecs = 'kong.dataPlane.ecsFargate';
const edge = parseDocument(shippedCatalogText).toJS().aws.edge;
const dedicatedOnly = (what: string, env: string) =>
  `is a dedicated-only option (${what}), but environment ${env} uses kong.dataPlane.kind ecsFargate: remove it`;
const memory = (cpu: number, range: string, given: number, env: string) =>
  `Fargate runs ${cpu} CPU units with ${range} MiB in steps of 1024, but ${given} was given (environment ${env})`;
const overlapsEks = (env: string) =>
  `Kong's VPC 10.0.0.0/20 overlaps the EKS VPC 10.0.0.0/16 (environment ${env}): the peering between them could not route`;
const needsNetwork = (env: string) =>
  `needs vpcCidr, availabilityZoneIds and subnets (here or in kong.dataPlane.ecsFargate) for environment ${env}`;

/** The example's other subnets (all but web[0]), each overlapping a wide first web subnet. */
const overlapsTheRest = (wide: string): Expected[] =>
  (
    [
      ['web.1', '10.40.1.0/24'],
      ['app.0', '10.40.4.0/23'],
      ['app.1', '10.40.6.0/23'],
      ['data.0', '10.40.8.0/25'],
      ['data.1', '10.40.8.128/25'],
    ] as const
  ).map(([at, cidr]) => [
    `${ecs}.subnets.${at}`,
    false,
    `subnet ${cidr} overlaps ${wide} of the same VPC`,
  ]);

describe('data-plane-kind: every problem, where it points', () => {
  it.each<[string, string, readonly Expected[]]>([
    [
      'a top-level aws.edge on an all-ecsFargate catalog (the key)',
      ecsExample(['aws.edge', edge]),
      [
        [
          'aws.edge',
          true,
          'is a dedicated-only option (what clients reach in front of the Dedicated Cloud Gateway), but every environment uses kong.dataPlane.kind ecsFargate: remove it',
        ],
      ],
    ],
    [
      'a top-level ecsFargate block on an all-dedicated catalog (the key)',
      shipped(['kong.dataPlane', { kind: 'dedicated', ecsFargate: ecsFargateBlock }]),
      [
        [
          `${ecs}`,
          true,
          'is an ecsFargate-only option, but every environment uses kong.dataPlane.kind dedicated: remove it or set kind: ecsFargate',
        ],
      ],
    ],
    [
      "an environment's ecsFargate override on a dedicated environment (the key)",
      shipped(['environments.0.kong', { dataPlane: { ecsFargate: { entry: 'cloudfront' } } }]),
      [
        [
          'environments.0.kong.dataPlane.ecsFargate',
          true,
          'is an ecsFargate-only option, but environment dev uses kong.dataPlane.kind dedicated',
        ],
      ],
    ],
    [
      'dedicated environments without an edge (the aws value of the first one)',
      shipped(['aws.edge', undefined], ['environments.0.aws.edge', undefined]),
      [
        [
          'environments.0.aws',
          false,
          'needs edge (what clients reach in front of the Dedicated Cloud Gateway: kind cloudfront, alb or none) for environment dev, whose data plane kind is dedicated',
        ],
      ],
    ],
    [
      "the Konnect networks' private hosted zone while an environment runs on ECS Fargate (the key)",
      ecsExample(
        ['kong.upstream.privateDnsZone', 'example.com'],
        ['kong.upstream.hostEnv', undefined],
      ),
      [
        [
          'kong.upstream.privateDnsZone',
          true,
          'is a dedicated-only option (a private hosted zone attached to the Konnect networks), but environment sandbox uses kong.dataPlane.kind ecsFargate, whose Kong would resolve gateway.hostname without it: remove it and use hostEnv or upstreamHost',
        ],
      ],
    ],
    [
      'dataPlaneBaseRps on an ecsFargate environment (the key)',
      ecsExample(['environments.0.dataPlaneBaseRps', 100]),
      [
        [
          'environments.0.dataPlaneBaseRps',
          true,
          dedicatedOnly("the Dedicated Cloud Gateway's autopilot base", 'sandbox'),
        ],
      ],
    ],
    [
      "an ecsFargate environment's own aws.edge (the key)",
      ecsExample([
        'environments.1.aws.edge',
        { domainName: 'a.example.com', kongProxyDomain: 'p.example.com' },
      ]),
      [
        [
          'environments.1.aws.edge',
          true,
          dedicatedOnly('what clients reach in front of the Dedicated Cloud Gateway', 'dev'),
        ],
      ],
    ],
    [
      'connectivity on an ecsFargate environment (the key)',
      ecsExample(['environments.1.connectivity', 'vpcPeering']),
      [
        [
          'environments.1.connectivity',
          true,
          dedicatedOnly("how the Dedicated Cloud Gateway's networks reach the gateway", 'dev'),
        ],
      ],
    ],
    [
      'an ecsFargate override lacking the network, and an environment with no settings at all',
      ecsExample(
        [ecs, undefined],
        ['environments.0.kong', { dataPlane: { ecsFargate: { vpcCidr: '10.40.0.0/20' } } }],
      ),
      [
        ['environments.0.kong.dataPlane.ecsFargate', false, needsNetwork('sandbox')],
        [
          'environments.1.kong.dataPlane',
          false,
          'needs ecsFargate settings (vpcCidr, availabilityZoneIds, subnets) for environment dev, here or in kong.dataPlane.ecsFargate',
        ],
        ['environments.2.kong.dataPlane.ecsFargate', false, needsNetwork('test')],
        ['environments.3.kong.dataPlane.ecsFargate', false, needsNetwork('prod')],
      ],
    ],
    [
      'an override with vpcCidr and zones but no subnets, and no top-level settings',
      ecsExample(
        [ecs, undefined],
        [
          'environments.0.kong',
          {
            dataPlane: {
              ecsFargate: {
                vpcCidr: '10.40.0.0/20',
                availabilityZoneIds: ['use1-az1', 'use1-az2'],
              },
            },
          },
        ],
      ),
      [
        ['environments.0.kong.dataPlane.ecsFargate', false, needsNetwork('sandbox')],
        [
          'environments.1.kong.dataPlane',
          false,
          'needs ecsFargate settings (vpcCidr, availabilityZoneIds, subnets) for environment dev, here or in kong.dataPlane.ecsFargate',
        ],
        ['environments.2.kong.dataPlane.ecsFargate', false, needsNetwork('test')],
        ['environments.3.kong.dataPlane.ecsFargate', false, needsNetwork('prod')],
      ],
    ],
    [
      // The top-level block is staging's; the dedicated prod is not held to two Kong tasks.
      'a mixed catalog whose ecsFargate settings (one task) are top-level',
      shipped(...mixedCatalog()),
      [],
    ],
    [
      // dev and prod inherit the top-level entry apiGateway, but as dedicated they read no ECS entry.
      "a mixed catalog whose top-level apiGateway settings only a dedicated environment's default could use",
      shipped(
        ...mixedCatalog({
          entry: 'cloudfront',
          cloudfront: {
            domainName: 'api.staging.example.com',
            viewerCertificateArn:
              'arn:aws:acm:us-east-1:111122223333:certificate/00000000-0000-0000-0000-000000000041',
            wafRateLimitPer5Minutes: 2000,
          },
        }),
      ),
      [
        [
          `${ecs}.apiGateway`,
          true,
          'is an option of entry apiGateway, but environment staging uses entry cloudfront: remove it',
        ],
      ],
    ],
  ])('%s', (_name, text, expected) => {
    expect(catalogProblems(text)).toEqual(expectedProblems(text, expected));
  });
});

describe('data-plane-kind: the ECS network', () => {
  it.each<[string, string, readonly Expected[]]>([
    [
      'a Kong VPC with host bits set',
      ecsExample([`${ecs}.vpcCidr`, '10.40.0.1/20']),
      [
        [
          `${ecs}.vpcCidr`,
          false,
          'has host bits set: the network address is 10.40.0.0/20, but "10.40.0.1/20" was given',
        ],
      ],
    ],
    [
      'a Kong VPC inside the EKS VPC (every environment, the top-level value)',
      ecsExample(
        [`${ecs}.vpcCidr`, '10.0.0.0/20'],
        [
          `${ecs}.subnets`,
          {
            web: ['10.0.0.0/24', '10.0.1.0/24'],
            app: ['10.0.4.0/23', '10.0.6.0/23'],
            data: ['10.0.8.0/25', '10.0.8.128/25'],
          },
        ],
      ),
      ['dev', 'prod', 'sandbox', 'test'].map(
        (env) => [`${ecs}.vpcCidr`, false, overlapsEks(env)] as const,
      ),
    ],
    [
      // test overrides ecsFargate but not its subnets: the problem points at the top level.
      'a subnet outside the VPC',
      ecsExample([`${ecs}.subnets.web`, ['10.40.0.0/24', '10.50.1.0/24']]),
      [
        [
          `${ecs}.subnets.web.1`,
          false,
          "subnet 10.50.1.0/24 is not inside Kong's VPC 10.40.0.0/20",
        ],
      ],
    ],
    [
      'a subnet wider than the VPC (a shorter prefix), overlapping the rest',
      ecsExample([`${ecs}.subnets.web`, ['10.40.0.0/19', '10.40.1.0/24']]),
      [
        [
          `${ecs}.subnets.web.0`,
          false,
          "subnet 10.40.0.0/19 is not inside Kong's VPC 10.40.0.0/20",
        ],
        ...overlapsTheRest('10.40.0.0/19'),
      ],
    ],
    [
      'an EKS VPC with host bits set (reported by the network rule; no overlap is computed)',
      ecsExample(['aws.vpcCidr', '10.0.0.1/16']),
      [
        [
          'aws.vpcCidr',
          false,
          'has host bits set: the network address is 10.0.0.0/16, but "10.0.0.1/16" was given',
        ],
      ],
    ],
    [
      'a subnet with host bits set',
      ecsExample([`${ecs}.subnets.web`, ['10.40.0.1/24', '10.40.1.0/24']]),
      [
        [
          `${ecs}.subnets.web.0`,
          false,
          'has host bits set: the network address is 10.40.0.0/24, but "10.40.0.1/24" was given',
        ],
      ],
    ],
    [
      'a subnet as wide as the VPC: inside it, overlapping the rest',
      ecsExample([`${ecs}.subnets.web`, ['10.40.0.0/20', '10.40.1.0/24']]),
      overlapsTheRest('10.40.0.0/20'),
    ],
    [
      "a VPC link in one of Kong's app subnets",
      ecsExample([`${ecs}.apiGateway.vpcLinkSubnets`, ['10.40.6.0/23']]),
      [],
    ],
    [
      'a transit gateway destination with host bits set',
      ecsExample([
        'environments.3.kong.dataPlane.ecsFargate.transitGatewayHub.destinationCidrs',
        ['10.100.0.1/16'],
      ]),
      [
        [
          'environments.3.kong.dataPlane.ecsFargate.transitGatewayHub.destinationCidrs.0',
          false,
          'has host bits set: the network address is 10.100.0.0/16, but "10.100.0.1/16" was given',
        ],
      ],
    ],
    [
      "a VPC link subnet that is not one of Kong's app subnets",
      ecsExample([`${ecs}.apiGateway.vpcLinkSubnets`, ['10.40.4.0/23', '10.40.0.0/24']]),
      [
        [
          `${ecs}.apiGateway.vpcLinkSubnets.1`,
          false,
          `the VPC link's ENIs must sit in Kong's subnets (subnets.app: 10.40.4.0/23, 10.40.6.0/23), but "10.40.0.0/24" was given`,
        ],
      ],
    ],
    [
      "a transit gateway destination overlapping Kong's VPC",
      ecsExample([
        'environments.3.kong.dataPlane.ecsFargate.transitGatewayHub.destinationCidrs',
        ['10.100.0.0/16', '10.40.0.0/16'],
      ]),
      [
        [
          'environments.3.kong.dataPlane.ecsFargate.transitGatewayHub.destinationCidrs.1',
          false,
          "10.40.0.0/16 overlaps Kong's own VPC 10.40.0.0/20: traffic to it would never reach the hub",
        ],
      ],
    ],
  ])('%s', (_name, text, expected) => {
    expect(catalogProblems(text)).toEqual(expectedProblems(text, expected));
  });
});

describe('data-plane-kind: entry and tasks', () => {
  it.each<[string, string, readonly Expected[]]>([
    [
      'an API Gateway certificate from another region',
      ecsExample([
        'environments.3.kong.dataPlane.ecsFargate.apiGateway.customDomain.certificateArn',
        'arn:aws:acm:eu-west-1:444455556666:certificate/00000000-0000-0000-0000-000000000021',
      ]),
      [
        [
          'environments.3.kong.dataPlane.ecsFargate.apiGateway.customDomain.certificateArn',
          false,
          "a regional API Gateway domain needs an ACM certificate in the environment's region us-east-1, but one in eu-west-1 was given (environment prod)",
        ],
      ],
    ],
    [
      // The certificate's region is not checked for an entry that does not use it.
      'apiGateway settings of its own on a cloudfront environment (the key)',
      ecsExample([
        'environments.2.kong.dataPlane.ecsFargate.apiGateway',
        {
          customDomain: {
            domainName: 'x.example.com',
            certificateArn: 'arn:aws:acm:eu-west-1:111122223333:certificate/x',
          },
        },
      ]),
      [
        [
          'environments.2.kong.dataPlane.ecsFargate.apiGateway',
          true,
          'is an option of entry apiGateway, but environment test uses entry cloudfront: remove it',
        ],
      ],
    ],
    [
      // prod sets its own cpu and memory; test only minCount, so its memory is the top level's.
      'memory that is not a step of 1024',
      ecsExample([`${ecs}.tasks.memory`, 3000]),
      ['dev', 'sandbox', 'test'].map(
        (env) => [`${ecs}.tasks.memory`, false, memory(512, '1024-4096', 3000, env)] as const,
      ),
    ],
    [
      'memory below the range of the cpu',
      ecsExample([`${ecs}.tasks.cpu`, 1024]),
      ['dev', 'sandbox', 'test'].map(
        (env) => [`${ecs}.tasks.memory`, false, memory(1024, '2048-8192', 1024, env)] as const,
      ),
    ],
    ['memory at the top of the range of the cpu', ecsExample([`${ecs}.tasks.memory`, 4096]), []],
    [
      'minCount equal to maxCount',
      ecsExample([`${ecs}.tasks.minCount`, 3], [`${ecs}.tasks.maxCount`, 3]),
      [],
    ],
    [
      'one task for production',
      ecsExample(
        ['environments.3.name', 'production'],
        ['environments.3.kong.dataPlane.ecsFargate.tasks.minCount', 1],
      ),
      [
        [
          'environments.3.kong.dataPlane.ecsFargate.tasks.minCount',
          false,
          'production needs at least 2 Kong tasks (one per AZ survives an AZ or task loss), but 1 was given (environment production)',
        ],
      ],
    ],
    [
      'an ecsFargate environment with no aws settings of its own',
      ecsExample(['environments.1.aws', undefined]),
      [],
    ],
    [
      'one task for environments whose names only contain prod',
      ecsExample(['environments.0.name', 'preprod'], ['environments.1.name', 'products']),
      [],
    ],
  ])('%s', (_name, text, expected) => {
    expect(catalogProblems(text)).toEqual(expectedProblems(text, expected));
  });
});
