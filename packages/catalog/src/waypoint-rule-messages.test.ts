import { describe, expect, it } from 'vitest';
import { shipped } from './testing/bad-catalogs.js';
import { catalogProblems } from './testing/catalog-problems.js';
import { type Expected, expectedProblems } from './testing/expected-problems.js';

/** The waypoint and timeout rules: name length boundary, callers, and the backend timeout. */
const serviceNamed = (length: number, waypoint: boolean) => {
  const name = `s${'x'.repeat(length - 1)}`;
  return [
    ['services.1.name', name],
    ['routes.1.service', name],
    ['services.1.waypoint', waypoint],
  ] as const;
};
const unrouted = [
  ['services.1.waypoint', true],
  ['routes.1.service', 'sample-app-2'],
] as const;

describe('waypoint rules: every problem, where it points', () => {
  it.each<[string, string, readonly Expected[]]>([
    [
      'a waypoint service of 54 characters (a 63-character waypoint name)',
      shipped(...serviceNamed(54, true)),
      [],
    ],
    [
      'a waypoint service of 55 characters (waypoint-name)',
      shipped(...serviceNamed(55, true)),
      [
        [
          'services.1.waypoint',
          false,
          `needs a service name of at most 54 characters (the waypoint is named "<service>-waypoint", a DNS-1123 label), but "s${'x'.repeat(54)}" has 55`,
        ],
      ],
    ],
    ['a service of 55 characters without a waypoint', shipped(...serviceNamed(55, false)), []],
    [
      'a waypoint service one of several routes targets',
      shipped(['services.1.waypoint', true]),
      [],
    ],
    [
      'a waypoint service no route targets and no caller is allowed to (waypoint-callers)',
      shipped(...unrouted),
      [
        [
          'services.1.waypoint',
          false,
          'needs a route or an allowFrom caller: its L7 policy would admit nobody, but no route targets "sample-app-1"',
        ],
      ],
    ],
    [
      'a waypoint service no route targets, with an allowed caller',
      shipped(...unrouted, [
        'services.1.allowFrom',
        [{ namespace: 'other', serviceAccount: 'caller' }],
      ]),
      [],
    ],
    [
      'a backend timeout equal to the request timeout',
      shipped(['routes.1.timeouts', { request: '10s', backendRequest: '10s' }]),
      [],
    ],
    [
      'a backend timeout longer than the request timeout (route-timeouts)',
      shipped(['routes.1.timeouts', { request: '10s', backendRequest: '11s' }]),
      [
        [
          'routes.1.timeouts.backendRequest',
          false,
          'must be at most timeouts.request (10s), but 11s was given',
        ],
      ],
    ],
  ])('%s', (_name, text, expected) => {
    expect(catalogProblems(text)).toEqual(expectedProblems(text, expected));
  });
});
