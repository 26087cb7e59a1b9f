import { describe, expect, it } from 'vitest';
import { shipped } from './testing/bad-catalogs.js';
import { catalogProblems } from './testing/catalog-problems.js';
import { type Expected, expectedProblems } from './testing/expected-problems.js';

/** The service rules' exact problems: ports, health paths and the names environments refer to. */
describe('service rules: every problem, where it points', () => {
  it.each<[string, string, readonly Expected[]]>([
    [
      'an Istio ambient port (service-ports)',
      shipped(['services.1.port', 15008]),
      [
        [
          'services.1.port',
          false,
          "must not be one of Istio's ambient ports (15001, 15006, 15008, 15020, 15021, 15053, 15090), but 15008 was given",
        ],
      ],
    ],
    [
      'a health path the server does not answer',
      shipped(['services.0.healthPath', '/nope']),
      [
        [
          'services.0.healthPath',
          false,
          'must be one of the paths the server answers (/healthz), but "/nope" was given',
        ],
      ],
    ],
    [
      'replicas of an unknown service (environment-references, at the key)',
      shipped(['environments.1.replicas', { 'users-apj': 3 }]),
      [
        [
          'environments.1.replicas.users-apj',
          true,
          'names service "users-apj", which is not in services; did you mean "users-api"?',
        ],
      ],
    ],
    [
      'a rate limit of an unknown route (at the key)',
      shipped(['environments.1.rateLimits', { 'users-apj': { minute: 600 } }]),
      [
        [
          'environments.1.rateLimits.users-apj',
          true,
          'names route "users-apj", which is not in routes; did you mean "users-api"?',
        ],
      ],
    ],
    [
      'a rate limit of a route without a rate-limiting plugin (at the key)',
      shipped(['environments.1.rateLimits', { app1: { minute: 600 } }]),
      [
        [
          'environments.1.rateLimits.app1',
          true,
          'route "app1" has no rateLimiting plugin to override; add plugins.rateLimiting to the route first',
        ],
      ],
    ],
    [
      'a health path none of three responses answers (every path listed)',
      shipped(['services.1.healthPath', '/nope']),
      [
        [
          'services.1.healthPath',
          false,
          'must be one of the paths the server answers (/app1, /app1/info, /app1/health), but "/nope" was given',
        ],
      ],
    ],
  ])('%s', (_name, text, expected) => {
    expect(catalogProblems(text)).toEqual(expectedProblems(text, expected));
  });
});
