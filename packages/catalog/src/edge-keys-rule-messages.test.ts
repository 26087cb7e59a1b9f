import { describe, expect, it } from 'vitest';
import { loadModelFromBytes } from './load-model.js';
import { formatProblem } from './problems.js';
import { shipped } from './testing/bad-catalogs.js';
import { catalogProblems } from './testing/catalog-problems.js';
import { ecsExample } from './testing/ecs-fargate-catalogs.js';
import { type Expected, expectedProblems } from './testing/expected-problems.js';

const cloudfrontKeys =
  'domainName, viewerCertificateArn, originClientCertificateArn, kongProxyDomain and wafRateLimitPer5Minutes';
const prodDomain = 'proxy.kong-cloud-gw-prod.example.com';
/** The shipped dev overrides only deletionProtection; without it dev inherits the top-level edge whole. */
const devInheritsTheTopLevelEdge = ['environments.0.aws.edge', undefined] as const;

function loaded(text: string) {
  return loadModelFromBytes(new TextEncoder().encode(text), {
    displayName: 'catalog.yaml',
    baseDir: '.',
  });
}

/** The loader's warnings, located like its problems. */
function warningsOf(text: string): string[] {
  return loaded(text).warnings.map(formatProblem);
}

/** Expected warnings: the loader locates a warning at the value (never at the key). */
function expectedWarnings(text: string, expected: readonly [string, string][]): string[] {
  return expectedProblems(
    text,
    expected.map(([path, message]) => [path, false, message]),
  );
}

describe('edge-keys: every missing key, where it points', () => {
  it.each<[string, string, readonly Expected[]]>([
    [
      'cloudfront inheriting a top level without a certificate (at the top-level edge)',
      shipped(['aws.edge.originClientCertificateArn', undefined], devInheritsTheTopLevelEdge),
      [
        [
          'aws.edge',
          true,
          `kind cloudfront needs ${cloudfrontKeys} after the environment's overrides, but originClientCertificateArn is missing (environment dev)`,
        ],
      ],
    ],
    [
      // prod drops its own rate limit and inherits the top level's: only domainName is missing.
      "a key missing in both environments (prod's own override)",
      shipped(
        ['aws.edge.domainName', undefined],
        devInheritsTheTopLevelEdge,
        ['environments.1.aws.edge.domainName', undefined],
        ['environments.1.aws.edge.wafRateLimitPer5Minutes', undefined],
      ),
      [
        [
          'aws.edge',
          true,
          `kind cloudfront needs ${cloudfrontKeys} after the environment's overrides, but domainName is missing (environment dev)`,
        ],
        [
          'environments.1.aws.edge',
          true,
          `kind cloudfront needs ${cloudfrontKeys} after the environment's overrides, but domainName is missing (environment prod)`,
        ],
      ],
    ],
    [
      'alb without its domain (at the override that sets the kind)',
      shipped(['aws.edge.domainName', undefined], ['environments.0.aws.edge', { kind: 'alb' }]),
      [
        [
          'environments.0.aws.edge',
          true,
          "kind alb needs domainName and wafRateLimitPer5Minutes after the environment's overrides, but domainName is missing (environment dev)",
        ],
      ],
    ],
    [
      'none without kongProxyDomain anywhere',
      shipped(
        ['aws.edge.kongProxyDomain', undefined],
        ['environments.1.aws.edge', { kind: 'none' }],
        ['environments.0.aws.edge', { kind: 'none' }],
        ['kong.cloudfrontOriginHeader', undefined],
      ),
      [
        [
          'environments.0.aws.edge',
          true,
          "kind none needs kongProxyDomain after the environment's overrides, but kongProxyDomain is missing (environment dev)",
        ],
        [
          'environments.1.aws.edge',
          true,
          "kind none needs kongProxyDomain after the environment's overrides, but kongProxyDomain is missing (environment prod)",
        ],
      ],
    ],
    [
      'an override switching a top-level alb edge to cloudfront: its key set grows',
      shipped(
        [
          'aws.edge',
          { kind: 'alb', domainName: 'api.dev.example.com', wafRateLimitPer5Minutes: 2000 },
        ],
        ['environments.1.aws.edge', { kind: 'cloudfront', domainName: 'api.example.com' }],
      ),
      [
        [
          'environments.1.aws.edge',
          true,
          `kind cloudfront needs ${cloudfrontKeys} after the environment's overrides, but viewerCertificateArn, originClientCertificateArn, kongProxyDomain are missing (environment prod)`,
        ],
      ],
    ],
    [
      'an override switching a top-level cloudfront edge to alb: a subset, nothing missing',
      shipped(['environments.0.aws.edge', { kind: 'alb' }]),
      [],
    ],
    [
      // data-plane-kind reports the missing edge; edge-keys has no edge to check.
      'a dedicated environment without any edge',
      shipped(
        ['aws.edge', undefined],
        ['environments.0.aws.edge', undefined],
        ['environments.1.aws.edge', { kind: 'none' }],
      ),
      [
        [
          'environments.0.aws',
          false,
          'needs edge (what clients reach in front of the Dedicated Cloud Gateway: kind cloudfront, alb or none) for environment dev, whose data plane kind is dedicated',
        ],
        [
          'environments.1.aws.edge',
          true,
          "kind none needs kongProxyDomain after the environment's overrides, but kongProxyDomain is missing (environment prod)",
        ],
      ],
    ],
    ['an all-ecsFargate catalog (no dedicated edge to check)', ecsExample(), []],
  ])('%s', (_name, text, expected) => {
    expect(catalogProblems(text)).toEqual(expectedProblems(text, expected));
  });
});

describe('edge-keys: a kind reads only its own keys', () => {
  it('loads a top-level CloudFront edge beside an environment of kind none without CloudFront keys', () => {
    const text = shipped([
      'environments.1.aws.edge',
      { kind: 'none', kongProxyDomain: prodDomain },
    ]);
    const model = loaded(text);
    // prod inherits dev's CloudFront keys and certificates, but renders none: no collision either.
    expect(model.warnings).toEqual([]);
    expect(model.environments.map((e) => e.aws.edge)).toEqual([
      {
        kind: 'cloudfront',
        domainName: 'api.dev.example.com',
        viewerCertificateArn:
          'arn:aws:acm:us-east-1:111122223333:certificate/00000000-0000-0000-0000-000000000001',
        originClientCertificateArn:
          'arn:aws:acm:us-east-1:111122223333:certificate/00000000-0000-0000-0000-000000000002',
        kongProxyDomain: 'proxy.kong-cloud-gw-dev.example.com',
        wafRateLimitPer5Minutes: 2000,
        deletionProtection: false,
      },
      { kind: 'none', kongProxyDomain: prodDomain },
    ]);
  });

  it('gives an alb edge only its keys in the Model', () => {
    const text = shipped(['environments.0.aws.edge', { kind: 'alb', publicZone: 'example.com' }]);
    expect(loaded(text).environments[0]?.aws.edge).toEqual({
      kind: 'alb',
      domainName: 'api.dev.example.com',
      wafRateLimitPer5Minutes: 2000,
      publicZone: 'example.com',
      deletionProtection: true,
    });
  });

  it.each<[string, object, readonly [string, unknown][], boolean]>([
    ["an environment's own false", { deletionProtection: false }, [], false],
    ['a top-level false it inherits', {}, [['aws.edge.deletionProtection', false]], false],
    [
      "an environment's own true over a top-level false",
      { deletionProtection: true },
      [['aws.edge.deletionProtection', false]],
      true,
    ],
  ])('protects the ALB from deletion unless told otherwise: %s', (_name, own, top, expected) => {
    const text = shipped(['environments.0.aws.edge', { kind: 'alb', ...own }], ...top);
    expect(loaded(text).environments[0]?.aws.edge).toMatchObject({
      kind: 'alb',
      deletionProtection: expected,
    });
  });

  it.each<[string, readonly (readonly [string, unknown])[], boolean]>([
    ['the default (prod of the shipped catalog)', [], true],
    ["an environment's own false", [['environments.1.aws.edge.deletionProtection', false]], false],
    ['a top-level false it inherits', [['aws.edge.deletionProtection', false]], false],
    [
      "an environment's own true over a top-level false dev inherits",
      [
        ['aws.edge.deletionProtection', false],
        devInheritsTheTopLevelEdge,
        ['environments.1.aws.edge.deletionProtection', true],
      ],
      true,
    ],
  ])(
    'protects a CloudFront edge from deletion unless told otherwise: %s',
    (_name, edits, expected) => {
      const model = loaded(shipped(...edits));
      expect(model.warnings).toEqual([]);
      expect(model.environments[1]?.aws.edge).toMatchObject({
        kind: 'cloudfront',
        deletionProtection: expected,
      });
    },
  );

  it("leaves the shipped dev's CloudFront edge unprotected (it is torn down routinely)", () => {
    expect(loaded(shipped()).environments[0]?.aws.edge).toMatchObject({
      kind: 'cloudfront',
      deletionProtection: false,
    });
  });

  it('still refuses two environments sharing a key both kinds read', () => {
    const text = shipped(['environments.1.aws.edge', { kind: 'none' }]);
    expect(catalogProblems(text)).toEqual(
      expectedProblems(text, [
        [
          'aws.edge.kongProxyDomain',
          false,
          'Konnect custom domain "proxy.kong-cloud-gw-dev.example.com" of environment "prod" is also environment "dev"\'s (both inherit it from the top-level aws.edge.kongProxyDomain); each environment needs its own: set environments[1].aws.edge.kongProxyDomain',
        ],
      ]),
    );
  });
});

describe('edge-keys: warnings about keys nothing reads', () => {
  it.each<[string, string, readonly [string, string][]]>([
    ['the shipped catalog', shipped(), []],
    [
      "an environment's own CloudFront keys under kind alb",
      shipped(['environments.1.aws.edge.kind', 'alb']),
      [
        [
          'environments.1.aws.edge.viewerCertificateArn',
          'is read by aws.edge.kind cloudfront only, but the kind is alb (environment prod): remove it',
        ],
        [
          'environments.1.aws.edge.originClientCertificateArn',
          'is read by aws.edge.kind cloudfront only, but the kind is alb (environment prod): remove it',
        ],
        [
          'environments.1.aws.edge.kongProxyDomain',
          'is read by aws.edge.kind cloudfront and none only, but the kind is alb (environment prod): remove it',
        ],
      ],
    ],
    [
      "an environment's own deletionProtection under kind cloudfront (read: the log bucket)",
      shipped(['environments.1.aws.edge.deletionProtection', false]),
      [],
    ],
    [
      "an environment's own deletionProtection under kind none (no bucket, no ALB)",
      shipped(
        ['environments.1.aws.edge', { kind: 'none', kongProxyDomain: prodDomain }],
        ['environments.1.aws.edge.deletionProtection', false],
      ),
      [
        [
          'environments.1.aws.edge.deletionProtection',
          'is read by aws.edge.kind cloudfront and alb only, but the kind is none (environment prod): remove it',
        ],
      ],
    ],
    [
      "an environment's own keys under kind none, certificatesShared among them",
      shipped(
        ['environments.1.aws.edge.kind', 'none'],
        ['environments.1.aws.edge.certificatesShared', true],
      ),
      [
        [
          'environments.1.aws.edge.domainName',
          'is read by aws.edge.kind cloudfront and alb only, but the kind is none (environment prod): remove it',
        ],
        [
          'environments.1.aws.edge.viewerCertificateArn',
          'is read by aws.edge.kind cloudfront only, but the kind is none (environment prod): remove it',
        ],
        [
          'environments.1.aws.edge.originClientCertificateArn',
          'is read by aws.edge.kind cloudfront only, but the kind is none (environment prod): remove it',
        ],
        [
          'environments.1.aws.edge.wafRateLimitPer5Minutes',
          'is read by aws.edge.kind cloudfront and alb only, but the kind is none (environment prod): remove it',
        ],
        [
          'environments.1.aws.edge.certificatesShared',
          'is read by aws.edge.kind cloudfront only, but the kind is none (environment prod): remove it',
        ],
      ],
    ],
    [
      'top-level CloudFront keys only an environment of kind none inherits',
      shipped(['environments.0.aws.edge', { kind: 'none' }]),
      [
        [
          'aws.edge.domainName',
          'is read by aws.edge.kind cloudfront and alb only, and no environment inherits it with a kind that reads it (dev is none, prod sets its own): remove it',
        ],
        [
          'aws.edge.viewerCertificateArn',
          'is read by aws.edge.kind cloudfront only, and no environment inherits it with a kind that reads it (dev is none, prod sets its own): remove it',
        ],
        [
          'aws.edge.originClientCertificateArn',
          'is read by aws.edge.kind cloudfront only, and no environment inherits it with a kind that reads it (dev is none, prod sets its own): remove it',
        ],
        [
          'aws.edge.wafRateLimitPer5Minutes',
          'is read by aws.edge.kind cloudfront and alb only, and no environment inherits it with a kind that reads it (dev is none, prod sets its own): remove it',
        ],
      ],
    ],
  ])('%s', (_name, text, expected) => {
    expect(warningsOf(text)).toEqual(expectedWarnings(text, expected));
  });
});
