import { createTwoFilesPatch } from 'diff';
import type { PlannedChange } from './plan.js';

/** Unified diff from what is committed to what the catalog renders, for every changed file. */
export function unifiedDiff(changes: readonly PlannedChange[]): string {
  return changes
    .filter((c) => c.kind !== 'unchanged')
    .map((c) =>
      createTwoFilesPatch(
        c.kind === 'created' ? '/dev/null' : `a/${c.path}`,
        c.kind === 'deleted' ? '/dev/null' : `b/${c.path}`,
        c.previous ?? '',
        c.content ?? '',
        undefined,
        undefined,
        { context: 3 },
      ),
    )
    .join('');
}
