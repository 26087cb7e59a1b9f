import { mergeConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import shared from './vitest.shared.js';

/**
 * The vitest configuration a package's Stryker run uses (its vitest.mutation.config.ts): only
 * `include`, run in the order of `order` (a file runs at the first entry its path contains,
 * unlisted files last). Stryker stops a mutant at its first failing test, so focused tests first
 * make a killed mutant cost one quick file instead of a whole suite. `isolate: false` keeps loaded
 * modules between mutant runs (Stryker switches mutants through a global).
 */
export function mutationTestConfig(include: readonly string[], order: readonly string[]) {
  const rank = (file: TestSpecification) => {
    const at = order.findIndex((part) => file.moduleId.includes(part));
    return at < 0 ? order.length : at;
  };
  class ListedOrder extends BaseSequencer {
    override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
      return [...files].sort((a, b) => rank(a) - rank(b));
    }
  }
  return mergeConfig(shared, {
    test: { include: [...include], isolate: false, sequence: { sequencer: ListedOrder } },
  });
}
