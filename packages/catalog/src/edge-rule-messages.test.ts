import { describe, expect, it } from 'vitest';
import { shipped } from './testing/bad-catalogs.js';
import { catalogProblems } from './testing/catalog-problems.js';
import { ecsExample } from './testing/ecs-fargate-catalogs.js';
import { type Expected, expectedProblems } from './testing/expected-problems.js';
import { mixedCatalog } from './testing/mixed-catalog.js';

/** The edge-kind rule: the CloudFront origin header is refused only when no CloudFront sends it. */
const header = { name: 'X-Origin-Verify', valueEnv: 'DECK_CLOUDFRONT_ORIGIN_SECRET' };
const devNone = ['environments.0.aws.edge', { kind: 'none' }] as const;
const prodNone = ['environments.1.aws.edge.kind', 'none'] as const;

describe('edge-kind: every problem, where it points', () => {
  it.each<[string, string, readonly Expected[]]>([
    [
      'the origin header when every dedicated edge is kind none (at the key)',
      shipped(devNone, prodNone),
      [
        [
          'kong.cloudfrontOriginHeader',
          true,
          'is the secret CloudFront adds and Kong checks, but no dedicated environment sets aws.edge.kind cloudfront (no CloudFront sends it): remove it, or its DECK_CLOUDFRONT_ORIGIN_SECRET would be required for nothing',
        ],
      ],
    ],
    [
      'no origin header and no CloudFront',
      shipped(devNone, prodNone, ['kong.cloudfrontOriginHeader', undefined]),
      [],
    ],
    ['the origin header when one of two environments uses CloudFront', shipped(prodNone), []],
    [
      'the origin header on an all-ecsFargate catalog (no dedicated edge reads it)',
      ecsExample(['kong.cloudfrontOriginHeader', header]),
      [],
    ],
    [
      // data-plane-kind reports the missing edge; edge-kind does not add the header to it.
      'the origin header next to a dedicated environment without an edge',
      shipped(
        ['aws.edge', undefined],
        ['environments.0.aws.edge', undefined],
        ['environments.1.aws.edge', { kind: 'none', kongProxyDomain: 'proxy.example.com' }],
      ),
      [
        [
          'environments.0.aws',
          false,
          'needs edge (what clients reach in front of the Dedicated Cloud Gateway: kind cloudfront, alb or none) for environment dev, whose data plane kind is dedicated',
        ],
      ],
    ],
    [
      // The dedicated dev (alb) and prod (none) read the header; staging on ECS Fargate inherits
      // the top-level CloudFront edge, but no Dedicated Cloud Gateway sits behind it.
      'the origin header next to an ALB dev, a prod without edge and an ecsFargate staging (at the key)',
      shipped(
        ...mixedCatalog(),
        ['environments.0.aws.edge', { kind: 'alb', publicZone: 'example.com' }],
        prodNone,
      ),
      [
        [
          'kong.cloudfrontOriginHeader',
          true,
          'is the secret CloudFront adds and Kong checks, but no dedicated environment sets aws.edge.kind cloudfront (no CloudFront sends it): remove it, or its DECK_CLOUDFRONT_ORIGIN_SECRET would be required for nothing',
        ],
      ],
    ],
  ])('%s', (_name, text, expected) => {
    expect(catalogProblems(text)).toEqual(expectedProblems(text, expected));
  });
});
