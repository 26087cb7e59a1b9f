import { describe, expect, it } from 'vitest';
import { shipped } from './testing/bad-catalogs.js';
import { catalogProblems } from './testing/catalog-problems.js';
import { type Expected, expectedProblems } from './testing/expected-problems.js';

/** The per-environment uniqueness rule: certificatesShared shares certificates only, and only in both. */
const devViewerCertificate =
  'arn:aws:acm:us-east-1:111122223333:certificate/00000000-0000-0000-0000-000000000001';

describe('environment values: what certificatesShared does not share', () => {
  it.each<[string, string, readonly Expected[]]>([
    [
      'one cluster name in two environments that both share certificates',
      shipped(
        ['aws.edge.certificatesShared', true],
        ['environments.1.aws.cluster.name', 'kong-cloud-gw-dev'],
      ),
      [
        [
          'environments.1.aws.cluster.name',
          false,
          'EKS cluster name "kong-cloud-gw-dev" of environment "prod" is also environment "dev"\'s; each environment needs its own',
        ],
      ],
    ],
    [
      "dev's viewer certificate reused by prod, which does not set certificatesShared",
      shipped(
        ['environments.0.aws.edge', { certificatesShared: true, deletionProtection: false }],
        ['environments.1.aws.edge.viewerCertificateArn', devViewerCertificate],
      ),
      [
        [
          'environments.1.aws.edge.viewerCertificateArn',
          false,
          `CloudFront viewer certificate ARN "${devViewerCertificate}" of environment "prod" is also environment "dev"'s; each environment needs its own, or set aws.edge.certificatesShared: true in both environments to share it on purpose`,
        ],
      ],
    ],
  ])('%s', (_name, text, expected) => {
    expect(catalogProblems(text)).toEqual(expectedProblems(text, expected));
  });
});
