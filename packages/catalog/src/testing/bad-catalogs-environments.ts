import { type BadCatalog, shipped } from './bad-catalog-edits.js';

/** Bad catalogs whose mistake sits in environments[] and their overrides. */
export const environmentsMistakes: readonly BadCatalog[] = [
  [
    'no istiod replica',
    shipped(['environments.1.istiodReplicas', 0]),
    'environments[1].istiodReplicas: must be >= 1, but 0 was given',
  ],
  [
    'an environment upstream host beside the private DNS zone',
    shipped(['environments.1.upstreamHost', 'gateway.prod.internal.example.com']),
    'environments[1].upstreamHost: is unused with kong.upstream.privateDnsZone (Kong connects to gateway.hostname gateway.internal.example.com), but "gateway.prod.internal.example.com" was given (environment prod): remove it',
  ],
  [
    "an environment's partial custom domain DNS with nothing to merge it over",
    shipped([
      'environments.1.aws.edge.kongDomainDns',
      { edgeTarget: 'prod.edge.konnect.example.net' },
    ]),
    "environments[1].aws.edge.kongDomainDns: needs publicZone, edgeTarget and acmeChallengeTarget after the environment's overrides, but publicZone, acmeChallengeTarget are missing (environment prod)",
  ],
  [
    'custom mode beside autopilot',
    shipped([
      'environments.0.dataPlaneCustomMode',
      { instanceType: 'medium', requestedInstances: 2 },
    ]),
    'environments[0].dataPlaneCustomMode: custom mode sizes the data planes by instance type and count, so dataPlaneBaseRps (autopilot) must not be given too, but dataPlaneBaseRps: 100 was given (environment dev)',
  ],
  [
    'a custom-mode instance type Konnect does not offer',
    shipped([
      'environments.0.dataPlaneCustomMode',
      { instanceType: 'xlarge', requestedInstances: 2 },
    ]),
    'environments[0].dataPlaneCustomMode.instanceType: must be one of "small", "medium", "large"',
  ],
  [
    'a data-plane region that is the home region',
    shipped([
      'environments.0.dataPlaneRegions',
      [
        {
          region: 'us-east-1',
          networkCidr: '192.169.0.0/16',
          availabilityZoneIds: ['use1-az1', 'use1-az2', 'use1-az4'],
        },
      ],
    ]),
    'environments[0].dataPlaneRegions[0].region: each data-plane region needs its own entry, but "us-east-1" is already the home region aws.region (environment dev)',
  ],
  [
    "a data-plane region network overlapping Kong's home network",
    shipped([
      'environments.0.dataPlaneRegions',
      [
        {
          region: 'us-west-2',
          networkCidr: '192.168.128.0/17',
          availabilityZoneIds: ['usw2-az1', 'usw2-az2', 'usw2-az3'],
        },
      ],
    ]),
    'environments[0].dataPlaneRegions[0].networkCidr: must not overlap kong.networkCidr 192.168.0.0/16 (us-east-1), but 192.168.128.0/17 was given (environment dev)',
  ],
  [
    'two data-plane region networks that overlap',
    shipped([
      'environments.1.dataPlaneRegions',
      [
        {
          region: 'us-west-2',
          networkCidr: '172.16.0.0/16',
          availabilityZoneIds: ['usw2-az1', 'usw2-az2', 'usw2-az3'],
        },
        {
          region: 'eu-west-1',
          networkCidr: '172.16.64.0/18',
          availabilityZoneIds: ['euw1-az1', 'euw1-az2', 'euw1-az3'],
        },
      ],
    ]),
    'environments[1].dataPlaneRegions[1].networkCidr: must not overlap dataPlaneRegions[0].networkCidr 172.16.0.0/16',
  ],
  [
    'data-plane regions whose Transit Gateway ASNs leave the private range',
    shipped(
      ['aws.transitGatewayAsn', 65534],
      [
        'environments.0.dataPlaneRegions',
        [
          {
            region: 'us-west-2',
            networkCidr: '172.16.0.0/16',
            availabilityZoneIds: ['usw2-az1', 'usw2-az2', 'usw2-az3'],
          },
        ],
      ],
    ),
    'environments[0].dataPlaneRegions: 1 extra region(s) take the ASNs 65535-65535 after aws.transitGatewayAsn 65534, which must stay within the private range 64512-65534; lower aws.transitGatewayAsn (environment dev)',
  ],
  [
    'a private endpoint with a second data-plane region',
    shipped(
      ['environments.0.connectivity', 'privateEndpoint'],
      [
        'environments.0.dataPlaneRegions',
        [
          {
            region: 'us-west-2',
            networkCidr: '172.16.0.0/16',
            availabilityZoneIds: ['usw2-az1', 'usw2-az2', 'usw2-az3'],
          },
        ],
      ],
    ),
    "environments[0].connectivity: privateEndpoint shares one VPC Lattice resource configuration in us-east-1 and serves only that region's data planes, so dataPlaneRegions must be empty, but 1 region(s) were given (environment dev); use transitGateway or vpcPeering for several regions",
  ],
  [
    'a connectivity type Konnect does not offer',
    shipped(['environments.0.connectivity', 'directConnect']),
    'environments[0].connectivity: must be one of "transitGateway", "vpcPeering", "privateEndpoint"',
  ],
  [
    'a data-plane region CIDR that does not parse',
    shipped([
      'environments.0.dataPlaneRegions',
      [
        {
          region: 'us-west-2',
          networkCidr: '172.16.0.1/16',
          availabilityZoneIds: ['usw2-az1', 'usw2-az2', 'usw2-az3'],
        },
      ],
    ]),
    'environments[0].dataPlaneRegions[0].networkCidr: has host bits set: the network address is 172.16.0.0/16, but "172.16.0.1/16" was given',
  ],
  [
    'an overlap only in one environment',
    shipped(['environments.1.aws.vpcCidr', '192.168.16.0/20']),
    'environments[1].aws.vpcCidr: VPC CIDR 192.168.16.0/20 overlaps',
  ],
  [
    'an override for an unknown service',
    shipped(['environments.1.replicas', { 'user-api': 2 }]),
    'environments[1].replicas.user-api: names service "user-api", which is not in services; did you mean "users-api"?',
  ],
  [
    'an unknown environment key',
    shipped(['environments.0.replica', {}]),
    'environments[0].replica: unknown key "replica"; did you mean "replicas"?',
  ],
  [
    'an environment that closes the only path to its EKS API',
    shipped(['environments.1.aws.cluster.apiAccess', { publicCidrs: [] }]),
    'environments[1].aws.cluster.apiAccess: admits no one to the EKS API, yet the Terraform of environment prod',
  ],
  [
    'a shared rate limit in an environment without a managed cache',
    shipped(['kong.managedCache', undefined], ['environments.0.kong', { managedCache: {} }]),
    "environments[1]: needs kong.managedCache (here in kong or at the top level) for environment prod: route users-api counts its rate limit in the shared store, which a Dedicated Cloud Gateway has only through Konnect's managed cache",
  ],
  [
    'a managed cache add-on name longer than Konnect accepts',
    shipped(['environments.0.controlPlaneName', 'x'.repeat(57)]),
    `environments[0].controlPlaneName: names the managed cache add-on ${'x'.repeat(57)}-managed-cache, which must be at most 70 characters, but 71 were given`,
  ],
  [
    'a workload identity role that is no IAM role name',
    shipped(['environments.0.workloadIdentityRoles', [{ role: 'kong reader' }]]),
    'environments[0].workloadIdentityRoles[0].role: must end in an IAM role name of 1-64 letters, digits or +=,.@_-, but "kong reader" was given',
  ],
  [
    'a workload identity role ARN that is no role ARN',
    shipped(['environments.1.workloadIdentityRoles', [{ role: 'arn:aws:iam::4444:role/kong' }]]),
    'environments[1].workloadIdentityRoles[0].role: must be an IAM role ARN arn:aws:iam::<12-digit account>:role/[path/]name, but "arn:aws:iam::4444:role/kong" was given',
  ],
  [
    'a workload identity role path with an empty segment',
    shipped(['environments.1.workloadIdentityRoles', [{ role: '/kong//reader' }]]),
    'environments[1].workloadIdentityRoles[0].role: must have an IAM path of /-separated segments of letters, digits or +=,.@_- (at most 512 characters), but "/kong//reader" was given',
  ],
  [
    "a workload identity role ARN in another account than the environment's",
    shipped([
      'environments.1.workloadIdentityRoles',
      [{ role: 'arn:aws:iam::111122223333:role/kong-s3' }],
    ]),
    "environments[1].workloadIdentityRoles[0].role: routeplane creates this role in environment prod's account, so an ARN must name aws.accountId 444455556666, but account 111122223333 was given; give the role's name instead, or set aws.accountId",
  ],
  [
    'a workload identity role twice under two paths',
    shipped([
      'environments.1.workloadIdentityRoles',
      [{ role: 'kong-s3' }, { role: 'arn:aws:iam::444455556666:role/kong/kong-s3' }],
    ]),
    'environments[1].workloadIdentityRoles[1].role: each role is named once (IAM role names are unique per account, whatever the path), but "kong-s3" is already workloadIdentityRoles[0] (environment prod)',
  ],
  [
    'two environments creating one role in the same account',
    shipped(
      ['environments.0.aws.accountId', '444455556666'],
      ['environments.0.workloadIdentityRoles', [{ role: 'kong-s3' }]],
      ['environments.1.workloadIdentityRoles', [{ role: '/kong/kong-s3' }]],
    ),
    'environments[1].workloadIdentityRoles[0].role: both environments would create IAM role "kong-s3" in account 444455556666, but it is already environment dev\'s; give each environment its own role name',
  ],
  [
    'a workload identity policy that is no IAM policy ARN',
    shipped([
      'environments.0.workloadIdentityRoles',
      [{ role: 'kong-s3', policyArns: ['arn:aws:s3:::bucket'] }],
    ]),
    'environments[0].workloadIdentityRoles[0].policyArns[0]: must match the pattern ^arn:aws[a-z-]*:iam::([0-9]{12}|aws):policy/.+$, but "arn:aws:s3:::bucket" was given',
  ],
  [
    'an edge kind routeplane does not render',
    shipped(['environments.1.aws.edge.kind', 'cdn']),
    'environments[1].aws.edge.kind: must be one of "cloudfront", "none", "alb", but "cdn" was given',
  ],
  [
    'an ALB edge reaching Kong through VPC Lattice (one way only)',
    shipped(
      ['environments.0.aws.edge', { kind: 'alb' }],
      ['environments.0.connectivity', 'privateEndpoint'],
    ),
    `environments[0].connectivity: aws.edge.kind alb forwards from the ALB in the cluster VPC to the data planes' private IPs, but privateEndpoint (VPC Lattice) lets only Kong's network reach the VPC, never the VPC reach Kong, so transitGateway or vpcPeering is required, but "privateEndpoint" was given (environment dev)`,
  ],
  [
    'an ALB edge with data planes in a second region',
    shipped(
      ['environments.0.aws.edge', { kind: 'alb' }],
      [
        'environments.0.dataPlaneRegions',
        [
          {
            region: 'us-west-2',
            networkCidr: '192.169.0.0/16',
            availabilityZoneIds: ['usw2-az1', 'usw2-az2', 'usw2-az3'],
          },
        ],
      ],
    ),
    "environments[0].dataPlaneRegions: aws.edge.kind alb is one regional ALB that forwards to the home region's data planes only (Kong's API access becomes private), so dataPlaneRegions must be empty, but 1 region(s) were given (environment dev)",
  ],
  [
    'an ALB edge with DNS records for the Konnect custom domain',
    shipped(
      ['environments.0.aws.edge', { kind: 'alb' }],
      [
        'environments.0.aws.edge.kongDomainDns',
        {
          publicZone: 'example.com',
          edgeTarget: 'dev.edge.konnect.example.net',
          acmeChallengeTarget: 'dev.acme.konnect.example.net',
        },
      ],
    ),
    "environments[0].aws.edge.kongDomainDns: names the DNS of the Konnect custom domain, which aws.edge.kind alb does not render (clients call the ALB at domainName api.dev.example.com; Kong's API access is private): remove it (environment dev)",
  ],
  [
    "an ALB edge's public zone that does not hold its domain",
    shipped(['environments.0.aws.edge', { kind: 'alb', publicZone: 'example.org' }]),
    'environments[0].aws.edge.publicZone: must be a parent domain of aws.edge.domainName api.dev.example.com (its certificate validation record and alias go there), but "example.org" was given (environment dev)',
  ],
  [
    'an ALB public zone for a CloudFront edge',
    shipped(['environments.1.aws.edge.publicZone', 'example.com']),
    'environments[1].aws.edge.publicZone: is read by aws.edge.kind alb only, but the kind is cloudfront (environment prod): remove it',
  ],
];
