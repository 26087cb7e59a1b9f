import { structuredPatch } from 'diff';
import type { PlannedChange } from './plan.js';

export interface FileStat {
  readonly path: string;
  readonly kind: PlannedChange['kind'];
  readonly added: number;
  readonly removed: number;
}

/** Lines added and removed per changed file, as `git diff --stat` counts them. */
export function diffStat(changes: readonly PlannedChange[]): FileStat[] {
  return changes
    .filter((c) => c.kind !== 'unchanged')
    .map((c) => {
      const lines = structuredPatch(c.path, c.path, c.previous ?? '', c.content ?? '', '', '', {
        context: 0,
      }).hunks.flatMap((h) => h.lines);
      return {
        path: c.path,
        kind: c.kind,
        added: lines.filter((l) => l.startsWith('+')).length,
        removed: lines.filter((l) => l.startsWith('-')).length,
      };
    });
}

/** ` path | 5 +++--` rows and a summary line, like `git diff --stat`. */
export function formatDiffStat(stats: readonly FileStat[]): string {
  const width = Math.max(0, ...stats.map((s) => s.path.length));
  const rows = stats.map(
    (s) =>
      ` ${s.path.padEnd(width)} | ${String(s.added + s.removed).padStart(5)} ${'+'.repeat(Math.min(s.added, 40))}${'-'.repeat(Math.min(s.removed, 40))}`,
  );
  const added = stats.reduce((n, s) => n + s.added, 0);
  const removed = stats.reduce((n, s) => n + s.removed, 0);
  rows.push(
    ` ${stats.length} file(s) changed, ${added} insertion(s)(+), ${removed} deletion(s)(-)`,
  );
  return rows.join('\n');
}
