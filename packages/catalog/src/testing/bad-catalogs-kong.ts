import { type BadCatalog, shipped } from './bad-catalog-edits.js';

/** Bad catalogs whose mistake sits in kong. */
export const kongMistakes: readonly BadCatalog[] = [
  [
    'a CIDR that does not parse',
    shipped(['kong.networkCidr', '192.168.0.0/33']),
    'kong.networkCidr: must be an IPv4 CIDR such as 10.0.0.0/16, but "192.168.0.0/33" was given',
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
    'no way for Kong to name the gateway',
    shipped(['kong.upstream.privateDnsZone', undefined]),
    'kong.upstream: needs hostEnv (the DECK_* variable with the NLB name) or privateDnsZone (a private hosted zone that resolves gateway.hostname for Kong), but neither was given',
  ],
  [
    'Kong upstream port that is not the HTTPS listener',
    shipped(['kong.upstream.port', 80]),
    "kong.upstream.port: must be the gateway's HTTPS listener port 443",
  ],
  [
    'a managed cache tier Konnect does not offer',
    shipped(['kong.managedCache.tier', 'tiny']),
    'kong.managedCache.tier: must be one of',
  ],
  [
    'a CA variable that decK would not substitute',
    shipped(['kong.upstream.caCertificateEnv', 'GATEWAY_CA']),
    'kong.upstream.caCertificateEnv',
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
    'a custom plugin whose handler.lua does not exist',
    shipped([
      'kong.customPlugins',
      [{ name: 'tenant-header', handler: 'no/such/handler.lua', schema: 'no/such/schema.lua' }],
    ]),
    'kong.customPlugins[0].handler: no/such/handler.lua does not exist',
  ],
  [
    'a CloudFront origin secret when no environment uses CloudFront',
    shipped(['aws.edge.kind', 'none']),
    'kong.cloudfrontOriginHeader: is the secret CloudFront adds and Kong checks, but no dedicated environment sets aws.edge.kind cloudfront (no CloudFront sends it): remove it, or its DECK_CLOUDFRONT_ORIGIN_SECRET would be required for nothing',
  ],
  [
    'an ALB edge whose targets would be public IPs',
    shipped(['environments.0.aws.edge', { kind: 'alb' }], ['kong.networkCidr', '198.18.0.0/16']),
    "kong.networkCidr: aws.edge.kind alb registers the data planes' private IPs as ALB targets, which must lie in 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 100.64.0.0/10, but 198.18.0.0/16 was given (environment dev)",
  ],
];
