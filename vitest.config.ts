import { availableParallelism } from 'node:os';
import { defineConfig, mergeConfig } from 'vitest/config';
import shared from './vitest.shared.js';

/**
 * The whole suite as ONE vitest project (`pnpm test` runs it through turbo's `//#vitest` task):
 * with `isolate: false` a worker imports cdk8s, cdktn, its AWS provider classes and ajv once for
 * every package's test files, where fifteen per-package runs imported them once per package (and
 * vitest projects would too: their workers are never shared). Each package's own
 * vitest.config.ts stays for running one package (`pnpm --filter <package> test`).
 *
 * At least two workers: vitest's default (one less than the cores) is a single worker on the
 * 2-core reference machine, which runs every test file one after the other.
 */
export default mergeConfig(
  shared,
  defineConfig({
    test: {
      maxWorkers: Math.max(2, availableParallelism() - 1),
      include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts'],
      globalSetup: [
        './apps/cli/vitest.global-setup.ts',
        './packages/validate/src/clean-tree.global-setup.ts',
      ],
    },
  }),
);
