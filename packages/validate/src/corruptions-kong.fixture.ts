import { deckEnv } from './clean-tree.fixture.js';
import { at, corrupt, list } from './corrupt.fixture.js';
import { type CorruptionCase, kong, kongService, tree } from './corruption-setup.fixture.js';

/** Corruptions caught by the rules on kong.yaml (routes, upstreams, plugins). */
export const kongCorruptions: readonly CorruptionCase[] = [
  {
    name: 'use a plain string prefix in Kong',
    files: corrupt(tree, kong, 0, (d) => {
      at(kongService(d), 'routes', 0).paths = ['/app1'];
    }),
    rule: 'xlayer/kong-route-match',
    object: 'KongRoute/app1',
    message:
      'paths must be ["/app1/","~/app1$"] to match the PathPrefix values ["/app1"] of HTTPRoute/istio-ingress/app1, but ["/app1"] was given',
  },
  {
    name: 'point a Kong route at another backend',
    files: corrupt(tree, kong, 0, (d) => {
      kongService(d).name = 'sample-apps.sample-app-2';
    }),
    rule: 'xlayer/kong-route-backend',
    object: 'KongRoute/app1',
    message:
      'must identify backend sample-apps/sample-app-1 of HTTPRoute/istio-ingress/app1 by name sample-apps.sample-app-1 or tag',
  },
  {
    name: 'rename a Kong route',
    files: corrupt(tree, kong, 0, (d) => {
      at(kongService(d), 'routes', 0).name = 'app-one';
    }),
    rule: 'xlayer/kong-route-exposed',
    also: [['xlayer/kong-route-match', 'KongRoute/app-one']],
    object: 'HTTPRoute/istio-ingress/app1',
    message: 'no Kong route named app1 in deck/dev/kong.yaml',
  },
  {
    name: 'send Kong upstream traffic in clear text',
    files: corrupt(tree, kong, 0, (d) => {
      Object.assign(kongService(d), { protocol: 'http', port: 80 });
    }),
    rule: 'xlayer/kong-upstream',
    also: [['xlayer/kong-upstream', 'KongService/sample-apps.sample-app-1']],
    object: 'KongService/sample-apps.sample-app-1',
    message: 'protocol must be https (TLS to the Gateway), but "http" was given',
  },
  {
    name: 'rate-limit with the cluster policy Konnect rejects',
    files: corrupt(tree, kong, 0, (d) => {
      kongService(d).plugins = [
        { name: 'rate-limiting', config: { minute: 5, policy: 'cluster' } },
      ];
    }),
    rule: 'policy/kong-plugins',
    object: 'KongPlugin/rate-limiting',
    message: 'config.policy "cluster" is unsupported in Konnect',
  },
  {
    name: 'rate-limit-advanced with the cluster strategy Konnect rejects',
    files: corrupt(tree, kong, 0, (d) => {
      kongService(d).plugins = [
        {
          name: 'rate-limiting-advanced',
          config: { limit: [5], window_size: [60], strategy: 'cluster' },
        },
      ];
    }),
    rule: 'policy/kong-plugins',
    object: 'KongPlugin/rate-limiting-advanced',
    message: 'config.strategy "cluster" is unsupported in Konnect',
  },
  {
    name: 'count a rate limit per node without the catalog accepting it',
    files: corrupt(tree, kong, 0, (d) => {
      kongService(d).plugins = [
        { name: 'rate-limiting', config: { minute: 5, policy: 'local' }, tags: ['routeplane'] },
      ];
    }),
    rule: 'policy/kong-rate-limit-per-node',
    object: 'service sample-apps.sample-app-1',
    message:
      'rate-limiting counts locally, on each data-plane node: with N nodes clients get N times the limit, and under autopilot N moves with traffic',
  },
  {
    name: 'open CORS to any origin with credentials',
    files: corrupt(tree, kong, 0, (d) => {
      kongService(d).plugins = [{ name: 'cors', config: { origins: ['*'], credentials: true } }];
    }),
    rule: 'policy/kong-plugins',
    object: 'KongPlugin/cors',
    message: 'config.origins ["*"] must not be combined with credentials: true',
  },
  {
    name: 'send a backend shared secret through one route of a service only',
    files: corrupt(tree, kong, 0, (d) => {
      const routes = list(kongService(d), 'routes');
      const first = at(d, 'services', 0, 'routes', 0);
      routes.push({
        ...first,
        name: 'second-route',
        paths: ['~/second$', '/second/'],
        plugins: [
          {
            name: 'request-transformer',
            config: {
              remove: { headers: ['X-Backend-Secret'] },
              add: { headers: [`X-Backend-Secret:${deckEnv('DECK_BACKEND_SECRET')}`] },
            },
          },
        ],
      });
    }),
    rule: 'xlayer/kong-backend-secret',
    also: [['xlayer/kong-route-match', 'KongRoute/second-route']],
    object: 'route app1',
    message: `service sample-apps.sample-app-1 sends its backend X-Backend-Secret:${deckEnv('DECK_BACKEND_SECRET')} through its other routes, but this route does not`,
  },
];
