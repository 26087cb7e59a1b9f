import { describe, expect, it } from 'vitest';
import { loadModelFromBytes } from './load-model.js';
import { formatProblem } from './problems.js';
import { shipped } from './testing/bad-catalogs.js';
import { catalogProblems } from './testing/catalog-problems.js';
import { ecsExample } from './testing/ecs-fargate-catalogs.js';
import { type Expected, expectedProblems } from './testing/expected-problems.js';

/**
 * The rate-limit-store rule: exact problem lists, where each points, the Kong version and add-on
 * name boundaries, and the managed cache written per environment or at the top level.
 */
/** A fresh object per use: YAML would write one object used twice as an anchor and alias. */
const cache = () => ({ managedCache: { tier: 'small' } });
const versionProblem = (version: string) =>
  `must be 3.13 or later for kong.managedCache (Redis cloud authentication, which the managed cache's partial uses, is new in 3.13), but "${version}" was given`;
const ecsOnly =
  "Konnect's managed cache serves Dedicated Cloud Gateways only; ECS Fargate counts in its own ElastiCache Redis";
const controlPlane = (length: number) => `k${'x'.repeat(length - 1)}`;

/** users-api's limit counted per node: no route counts in a shared store. */
const everyLimitLocal = [
  'routes.3.plugins.rateLimiting',
  { minute: 100, limitBy: 'consumer', policy: 'local', acceptPerNodeLimits: true },
] as const;
const unusedCache = (env: string) =>
  `provisions a managed cache add-on for environment ${env}, but no rate limit counts in it (every route's limit is local or absent): remove it, or drop policy: local from a limit that should count across nodes`;

/** The loader's warnings, located at the value like its problems. */
function warningsOf(text: string): string[] {
  return loadModelFromBytes(new TextEncoder().encode(text), {
    displayName: 'catalog.yaml',
    baseDir: '.',
  }).warnings.map(formatProblem);
}

describe('rate-limit-store: every problem, where it points', () => {
  it.each<[string, string, readonly Expected[]]>([
    ['Kong 4.0 (a later major)', shipped(['versions.kongGateway', '4.0']), []],
    ['Kong 3.13', shipped(['versions.kongGateway', '3.13']), []],
    [
      'Kong 3.12',
      shipped(['versions.kongGateway', '3.12']),
      [['versions.kongGateway', false, versionProblem('3.12')]],
    ],
    [
      'Kong 2.14 (an earlier major with a later minor)',
      shipped(['versions.kongGateway', '2.14']),
      [['versions.kongGateway', false, versionProblem('2.14')]],
    ],
    [
      'acceptPerNodeLimits on a shared limit (at the key)',
      shipped(['routes.3.plugins.rateLimiting.acceptPerNodeLimits', true]),
      [
        [
          'routes.3.plugins.rateLimiting.acceptPerNodeLimits',
          true,
          'applies only to policy local, but policy is shared (the default): remove it',
        ],
      ],
    ],
    [
      'a managed cache per environment only',
      shipped(
        ['kong.managedCache', undefined],
        ['environments.0.kong', cache()],
        ['environments.1.kong', cache()],
      ),
      [],
    ],
    [
      "a dedicated environment's own managed cache next to the top-level one",
      shipped(['environments.0.kong', cache()]),
      [],
    ],
    [
      // Only dedicated environments count for the version: 3.12 is not refused here.
      'a top-level managed cache on an all-ecsFargate catalog (at the key)',
      ecsExample(['kong.managedCache', cache().managedCache], ['versions.kongGateway', '3.12']),
      [
        [
          'kong.managedCache',
          true,
          `is a dedicated-only option (${ecsOnly}), but every environment uses kong.dataPlane.kind ecsFargate: remove it`,
        ],
      ],
    ],
    [
      "an ecsFargate environment's own managed cache (at the key)",
      ecsExample(['environments.1.kong', cache()]),
      [
        [
          'environments.1.kong.managedCache',
          true,
          `is a dedicated-only option (${ecsOnly}), but environment dev uses kong.dataPlane.kind ecsFargate: remove it`,
        ],
      ],
    ],
    [
      'a shared limit on the first route and no managed cache',
      shipped(
        ['kong.managedCache', undefined],
        ['routes.3.plugins.rateLimiting', undefined],
        ['environments.1.rateLimits', undefined],
        ['routes.0.plugins', { rateLimiting: { minute: 5 } }],
      ),
      ['dev', 'prod'].map(
        (env, i) =>
          [
            `environments.${i}`,
            false,
            `needs kong.managedCache (here in kong or at the top level) for environment ${env}: route healthz counts its rate limit in the shared store, which a Dedicated Cloud Gateway has only through Konnect's managed cache; or set that route's policy: local with acceptPerNodeLimits: true`,
          ] as const,
      ),
    ],
    [
      // Only prod's own cache asks for the add-on, and with it for Kong 3.13.
      'Kong 3.12 with a managed cache in one environment only',
      shipped(
        ['kong.managedCache', undefined],
        ['environments.0.kong', cache()],
        ['versions.kongGateway', '3.12'],
        everyLimitLocal,
      ),
      [['versions.kongGateway', false, versionProblem('3.12')]],
    ],
    [
      'a control plane name whose add-on name has the 70 characters Konnect allows',
      shipped(['environments.0.controlPlaneName', controlPlane(56)]),
      [],
    ],
    [
      'a control plane name whose add-on name has 71 characters',
      shipped(['environments.0.controlPlaneName', controlPlane(57)]),
      [
        [
          'environments.0.controlPlaneName',
          false,
          `names the managed cache add-on ${controlPlane(57)}-managed-cache, which must be at most 70 characters, but 71 were given`,
        ],
      ],
    ],
  ])('%s', (_name, text, expected) => {
    expect(catalogProblems(text)).toEqual(expectedProblems(text, expected));
  });
});

describe('rate-limit-store: the warning about a managed cache no limit counts in', () => {
  it.each<[string, string, readonly Expected[]]>([
    [
      'every limit local and no managed cache',
      shipped(['kong.managedCache', undefined], everyLimitLocal),
      [],
    ],
    [
      'every limit local and a top-level managed cache',
      shipped(everyLimitLocal),
      [['kong.managedCache', false, unusedCache('dev, prod')]],
    ],
    [
      "every limit local and prod's own managed cache (at prod's key)",
      shipped(['kong.managedCache', undefined], ['environments.1.kong', cache()], everyLimitLocal),
      [['environments.1.kong.managedCache', false, unusedCache('prod')]],
    ],
  ])('%s', (_name, text, expected) => {
    expect(warningsOf(text)).toEqual(expectedProblems(text, expected));
  });
});
