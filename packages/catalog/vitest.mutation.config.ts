import { mergeConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import shared from '../../vitest.shared.js';

/**
 * The tests Stryker runs against mutants of src/rules, route-paths.ts and route-precedence.ts
 * (stryker.config.json): the ones that load catalogs through the rules or call the route code.
 * The generated-code and schema-default tests exercise none of the mutated files and would only
 * slow every mutant down. They run in this order, the focused tests first: Stryker stops a mutant
 * at its first failing test, so a killed mutant costs one quick file instead of the whole loader
 * suite. `isolate: false` keeps the loaded modules between mutant runs (Stryker switches mutants
 * through a global).
 */
const testFiles = [
  'src/route-paths.test.ts',
  'src/route-precedence.test.ts',
  'src/image-rules.test.ts',
  'src/rule-messages.test.ts',
  'src/shared-secret.test.ts',
  'src/data-plane-rules.test.ts',
  'src/resolve-waypoint.test.ts',
  'src/resolve-dedicated-data-plane.test.ts',
  'src/custom-plugin-files.test.ts',
  'src/user-mistakes.test.ts',
  'src/load-model.test.ts',
];

class ListedOrder extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) =>
      testFiles.findIndex((name) => file.moduleId.endsWith(name));
    return [...files].sort((a, b) => rank(a) - rank(b));
  }
}

export default mergeConfig(shared, {
  test: { include: testFiles, isolate: false, sequence: { sequencer: ListedOrder } },
});
