import { mergeConfig } from 'vitest/config';
import { mutationTestConfig } from '../../vitest.mutation.shared.js';

/**
 * The tests Stryker runs against mutants of src/rules (stryker.config.json), in this order: each
 * rule's own tests (the Terraform-tree rules included), the corruption tables, the clean tree,
 * the waypoint example, the waiver tests and, last, the shipped catalog (clean, and a dropped
 * grant caught). The tool, reading and format-only tests call no rule; rule-coverage.test.ts runs
 * every rule while it collects its tests, outside any test, which Stryker cannot attribute. The
 * global setup renders the clean tree once, as in vitest.config.ts.
 */
const testFiles = [
  'src/rules/*.test.ts',
  'src/corruptions.test.ts',
  'src/clean-tree.test.ts',
  'src/crd/corruption-table.test.ts',
  'src/waypoint-example.test.ts',
  'src/waivers-and-format.test.ts',
  'src/waiver-match.test.ts',
  'src/shipped-catalog.test.ts',
];

export default mergeConfig(mutationTestConfig(testFiles, ['/src/rules/', ...testFiles.slice(1)]), {
  test: { globalSetup: ['./src/clean-tree.global-setup.ts'] },
});
