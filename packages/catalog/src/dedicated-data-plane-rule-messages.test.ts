import { describe, expect, it } from 'vitest';
import { shipped } from './testing/bad-catalogs.js';
import { catalogProblems } from './testing/catalog-problems.js';
import { ecsExample } from './testing/ecs-fargate-catalogs.js';
import { type Expected, expectedProblems } from './testing/expected-problems.js';

/**
 * The Dedicated Cloud Gateway sizing and region rules (data-plane-sizing, data-plane-regions):
 * exact problem lists, where each points, and the ASN range boundaries.
 */
const region = (name: string, networkCidr: string) => ({
  region: name,
  networkCidr,
  availabilityZoneIds: ['usw2-az1', 'usw2-az2', 'usw2-az3'],
});
const regions = (...list: ReturnType<typeof region>[]) =>
  ['environments.0.dataPlaneRegions', list] as const;
const custom = { instanceType: 'small', requestedInstances: 2 };
const asn = (home: number, range: string) =>
  `1 extra region(s) take the ASNs ${home + 1}-${home + 1} after aws.transitGatewayAsn ${home}, which must stay within the private range ${range}; lower aws.transitGatewayAsn (environment dev)`;
const overlap = (what: string, cidr: string) =>
  `must not overlap ${what}, but ${cidr} was given (environment dev): the Transit Gateways could not route to both`;

describe('dedicated data-plane rules: every problem, where it points', () => {
  it.each<[string, string, readonly Expected[]]>([
    [
      'custom mode next to dataPlaneBaseRps (at the custom-mode key)',
      shipped(['environments.0.dataPlaneCustomMode', custom]),
      [
        [
          'environments.0.dataPlaneCustomMode',
          true,
          'custom mode sizes the data planes by instance type and count, so dataPlaneBaseRps (autopilot) must not be given too, but dataPlaneBaseRps: 100 was given (environment dev)',
        ],
      ],
    ],
    [
      // data-plane-kind refuses both; the sizing and region rules leave ecsFargate alone.
      'custom mode, dataPlaneBaseRps and a region on an ecsFargate environment',
      ecsExample(
        ['environments.0.dataPlaneCustomMode', custom],
        ['environments.0.dataPlaneBaseRps', 100],
        ['environments.0.dataPlaneRegions', [region('us-east-1', '192.169.0.0/16')]],
      ),
      [
        [
          'environments.0.dataPlaneCustomMode',
          true,
          "is a dedicated-only option (the Dedicated Cloud Gateway's custom-mode sizing), but environment sandbox uses kong.dataPlane.kind ecsFargate: remove it",
        ],
        [
          'environments.0.dataPlaneBaseRps',
          true,
          "is a dedicated-only option (the Dedicated Cloud Gateway's autopilot base), but environment sandbox uses kong.dataPlane.kind ecsFargate: remove it",
        ],
        [
          'environments.0.dataPlaneRegions',
          true,
          "is a dedicated-only option (the Dedicated Cloud Gateway's extra regions), but environment sandbox uses kong.dataPlane.kind ecsFargate: remove it",
        ],
      ],
    ],
    [
      'a region that is the home region',
      shipped(regions(region('us-east-1', '192.169.0.0/16'))),
      [
        [
          'environments.0.dataPlaneRegions.0.region',
          false,
          'each data-plane region needs its own entry, but "us-east-1" is already the home region aws.region (environment dev)',
        ],
      ],
    ],
    [
      'a region listed twice',
      shipped(
        regions(region('us-west-2', '192.169.0.0/16'), region('us-west-2', '192.170.0.0/16')),
      ),
      [
        [
          'environments.0.dataPlaneRegions.1.region',
          false,
          'each data-plane region needs its own entry, but "us-west-2" is already dataPlaneRegions[0] (environment dev)',
        ],
      ],
    ],
    [
      'privateEndpoint without extra regions',
      shipped(['environments.0.connectivity', 'privateEndpoint']),
      [],
    ],
    [
      'privateEndpoint with an extra region',
      shipped(
        ['environments.0.connectivity', 'privateEndpoint'],
        regions(region('us-west-2', '192.169.0.0/16')),
      ),
      [
        [
          'environments.0.connectivity',
          false,
          "privateEndpoint shares one VPC Lattice resource configuration in us-east-1 and serves only that region's data planes, so dataPlaneRegions must be empty, but 1 region(s) were given (environment dev); use transitGateway or vpcPeering for several regions",
        ],
      ],
    ],
    [
      'the last 16-bit private ASN with an extra region (at the regions key)',
      shipped(['aws.transitGatewayAsn', 65534], regions(region('us-west-2', '192.169.0.0/16'))),
      [['environments.0.dataPlaneRegions', true, asn(65534, '64512-65534')]],
    ],
    [
      'one below the last 16-bit private ASN with an extra region',
      shipped(['aws.transitGatewayAsn', 65533], regions(region('us-west-2', '192.169.0.0/16'))),
      [],
    ],
    [
      'the last 32-bit private ASN with an extra region',
      shipped(
        ['aws.transitGatewayAsn', 4294967294],
        regions(region('us-west-2', '192.169.0.0/16')),
      ),
      [['environments.0.dataPlaneRegions', true, asn(4294967294, '4200000000-4294967294')]],
    ],
    [
      'an extra region without kong.networkCidr',
      shipped(['kong.networkCidr', undefined], regions(region('us-west-2', '192.169.0.0/16'))),
      ['dev', 'prod'].map(
        (env) =>
          [
            'kong',
            false,
            `needs networkCidr (the Konnect cloud gateway network) for environment ${env}, whose data plane kind is dedicated`,
          ] as const,
      ),
    ],
    [
      'region networks overlapping the VPC, Kong and an earlier region',
      shipped(
        regions(
          region('us-west-2', '10.0.0.0/20'),
          region('eu-west-1', '192.168.4.0/24'),
          region('eu-central-1', '192.169.0.0/16'),
          region('ap-south-1', '192.169.128.0/17'),
        ),
      ),
      [
        [
          'environments.0.dataPlaneRegions.0.networkCidr',
          false,
          overlap('the VPC CIDR 10.0.0.0/16', '10.0.0.0/20'),
        ],
        [
          'environments.0.dataPlaneRegions.1.networkCidr',
          false,
          overlap('kong.networkCidr 192.168.0.0/16 (us-east-1)', '192.168.4.0/24'),
        ],
        [
          'environments.0.dataPlaneRegions.3.networkCidr',
          false,
          overlap('dataPlaneRegions[2].networkCidr 192.169.0.0/16', '192.169.128.0/17'),
        ],
      ],
    ],
    [
      'an extra region next to a VPC CIDR with host bits set (the networks rule reports it)',
      shipped(['aws.vpcCidr', '10.0.0.1/16'], regions(region('us-west-2', '192.169.0.0/16'))),
      [
        [
          'aws.vpcCidr',
          false,
          'has host bits set: the network address is 10.0.0.0/16, but "10.0.0.1/16" was given',
        ],
      ],
    ],
    [
      'a region network with host bits set',
      shipped(regions(region('us-west-2', '192.169.0.1/16'))),
      [
        [
          'environments.0.dataPlaneRegions.0.networkCidr',
          false,
          'has host bits set: the network address is 192.169.0.0/16, but "192.169.0.1/16" was given',
        ],
      ],
    ],
    [
      // The schema lets any non-empty string through; the networks rule reports it, regions skip it.
      'a Kong network that is no CIDR next to a data-plane region',
      shipped(['kong.networkCidr', 'abc'], regions(region('us-west-2', '172.16.0.0/16'))),
      [
        [
          'kong.networkCidr',
          false,
          'must be an IPv4 CIDR such as 10.0.0.0/16, but "abc" was given',
        ],
      ],
    ],
  ])('%s', (_name, text, expected) => {
    expect(catalogProblems(text)).toEqual(expectedProblems(text, expected));
  });
});
