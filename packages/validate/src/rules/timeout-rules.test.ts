import { describe, expect, it } from 'vitest';
import { cleanTree } from '../clean-tree.fixture.js';
import { at, corrupt } from '../corrupt.fixture.js';
import { findingLines } from '../tree-edits.fixture.js';

/** xlayer/kong-timeout: Kong's read_timeout against the HTTPRoute's request timeout. */
const kong = 'deck/dev/kong.yaml';
const httpRoute = 'generated/k8s/dev/routes/httproute-app1.yaml';
type Edit = Parameters<typeof corrupt>[3];

/** app1's HTTPRoute with a 90 s request timeout, then `edit` applied to kong.yaml. */
function findings(edit: Edit): string[] {
  const timed = corrupt(cleanTree(), httpRoute, 'HTTPRoute', (d) => {
    at(d, 'spec', 'rules', 0).timeouts = { request: '90s' };
  });
  return findingLines(corrupt(timed, kong, 0, edit));
}
const tooShort = (ms: number) =>
  `xlayer/kong-timeout KongRoute/app1: service read_timeout must exceed the HTTPRoute's request timeout 90000 ms (else Kong cuts first and may retry a request the gateway still works on), but ${ms} ms was given`;

describe('xlayer/kong-timeout', () => {
  it.each<[string, Edit, string[]]>([
    ["Kong's default read_timeout (60 s)", () => undefined, [tooShort(60000)]],
    [
      'a read_timeout equal to the request timeout',
      (d) => {
        at(d, 'services', 0).read_timeout = 90000;
      },
      [tooShort(90000)],
    ],
    [
      'a longer read_timeout, next to a Kong route of another name on the default',
      (d) => {
        at(d, 'services', 0).read_timeout = 90001;
        (d.services as unknown[]).push({
          ...at(d, 'services', 0),
          name: 'other',
          read_timeout: undefined,
          routes: [{ ...at(d, 'services', 0, 'routes', 0), name: 'other' }],
        });
      },
      [
        'xlayer/kong-route-match KongRoute/other: no HTTPRoute named other exists for this Kong route',
      ],
    ],
  ])('checks %s', (_name, edit, expected) => {
    expect(findings(edit)).toEqual(expected);
  });
});
