import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';

/**
 * Bad catalogs shared by the loader's unit tests and the CLI's end-to-end test (which also proves
 * exit code 2 and that nothing is written). Each is the shipped catalog with one mistake.
 */
export const shippedCatalogText: string = readFileSync(
  new URL('../../../../catalog.yaml', import.meta.url),
  'utf8',
);
const shippedText = shippedCatalogText;

/** Built at run time so that no committed file carries a private-key marker. */
const pemPrivateKeyHeader = ['-----BEGIN RSA', 'PRIVATE KEY-----'].join(' ');

export type Edit = readonly [path: string, value: unknown];

/** Sets (or, for undefined, deletes) one dotted path such as `routes.1.name` in plain data. */
function setPath(data: unknown, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop() ?? '';
  let cursor = data as Record<string, unknown>;
  for (const key of keys) cursor = cursor[key] as Record<string, unknown>;
  if (value === undefined) delete cursor[last];
  else cursor[last] = value;
}

/** The shipped catalog with edits applied to its data (positions come from re-serialised YAML). */
export function shipped(...edits: readonly Edit[]): string {
  const data = parse(shippedText) as unknown;
  for (const [path, value] of edits) setPath(data, path, value);
  return stringify(data);
}

/** Each bad catalog, the message it must produce (substring) and the key path it must name. */
export const badCatalogs: readonly [string, string | Uint8Array, string][] = [
  [
    'not UTF-8',
    new Uint8Array([0x61, 0x3a, 0x20, 0xff, 0xfe]),
    'catalog.yaml: file is not valid UTF-8 text',
  ],
  [
    'two documents',
    `${shippedText}\n---\nfoo: bar\n`,
    'must hold exactly one YAML document, but 2 were given',
  ],
  [
    'an anchor and alias',
    shippedText
      .replace('gitops:\n', 'gitops: &g\n')
      .replace('kind: RouteCatalog', 'kind: RouteCatalog\nx: *g'),
    'anchors (&g) are not allowed',
  ],
  [
    'a duplicate key',
    shippedText.replace('kind: RouteCatalog', 'kind: RouteCatalog\nkind: RouteCatalog'),
    'duplicate key',
  ],
  [
    'a custom tag',
    shippedText.replace('targetRevision: main', 'targetRevision: !secret main'),
    'custom tags (!secret) are not allowed',
  ],
  [
    'a misspelled key',
    shippedText.replace('  targetRevision: main', '  targetRevison: main'),
    'gitops.targetRevison: unknown key "targetRevison"; did you mean "targetRevision"?',
  ],
  ['a missing section', shipped(['gateway', undefined]), ': missing required key "gateway"'],
  [
    'no istiod replica',
    shipped(['environments.1.istiodReplicas', 0]),
    'environments[1].istiodReplicas: must be >= 1, but 0 was given',
  ],
  [
    'a wrong apiVersion',
    shipped(['apiVersion', 'routeplane.dev/v2']),
    'apiVersion: must be "routeplane.dev/v1alpha1", but "routeplane.dev/v2" was given',
  ],
  [
    'a YAML 1.1 boolean',
    shipped(['allowEmptyRoutes', 'no']),
    'allowEmptyRoutes: must be a boolean, but "no" was given',
  ],
  [
    'a YAML 1.1 octal',
    shippedText.replace('kubernetes: "1.34"', 'kubernetes: 0777'),
    'versions.kubernetes: must be a string, but 0777 was given (YAML 1.2 reads a leading zero as decimal',
  ],
  [
    'a name that is not DNS-1123',
    shipped(['services.0.name', 'Health_Responder']),
    'services[0].name: must be a DNS-1123 label',
  ],
  [
    'a reserved namespace',
    shipped(['services.1.namespace', 'kube-system']),
    'services[1].namespace: "kube-system" is reserved',
  ],
  [
    'a reserved gateway namespace',
    shipped(['gateway.namespace', 'istio-system']),
    'gateway.namespace: "istio-system" is reserved',
  ],
  [
    'a duplicate route name',
    shipped(['routes.1.name', 'healthz']),
    'routes[1].name: route name "healthz" is already used at routes[0].name',
  ],
  [
    'a duplicate service name',
    shipped(['services.2.name', 'sample-app-1']),
    'services[2].name: service name "sample-app-1" is already used',
  ],
  [
    'a path equal after normalisation',
    shipped(['routes.2.paths', ['/app1/']]),
    'routes[2].paths[0]: path prefix (after removing trailing "/") "/app1" is already used at routes[1].paths[0]',
  ],
  [
    'a path without leading slash',
    shipped(['routes.1.paths', ['app1']]),
    'routes[1].paths[0]: must start with "/", but "app1" was given',
  ],
  [
    'a path with //',
    shipped(['routes.1.paths', ['/app1//x']]),
    'routes[1].paths[0]: must not contain "//"',
  ],
  [
    'a path with /../',
    shipped(['routes.1.paths', ['/app1/../x']]),
    'must not contain "/./" or "/../" segments',
  ],
  [
    'a path with %2f',
    shipped(['routes.1.paths', ['/app1%2fx']]),
    'must not contain percent-encoded characters',
  ],
  ['a path with #', shipped(['routes.1.paths', ['/app1#x']]), 'must not contain "#" or "?"'],
  [
    'a route to a missing service',
    shipped(['routes.1.service', 'sample-app-l']),
    'routes[1].service: names service "sample-app-l", which is not in services; did you mean "sample-app-1"?',
  ],
  [
    'a port out of range',
    shipped(['services.0.port', 70000]),
    'services[0].port: must be 1-65535, but 70000 was given',
  ],
  [
    'an Istio port',
    shipped(['services.0.port', 15008]),
    "services[0].port: must not be one of Istio's ambient ports",
  ],
  [
    'a CIDR that does not parse',
    shipped(['kong.networkCidr', '192.168.0.0/33']),
    'kong.networkCidr: must be an IPv4 CIDR such as 10.0.0.0/16, but "192.168.0.0/33" was given',
  ],
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
    'a private DNS zone that does not hold the gateway hostname',
    shipped(['kong.upstream.privateDnsZone', 'internal.example.org']),
    'kong.upstream.privateDnsZone: must be a parent domain of gateway.hostname gateway.internal.example.com (the name Kong resolves in it), but "internal.example.org" was given',
  ],
  [
    'an NLB variable beside the private DNS zone',
    shipped(['kong.upstream.hostEnv', 'DECK_GATEWAY_UPSTREAM_HOST']),
    'kong.upstream.hostEnv: is unused with privateDnsZone (Kong connects to gateway.hostname gateway.internal.example.com), but DECK_GATEWAY_UPSTREAM_HOST was given: remove it',
  ],
  [
    'an environment upstream host beside the private DNS zone',
    shipped(['environments.1.upstreamHost', 'gateway.prod.internal.example.com']),
    'environments[1].upstreamHost: is unused with kong.upstream.privateDnsZone (Kong connects to gateway.hostname gateway.internal.example.com), but "gateway.prod.internal.example.com" was given (environment prod): remove it',
  ],
  [
    'no way for Kong to name the gateway',
    shipped(['kong.upstream.privateDnsZone', undefined]),
    'kong.upstream: needs hostEnv (the DECK_* variable with the NLB name) or privateDnsZone (a private hosted zone that resolves gateway.hostname for Kong), but neither was given',
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
    'a secret where a variable name is expected',
    shipped(['consumers.0.jwtCredentials.0.secretEnv', 'Zx9!kq2LmP0vR7tYw3Nb']),
    'consumers[0].jwtCredentials[0].secretEnv: looks like a secret value where the NAME of a DECK_* environment variable is expected',
  ],
  [
    'a PEM private key anywhere',
    shipped(['services.0.responses.0.body', `${pemPrivateKeyHeader}\nMIIB`]),
    'services[0].responses[0].body: looks like a secret',
  ],
  [
    'an empty route list',
    shipped(['routes', []]),
    'routes: is empty: decK sync and Argo CD prune would delete every route; set allowEmptyRoutes: true',
  ],
  [
    'CORS wildcard with credentials',
    shipped(['routes.3.plugins.cors.origins', ['*']]),
    'routes[3].plugins.cors.origins: must list explicit origins when credentials is true',
  ],
  [
    'an unpinned image',
    shipped(['services.0.image', 'nginx']),
    'services[0].image: must match Image with a pinned tag or digest',
  ],
  [
    'an override for an unknown service',
    shipped(['environments.1.replicas', { 'user-api': 2 }]),
    'environments[1].replicas.user-api: names service "user-api", which is not in services; did you mean "users-api"?',
  ],
  [
    'a rate limit override without the plugin',
    shipped(['environments.1.rateLimits', { app1: { minute: 5 } }]),
    'route "app1" has no rateLimiting plugin to override',
  ],
  [
    'HEAD as revision',
    shipped(['gitops.targetRevision', 'HEAD']),
    'gitops.targetRevision: must be a pinned branch or tag name (not HEAD, no spaces)',
  ],
  [
    'Kong upstream port that is not the HTTPS listener',
    shipped(['kong.upstream.port', 80]),
    "kong.upstream.port: must be the gateway's HTTPS listener port 443",
  ],
  [
    'an unknown environment key',
    shipped(['environments.0.replica', {}]),
    'environments[0].replica: unknown key "replica"; did you mean "replicas"?',
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
    'an environment that closes the only path to its EKS API',
    shipped(['environments.1.aws.cluster.apiAccess', { publicCidrs: [] }]),
    'environments[1].aws.cluster.apiAccess: admits no one to the EKS API, yet the Terraform of environment prod',
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
    'node pool sizes out of order',
    shipped(['aws.nodePools.user.desiredSize', 9]),
    'needs minSize <= desiredSize <= maxSize',
  ],
  [
    'a health path the server does not answer',
    shipped(['services.0.healthPath', '/ready']),
    'services[0].healthPath: must be one of the paths the server answers (/healthz), but "/ready" was given',
  ],
  [
    'CORS on a route that refuses OPTIONS',
    shipped(['routes.3.methods', ['GET', 'POST']]),
    'routes[3].methods: must include OPTIONS when plugins.cors is set',
  ],
  [
    'a rate limit with no window',
    shipped(['routes.3.plugins.rateLimiting', { policy: 'local' }]),
    'routes[3].plugins.rateLimiting: needs at least one limit: second, minute, hour or day',
  ],
  [
    'a Redis rate-limit policy',
    shipped(['routes.3.plugins.rateLimiting.policy', 'redis']),
    'routes[3].plugins.rateLimiting.policy: must be one of "shared", "local", but "redis" was given',
  ],
  [
    'a local rate limit without acceptPerNodeLimits',
    shipped(['routes.3.plugins.rateLimiting.policy', 'local']),
    'routes[3].plugins.rateLimiting.policy: local counts on each data-plane node, so the effective limit is the limit times the node count and moves as autopilot adds or removes nodes',
  ],
  [
    'acceptPerNodeLimits on a shared rate limit',
    shipped(['routes.3.plugins.rateLimiting.acceptPerNodeLimits', true]),
    'routes[3].plugins.rateLimiting.acceptPerNodeLimits: applies only to policy local, but policy is shared (the default): remove it',
  ],
  [
    'a shared rate limit in an environment without a managed cache',
    shipped(['kong.managedCache', undefined], ['environments.0.kong', { managedCache: {} }]),
    "environments[1]: needs kong.managedCache (here in kong or at the top level) for environment prod: route users-api counts its rate limit in the shared store, which a Dedicated Cloud Gateway has only through Konnect's managed cache",
  ],
  [
    'a managed cache on Kong Gateway 3.12',
    shipped(['versions.kongGateway', '3.12']),
    'versions.kongGateway: must be 3.13 or later for kong.managedCache (Redis cloud authentication, which the managed cache\'s partial uses, is new in 3.13), but "3.12" was given',
  ],
  [
    'a managed cache add-on name longer than Konnect accepts',
    shipped(['environments.0.controlPlaneName', 'x'.repeat(57)]),
    `environments[0].controlPlaneName: names the managed cache add-on ${'x'.repeat(57)}-managed-cache, which must be at most 70 characters, but 71 were given`,
  ],
  [
    'a managed cache tier Konnect does not offer',
    shipped(['kong.managedCache.tier', 'tiny']),
    'kong.managedCache.tier: must be one of',
  ],
  [
    'a header name that is not an HTTP token',
    shipped(['routes.3.plugins.requestTransformer.addHeaders', { 'X Bad:Name': 'v' }]),
    'routes[3].plugins.requestTransformer.addHeaders',
  ],
  [
    'a shorter prefix with methods in front of a longer one',
    shipped(
      ['routes.0.paths', ['/app1']],
      ['routes.0.methods', ['GET']],
      ['routes.1.paths', ['/app1/v2']],
    ),
    'route "healthz" sets methods or hosts on a shorter prefix than "/app1/v2" of route "app1"',
  ],
  [
    'a longer prefix limited to hosts under a shorter one without them',
    shipped(['routes.1.paths', ['/app2/admin']], ['routes.1.hosts', ['admin.example.com']]),
    'route "app1" limits "/app2/admin" to its hosts, but route "app2" has a shorter prefix without those hosts',
  ],
  [
    'a CA variable that decK would not substitute',
    shipped(['kong.upstream.caCertificateEnv', 'GATEWAY_CA']),
    'kong.upstream.caCertificateEnv',
  ],
  [
    'the CA in the gateway namespace',
    shipped(['gateway.pki', { namespace: 'istio-ingress' }]),
    'gateway.pki.namespace: must be a namespace of its own (it holds the CA key), but "istio-ingress" is also',
  ],
  [
    'the CA in a reserved namespace',
    shipped(['gateway.pki', { namespace: 'kube-system' }]),
    'gateway.pki.namespace: "kube-system" is reserved',
  ],
  [
    'a certificate lifetime that is not whole hours',
    shipped(['gateway.pki', { certificateDuration: '90d' }]),
    'gateway.pki.certificateDuration',
  ],
  [
    'a waypoint whose name would exceed a DNS label',
    shipped(
      ['services.0.name', 'h'.repeat(60)],
      ['routes.0.service', 'h'.repeat(60)],
      ['services.0.waypoint', true],
    ),
    `services[0].waypoint: needs a service name of at most 54 characters (the waypoint is named "<service>-waypoint", a DNS-1123 label), but "${'h'.repeat(60)}" has 60`,
  ],
  [
    'a waypoint that would admit nobody',
    shipped(['services.0.waypoint', true], ['routes.0.service', 'sample-app-1']),
    'services[0].waypoint: needs a route or an allowFrom caller: its L7 policy would admit nobody, but no route targets "health-responder"',
  ],
  [
    'a backend timeout longer than the request timeout',
    shipped(['routes.1.timeouts', { request: '5s', backendRequest: '1m' }]),
    'routes[1].timeouts.backendRequest: must be at most timeouts.request (5s), but 1m was given',
  ],
  [
    'a timeout that is not a Gateway API Duration',
    shipped(['routes.1.timeouts', { request: '5 seconds' }]),
    'routes[1].timeouts.request',
  ],
  [
    'a route host that is not a lowercase DNS name',
    shipped(['routes.3.hosts', ['Api.Example.com']]),
    'routes[3].hosts[0]: must be a lowercase DNS name, optionally starting with "*.", but "Api.Example.com" was given',
  ],
  [
    'the same port for HTTP and HTTPS',
    shipped(['gateway.httpPort', 443]),
    'gateway.httpsPort: must differ from httpPort, but both are 443',
  ],
  [
    'a response path listed twice',
    shipped([
      'services.0.responses',
      [
        { path: '/healthz', body: 'ok' },
        { path: '/healthz', body: 'again' },
      ],
    ]),
    'services[0].responses[1].path: path "/healthz" is listed twice',
  ],
  [
    'an image on the latest tag',
    shipped(['services.0.image', 'docker.io/library/nginx:latest']),
    'services[0].image: must be pinned to a version tag or a digest, never "latest"',
  ],
  [
    'two environments on one Konnect control plane',
    shipped(['environments.1.controlPlaneName', 'kong-cloud-gw-dev']),
    'Konnect control plane name "kong-cloud-gw-dev" of environment "prod" is also environment "dev"\'s',
  ],
  [
    'a backend shared-secret header that Kong or the gateway route on',
    shipped([
      'services.3.sharedSecretHeader',
      { name: 'Host', valueEnv: 'DECK_USERS_API_SHARED_SECRET' },
    ]),
    'services[3].sharedSecretHeader.name: must be a header of its own',
  ],
  [
    'two custom plugins with one name',
    shipped([
      'kong.customPlugins',
      [
        { name: 'tenant-header', handler: 'a/handler.lua', schema: 'a/schema.lua' },
        { name: 'tenant-header', handler: 'b/handler.lua', schema: 'b/schema.lua' },
      ],
    ]),
    'kong.customPlugins[1].name: custom plugin name "tenant-header" is already used',
  ],
  [
    'a custom plugin named like a plugin routeplane renders',
    shipped(['kong.customPlugins', [{ name: 'cors', handler: 'h.lua', schema: 's.lua' }]]),
    'kong.customPlugins[0].name: must not be a plugin routeplane renders',
  ],
  [
    'a route enabling a custom plugin the catalog does not declare',
    shipped(['routes.1.plugins', { custom: ['tenant-header'] }]),
    'routes[1].plugins.custom[0]: must name one of kong.customPlugins (none declared), but "tenant-header" was given',
  ],
  [
    'a custom plugin whose handler.lua does not exist',
    shipped([
      'kong.customPlugins',
      [{ name: 'tenant-header', handler: 'no/such/handler.lua', schema: 'no/such/schema.lua' }],
    ]),
    'kong.customPlugins[0].handler: no/such/handler.lua does not exist',
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
    'a CloudFront origin secret when no environment uses CloudFront',
    shipped(['aws.edge.kind', 'none']),
    'kong.cloudfrontOriginHeader: is the secret CloudFront adds and Kong checks, but no dedicated environment sets aws.edge.kind cloudfront (no CloudFront sends it): remove it, or its DECK_CLOUDFRONT_ORIGIN_SECRET would be required for nothing',
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
    'an ALB edge whose targets would be public IPs',
    shipped(['environments.0.aws.edge', { kind: 'alb' }], ['kong.networkCidr', '198.18.0.0/16']),
    "kong.networkCidr: aws.edge.kind alb registers the data planes' private IPs as ALB targets, which must lie in 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 100.64.0.0/10, but 198.18.0.0/16 was given (environment dev)",
  ],
  [
    'an ALB public zone for a CloudFront edge',
    shipped(['environments.1.aws.edge.publicZone', 'example.com']),
    'environments[1].aws.edge.publicZone: is read by aws.edge.kind alb only, but the kind is cloudfront (environment prod): remove it',
  ],
];
