import { mutationTestConfig } from '../../vitest.mutation.shared.js';

/**
 * The tests Stryker runs against mutants of src/rules, route-paths.ts and route-precedence.ts
 * (stryker.config.json), focused tests first: the ones that load catalogs through the rules or
 * call the route code; the fixture and derived-default tests last (they load valid catalogs and
 * one the loader refuses). The generated-code and type tests exercise none of the mutated files; rule-coverage.test.ts runs every rule while it collects its tests, outside any test,
 * which Stryker cannot attribute (each rule's firing is asserted with its message here anyway).
 */
const focused = [
  'src/route-paths.test.ts',
  'src/route-precedence.test.ts',
  'src/image-rules.test.ts',
  'src/rule-messages.test.ts',
  'src/shared-secret.test.ts',
  'src/data-plane-rules.test.ts',
];
/** Every rule's message table, by pattern: a new `*-rule-messages.test.ts` counts without an edit here. */
const ruleMessages = 'src/*-rule-messages.test.ts';
const late = [
  'src/node-pool-sizes.test.ts',
  'src/resolve-waypoint.test.ts',
  'src/resolve-dedicated-data-plane.test.ts',
  'src/resolve-edge.test.ts',
  'src/custom-plugin-files.test.ts',
  'src/user-mistakes.test.ts',
  'src/load-model.test.ts',
  'src/testing/fixture-model.test.ts',
  'src/resolve-derived-defaults.test.ts',
];

export default mutationTestConfig(
  [...focused, ruleMessages, ...late],
  [...focused, '-rule-messages.test.ts', ...late],
);
