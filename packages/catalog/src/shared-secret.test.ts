import { describe, expect, it } from 'vitest';
import { shipped } from './testing/bad-catalogs.js';
import { catalogProblems } from './testing/catalog-problems.js';

/** services.3 is users-api, routes.3 its route (the shipped catalog). */
const secret = (name: string) =>
  ['services.3.sharedSecretHeader', { name, valueEnv: 'DECK_USERS_API_SHARED_SECRET' }] as const;

describe('services[].sharedSecretHeader', () => {
  it('accepts a header of its own', () => {
    expect(catalogProblems(shipped(secret('X-Backend-Secret')))).toEqual([]);
  });

  it.each([
    [
      'Host',
      /services\[3\]\.sharedSecretHeader\.name: must be a header of its own.*"Host" was given/,
    ],
    ['Authorization', /"Authorization" was given/],
    ['X-Viewer-Host', /"X-Viewer-Host" was given/],
    ['X-Origin-Verify', /"X-Origin-Verify" was given/],
  ])('refuses %s', (name, expected) => {
    expect(catalogProblems(shipped(secret(name)))).toEqual([expect.stringMatching(expected)]);
  });

  it('refuses a route of the service that adds the same header itself', () => {
    expect(catalogProblems(shipped(secret('X-Gateway-Source')))).toEqual([
      expect.stringMatching(
        /routes\[3\]\.plugins\.requestTransformer\.addHeaders\.X-Gateway-Source: must not set X-Gateway-Source, the shared-secret header of service users-api \(Kong adds it from DECK_USERS_API_SHARED_SECRET\), but it does$/,
      ),
    ]);
  });

  it('refuses a value that is not a DECK_ variable name', () => {
    const problems = catalogProblems(
      shipped(['services.3.sharedSecretHeader', { name: 'X-S', valueEnv: 's3cr3t' }]),
    );
    expect(problems).toEqual([expect.stringContaining('services[3].sharedSecretHeader.valueEnv')]);
  });
});
