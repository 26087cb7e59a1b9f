import { defineConfig } from 'vitest/config';

/**
 * The tests Stryker runs against mutants of src/rules, route-paths.ts and route-precedence.ts
 * (stryker.config.json): the ones that load catalogs through the rules or call the route code.
 * The generated-code and schema-default tests exercise none of the mutated files and would only
 * slow every mutant down. `isolate: false` keeps the loaded modules between mutant runs: Stryker
 * switches mutants through a global, so nothing needs re-importing. Stryker runs it from a sandbox
 * copy of this package, so it imports nothing by a relative path outside the package (the timeouts
 * repeat vitest.shared.ts).
 */
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    include: [
      'src/load-model.test.ts',
      'src/user-mistakes.test.ts',
      'src/data-plane-rules.test.ts',
      'src/rule-coverage.test.ts',
      'src/route-paths.test.ts',
      'src/route-precedence.test.ts',
      'src/shared-secret.test.ts',
      'src/resolve-waypoint.test.ts',
      'src/resolve-dedicated-data-plane.test.ts',
      'src/custom-plugin-files.test.ts',
    ],
    isolate: false,
  },
});
