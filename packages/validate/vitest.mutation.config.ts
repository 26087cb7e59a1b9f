import { mergeConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import shared from '../../vitest.shared.js';

/**
 * The tests Stryker runs against mutants of src/rules (stryker.config.json): each rule's own
 * tests, the corruption table, the clean tree and the waypoint example. The tool, reading and
 * format tests call no rule and would only slow every mutant down; rule-coverage.test.ts runs
 * every rule while it collects its tests, outside any test, which Stryker cannot attribute. They
 * run in this order, the focused tests first: Stryker stops a mutant at its first failing test.
 * `isolate: false` keeps the rendered fixture between mutant runs (Stryker switches mutants
 * through a global).
 */
const testFiles = [
  'src/rules/*.test.ts',
  'src/corruptions.test.ts',
  'src/clean-tree.test.ts',
  'src/waypoint-example.test.ts',
];

class ListedOrder extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) =>
      file.moduleId.includes('/src/rules/')
        ? 0
        : testFiles.findIndex((name) => file.moduleId.endsWith(name));
    return [...files].sort((a, b) => rank(a) - rank(b));
  }
}

export default mergeConfig(shared, {
  test: { include: testFiles, isolate: false, sequence: { sequencer: ListedOrder } },
});
