import { describe, expect, it } from 'vitest';
import { shipped } from './testing/bad-catalogs.js';
import { catalogProblems } from './testing/catalog-problems.js';
import { type Expected, expectedProblems } from './testing/expected-problems.js';

/**
 * The alb-edge rule: exact problem lists, where each points, and the edges of the ALB's private
 * target ranges (a network is accepted only inside one of them, its prefix at least the range's).
 */
const alb = ['environments.0.aws.edge', { kind: 'alb', publicZone: 'example.com' }] as const;
const albNeedsDomain =
  "kind alb needs domainName and wafRateLimitPer5Minutes after the environment's overrides, but domainName is missing (environment dev)";
const konnectDns = {
  publicZone: 'example.com',
  edgeTarget: 'dev.edge.konnect.example.net',
  acmeChallengeTarget: 'dev.acme.konnect.example.net',
};
const targets = (cidr: string) =>
  `aws.edge.kind alb registers the data planes' private IPs as ALB targets, which must lie in 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 100.64.0.0/10, but ${cidr} was given (environment dev)`;
const overlapsVpc = (cidr: string) =>
  `VPC CIDR 10.0.0.0/16 overlaps Kong's network ${cidr} (environment dev): the Transit Gateway could not route between them`;

describe('alb-edge: every problem, where it points', () => {
  it.each<[string, string, readonly Expected[]]>([
    ['an ALB edge whose public zone holds its domain', shipped(alb), []],
    [
      'a public zone that is the parent of the domain one level up',
      shipped(['environments.0.aws.edge', { kind: 'alb', publicZone: 'dev.example.com' }]),
      [],
    ],
    [
      'an ALB edge reaching Kong through VPC Lattice (at the key)',
      shipped(alb, ['environments.0.connectivity', 'privateEndpoint']),
      [
        [
          'environments.0.connectivity',
          true,
          `aws.edge.kind alb forwards from the ALB in the cluster VPC to the data planes' private IPs, but privateEndpoint (VPC Lattice) lets only Kong's network reach the VPC, never the VPC reach Kong, so transitGateway or vpcPeering is required, but "privateEndpoint" was given (environment dev)`,
        ],
      ],
    ],
    [
      'a public zone that does not hold the domain (at the key)',
      shipped(['environments.0.aws.edge', { kind: 'alb', publicZone: 'example.org' }]),
      [
        [
          'environments.0.aws.edge.publicZone',
          true,
          'must be a parent domain of aws.edge.domainName api.dev.example.com (its certificate validation record and alias go there), but "example.org" was given (environment dev)',
        ],
      ],
    ],
    [
      'a public zone on a CloudFront edge (at the key)',
      shipped(['environments.1.aws.edge.publicZone', 'example.com']),
      [
        [
          'environments.1.aws.edge.publicZone',
          true,
          'is read by aws.edge.kind alb only, but the kind is cloudfront (environment prod): remove it',
        ],
      ],
    ],
    [
      // The networks rule reports the malformed CIDR; alb-edge leaves it to that rule.
      'a Kong network with host bits set',
      shipped(alb, ['kong.networkCidr', '192.168.0.1/16']),
      [
        [
          'kong.networkCidr',
          false,
          'has host bits set: the network address is 192.168.0.0/16, but "192.168.0.1/16" was given',
        ],
      ],
    ],
    [
      'a Kong network that is all of 10.0.0.0/8 (the range itself)',
      shipped(alb, ['kong.networkCidr', '10.0.0.0/8']),
      [['aws.vpcCidr', false, overlapsVpc('10.0.0.0/8')]],
    ],
    [
      'a Kong network wider than 10.0.0.0/8 (at the key)',
      shipped(alb, ['kong.networkCidr', '10.0.0.0/7']),
      [
        ['kong.networkCidr', true, targets('10.0.0.0/7')],
        ['aws.vpcCidr', false, overlapsVpc('10.0.0.0/7')],
      ],
    ],
    [
      // edge-keys reports the missing domain; the zone check has nothing to compare.
      'an ALB edge without its domain name (at the edge)',
      shipped(alb, ['aws.edge.domainName', undefined]),
      [['environments.0.aws.edge', true, albNeedsDomain]],
    ],
    [
      'an ALB edge without its domain name, naming a Konnect domain DNS (at the key)',
      shipped(
        ['environments.0.aws.edge', { ...alb[1], kongDomainDns: konnectDns }],
        ['aws.edge.domainName', undefined],
      ),
      [
        ['environments.0.aws.edge', true, albNeedsDomain],
        [
          'environments.0.aws.edge.kongDomainDns',
          true,
          "names the DNS of the Konnect custom domain, which aws.edge.kind alb does not render (clients call the ALB at domainName (missing); Kong's API access is private): remove it (environment dev)",
        ],
      ],
    ],
  ])('%s', (_name, text, expected) => {
    expect(catalogProblems(text)).toEqual(expectedProblems(text, expected));
  });

  it.each([
    '10.1.0.0/16',
    '172.16.0.0/12',
    '172.31.0.0/16',
    '100.64.0.0/10',
    '100.127.0.0/16',
    '192.168.0.0/16',
  ])('accepts the Kong network %s (inside a private target range)', (cidr) => {
    expect(catalogProblems(shipped(alb, ['kong.networkCidr', cidr]))).toEqual([]);
  });

  it.each(['172.32.0.0/16', '100.128.0.0/16', '192.169.0.0/16', '11.0.0.0/16'])(
    'refuses the Kong network %s (outside every private target range)',
    (cidr) => {
      const text = shipped(alb, ['kong.networkCidr', cidr]);
      expect(catalogProblems(text)).toEqual(
        expectedProblems(text, [['kong.networkCidr', true, targets(cidr)]]),
      );
    },
  );
});
