import { describe, expect, it } from 'vitest';
import { shipped } from './testing/bad-catalogs.js';
import { catalogProblems } from './testing/catalog-problems.js';
import { type Expected, expectedProblems } from './testing/expected-problems.js';

/** The custom-domain rule: a Konnect domain DNS whose domain edge-keys reports missing. */
const konnectDns = {
  publicZone: 'example.com',
  edgeTarget: 'dev.edge.konnect.example.net',
  acmeChallengeTarget: 'dev.acme.konnect.example.net',
};

describe('custom-domain: every problem, where it points', () => {
  it.each<[string, string, readonly Expected[]]>([
    [
      // Without kongProxyDomain the zone has nothing to hold: only the missing key is reported.
      'a complete Konnect domain DNS without kongProxyDomain',
      shipped(['aws.edge.kongDomainDns', konnectDns], ['aws.edge.kongProxyDomain', undefined]),
      [
        [
          'aws.edge.kongDomainDns.edgeTarget',
          false,
          'Konnect edge target "dev.edge.konnect.example.net" is already used at aws.edge.kongDomainDns.edgeTarget',
        ],
        [
          'environments.0.aws.edge',
          true,
          "kind cloudfront needs domainName, viewerCertificateArn, originClientCertificateArn, kongProxyDomain and wafRateLimitPer5Minutes after the environment's overrides, but kongProxyDomain is missing (environment dev)",
        ],
      ],
    ],
  ])('%s', (_name, text, expected) => {
    expect(catalogProblems(text)).toEqual(expectedProblems(text, expected));
  });
});
