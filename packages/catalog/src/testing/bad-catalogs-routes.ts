import { type BadCatalog, shipped } from './bad-catalog-edits.js';

/** Bad catalogs whose mistake sits in routes[]. */
export const routesMistakes: readonly BadCatalog[] = [
  [
    'a duplicate route name',
    shipped(['routes.1.name', 'healthz']),
    'routes[1].name: route name "healthz" is already used at routes[0].name',
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
    'a route to a missing service',
    shipped(['routes.1.service', 'sample-app-l']),
    'routes[1].service: names service "sample-app-l", which is not in services; did you mean "sample-app-1"?',
  ],
  [
    'CORS wildcard with credentials',
    shipped(['routes.3.plugins.cors.origins', ['*']]),
    'routes[3].plugins.cors.origins: must list explicit origins when credentials is true',
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
    'a header name that is not an HTTP token',
    shipped(['routes.3.plugins.requestTransformer.addHeaders', { 'X Bad:Name': 'v' }]),
    'routes[3].plugins.requestTransformer.addHeaders',
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
    'a route enabling a custom plugin the catalog does not declare',
    shipped(['routes.1.plugins', { custom: ['tenant-header'] }]),
    'routes[1].plugins.custom[0]: must name one of kong.customPlugins (none declared), but "tenant-header" was given',
  ],
];
