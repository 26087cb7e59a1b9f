import { mergeConfig } from 'vitest/config';
import { mutationTestConfig } from '../../vitest.mutation.shared.js';

/**
 * The tests Stryker runs against mutants of src/rules (stryker.config.json): each rule's own
 * tests first (the Terraform-tree rules included), then the corruption tables, the clean tree,
 * the waypoint example, the waiver tests and, last, the shipped catalog (clean, and a dropped
 * grant caught). The tool, reading and format-only tests call no rule; rule-coverage.test.ts runs
 * every rule while it collects its tests, outside any test, which Stryker cannot attribute. The
 * global setup renders the clean tree once, as in vitest.config.ts.
 */
const focused = mutationTestConfig(
  [
    'src/rules/*.test.ts',
    'src/corruptions.test.ts',
    'src/clean-tree.test.ts',
    'src/crd/corruption-table.test.ts',
    'src/waypoint-example.test.ts',
    'src/waivers-and-format.test.ts',
    'src/waiver-match.test.ts',
    'src/shipped-catalog.test.ts',
  ],
  [
    '/src/rules/',
    'src/corruptions.test.ts',
    'src/clean-tree.test.ts',
    'src/crd/corruption-table.test.ts',
    'src/waypoint-example.test.ts',
    'src/waivers-and-format.test.ts',
    'src/waiver-match.test.ts',
  ],
);

export default mergeConfig(focused, {
  test: { globalSetup: ['./src/clean-tree.global-setup.ts'] },
});
