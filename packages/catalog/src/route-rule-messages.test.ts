import { describe, expect, it } from 'vitest';
import { shipped } from './testing/bad-catalogs.js';
import { catalogProblems } from './testing/catalog-problems.js';
import { type Expected, expectedProblems } from './testing/expected-problems.js';

/**
 * The route rules' exact problem lists: every problem, where it points (the key or the value),
 * and the catalogs at the edge of what each rule accepts.
 */
const route = (name: string, paths: string[], extra: Record<string, unknown> = {}) => ({
  name,
  paths,
  service: 'sample-app-1',
  ...extra,
});
const limit = (limits: Record<string, number>) =>
  ['routes.3.plugins.rateLimiting', { ...limits, limitBy: 'consumer' }] as const;

describe('route rules: every problem, where it points', () => {
  it.each<[string, string, readonly Expected[]]>([
    [
      'no routes (routes-not-empty, at the key)',
      shipped(['routes', []]),
      [
        [
          'routes',
          true,
          'is empty: decK sync and Argo CD prune would delete every route; set allowEmptyRoutes: true if that is what you want',
        ],
        [
          'environments.1.rateLimits.users-api',
          true,
          'names route "users-api", which is not in routes',
        ],
      ],
    ],
    [
      'cors on methods without OPTIONS (plugin-settings)',
      shipped(['routes.3.methods', ['GET', 'POST']]),
      [
        [
          'routes.3.methods',
          false,
          'must include OPTIONS when plugins.cors is set (browsers send CORS preflights as OPTIONS), but GET, POST was given',
        ],
      ],
    ],
    [
      'cors on a route without methods (every method, OPTIONS too)',
      shipped(['routes.3.methods', undefined]),
      [],
    ],
    ['methods without OPTIONS on a route without cors', shipped(['routes.1.methods', ['GET']]), []],
    [
      'a rate limit without a limit (plugin-settings, at the key)',
      shipped(limit({})),
      [
        [
          'routes.3.plugins.rateLimiting',
          true,
          'needs at least one limit: second, minute, hour or day',
        ],
      ],
    ],
    ['a rate limit per second only', shipped(limit({ second: 5 })), []],
    ['a rate limit per minute only', shipped(limit({ minute: 5 })), []],
    ['a rate limit per hour only', shipped(limit({ hour: 5 })), []],
    ['a rate limit per day only', shipped(limit({ day: 5 })), []],
    [
      'hosts with one-character labels (route-hosts)',
      shipped(['routes.1.hosts', ['a.example.com', 'api.b.example.com']]),
      [],
    ],
    [
      // The broad route is not the first: the problem names it by its own index.
      'a shorter prefix with hosts in front of a longer one (route-precedence, at the broad name)',
      shipped(
        ['routes.4', route('wide', ['/zz'], { hosts: ['a.example.com'] })],
        ['routes.5', route('deep', ['/zz/x'])],
      ),
      [
        [
          'routes.4.name',
          false,
          'route "wide" sets methods or hosts on a shorter prefix than "/zz/x" of route "deep": Kong would send those requests to "wide" while the HTTPRoutes send them to "deep"; give "deep" the same methods/hosts or drop them from "wide"',
        ],
      ],
    ],
    [
      'a longer prefix with hosts under a shorter one without (route-precedence, at the narrow hosts)',
      shipped(
        ['routes.4', route('wide', ['/yy'])],
        ['routes.5', route('deep', ['/yy/x'], { hosts: ['b.example.com'] })],
      ),
      [
        [
          'routes.5.hosts',
          false,
          `route "deep" limits "/yy/x" to its hosts, but route "wide" has a shorter prefix without those hosts: Kong would send "/yy/x" from any other Host to "wide", and the gateway (whose HTTPRoutes see no client Host) would hand it to "deep"'s backend; give "wide" only hosts of "deep", or move "/yy/x" out from under it`,
        ],
      ],
    ],
  ])('%s', (_name, text, expected) => {
    expect(catalogProblems(text)).toEqual(expectedProblems(text, expected));
  });
});
