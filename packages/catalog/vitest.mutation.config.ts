import { mutationTestConfig } from '../../vitest.mutation.shared.js';

/**
 * The tests Stryker runs against mutants of src/rules, route-paths.ts and route-precedence.ts
 * (stryker.config.json), focused tests first: the ones that load catalogs through the rules or
 * call the route code; the fixture and derived-default tests last (they load valid catalogs and
 * one the loader refuses). The generated-code and type tests exercise none of the mutated files; rule-coverage.test.ts runs every rule while it collects its tests, outside any test,
 * which Stryker cannot attribute (each rule's firing is asserted with its message here anyway).
 */
const testFiles = [
  'src/route-paths.test.ts',
  'src/route-precedence.test.ts',
  'src/image-rules.test.ts',
  'src/rule-messages.test.ts',
  'src/shared-secret.test.ts',
  'src/data-plane-rules.test.ts',
  'src/data-plane-rule-messages.test.ts',
  'src/dedicated-data-plane-rule-messages.test.ts',
  'src/alb-edge-rule-messages.test.ts',
  'src/rate-limit-rule-messages.test.ts',
  'src/route-rule-messages.test.ts',
  'src/naming-rule-messages.test.ts',
  'src/edge-rule-messages.test.ts',
  'src/custom-plugin-rule-messages.test.ts',
  'src/waypoint-rule-messages.test.ts',
  'src/service-rule-messages.test.ts',
  'src/node-pool-sizes.test.ts',
  'src/resolve-waypoint.test.ts',
  'src/resolve-dedicated-data-plane.test.ts',
  'src/custom-plugin-files.test.ts',
  'src/user-mistakes.test.ts',
  'src/load-model.test.ts',
  'src/testing/fixture-model.test.ts',
  'src/resolve-derived-defaults.test.ts',
];

export default mutationTestConfig(testFiles, testFiles);
