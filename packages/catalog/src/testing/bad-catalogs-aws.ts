import { type BadCatalog, shipped } from './bad-catalog-edits.js';

/** Bad catalogs whose mistake sits in aws. */
export const awsMistakes: readonly BadCatalog[] = [
  [
    'a CIDR with host bits',
    shipped(['aws.vpcCidr', '10.0.0.1/16']),
    'aws.vpcCidr: has host bits set: the network address is 10.0.0.0/16',
  ],
  [
    'overlapping VPC and Kong networks',
    shipped(['aws.vpcCidr', '192.168.0.0/20']),
    "aws.vpcCidr: VPC CIDR 192.168.0.0/20 overlaps Kong's network 192.168.0.0/16 (environment dev)",
  ],
  [
    "a public zone that does not hold Kong's custom domain",
    shipped([
      'aws.edge.kongDomainDns',
      {
        publicZone: 'example.org',
        edgeTarget: 'dev.edge.konnect.example.net',
        acmeChallengeTarget: 'dev.acme.konnect.example.net',
      },
    ]),
    'aws.edge.kongDomainDns.publicZone: must be a parent domain of aws.edge.kongProxyDomain proxy.kong-cloud-gw-dev.example.com (its records go there), but "example.org" was given (environment dev)',
  ],
  [
    "one Konnect edge target for two environments' custom domains",
    shipped([
      'aws.edge.kongDomainDns',
      {
        publicZone: 'example.com',
        edgeTarget: 'dev.edge.konnect.example.net',
        acmeChallengeTarget: 'dev.acme.konnect.example.net',
      },
    ]),
    'aws.edge.kongDomainDns.edgeTarget: Konnect edge target "dev.edge.konnect.example.net" is already used at aws.edge.kongDomainDns.edgeTarget',
  ],
  [
    'a public EKS endpoint to the world',
    shipped(['aws.cluster.apiAccess.publicCidrs', ['0.0.0.0/0']]),
    'aws.cluster.apiAccess.publicCidrs[0]: must not open the EKS API to the whole internet',
  ],
  [
    'a runner source open to every network',
    shipped(['aws.cluster.apiAccess', { privateSources: { cidrs: ['0.0.0.0/0'] } }]),
    'aws.cluster.apiAccess.privateSources.cidrs[0]: must not open the EKS API to the whole internet',
  ],
  [
    'a runner CIDR with host bits',
    shipped(['aws.cluster.apiAccess.publicCidrs', ['203.0.113.7/24']]),
    'aws.cluster.apiAccess.publicCidrs[0]: has host bits set: the network address is 203.0.113.0/24, but "203.0.113.7/24" was given',
  ],
  [
    'no way for Terraform to reach the EKS API',
    shipped(['aws.cluster.apiAccess', undefined]),
    'aws.cluster: admits no one to the EKS API, yet the Terraform of environment dev installs Helm releases through it',
  ],
  [
    'an apiAccess that admits no one',
    shipped(['aws.cluster.apiAccess', { publicCidrs: [], privateSources: {} }]),
    'aws.cluster.apiAccess: admits no one to the EKS API',
  ],
  [
    'a prefix list id that is not one',
    shipped(['aws.cluster.apiAccess', { privateSources: { prefixListIds: ['sg-123'] } }]),
    'aws.cluster.apiAccess.privateSources.prefixListIds[0]',
  ],
  [
    'a CloudFront edge without its viewer certificate',
    shipped(['aws.edge.viewerCertificateArn', undefined]),
    "aws.edge: kind cloudfront needs domainName, viewerCertificateArn, originClientCertificateArn, kongProxyDomain and wafRateLimitPer5Minutes after the environment's overrides, but viewerCertificateArn is missing (environment dev)",
  ],
  [
    'an ALB edge without its WAF rate limit',
    shipped(
      ['aws.edge.wafRateLimitPer5Minutes', undefined],
      ['environments.0.aws.edge', { kind: 'alb', publicZone: 'example.com' }],
    ),
    "environments[0].aws.edge: kind alb needs domainName and wafRateLimitPer5Minutes after the environment's overrides, but wafRateLimitPer5Minutes is missing (environment dev)",
  ],
  [
    "no edge without Kong's custom domain",
    shipped(['aws.edge.kongProxyDomain', undefined], ['environments.0.aws.edge', { kind: 'none' }]),
    "environments[0].aws.edge: kind none needs kongProxyDomain after the environment's overrides, but kongProxyDomain is missing (environment dev)",
  ],
  [
    'an override that switches a kind none edge to cloudfront without the CloudFront keys',
    shipped(
      ['aws.edge', { kind: 'none', kongProxyDomain: 'proxy.kong-cloud-gw-dev.example.com' }],
      [
        'environments.1.aws.edge',
        { kind: 'cloudfront', kongProxyDomain: 'proxy.kong-cloud-gw-prod.example.com' },
      ],
    ),
    "environments[1].aws.edge: kind cloudfront needs domainName, viewerCertificateArn, originClientCertificateArn, kongProxyDomain and wafRateLimitPer5Minutes after the environment's overrides, but domainName, viewerCertificateArn, originClientCertificateArn, wafRateLimitPer5Minutes are missing (environment prod)",
  ],
];
