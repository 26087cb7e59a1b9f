import { mutationTestConfig } from '../../vitest.mutation.shared.js';

/**
 * The tests Stryker runs against mutants of src/rules (stryker.config.json): each rule's own
 * tests first, then the corruption table, the clean tree and the waypoint example. The tool,
 * reading and format tests call no rule; rule-coverage.test.ts runs every rule while it collects
 * its tests, outside any test, which Stryker cannot attribute.
 */
export default mutationTestConfig(
  [
    'src/rules/*.test.ts',
    'src/corruptions.test.ts',
    'src/clean-tree.test.ts',
    'src/waypoint-example.test.ts',
  ],
  ['/src/rules/', 'src/corruptions.test.ts', 'src/clean-tree.test.ts'],
);
