import { mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PlannedChange } from './plan.js';

/**
 * Applies a plan: every new file is first written to a temporary file beside its target; only
 * when all of them are written are they renamed into place (rename is atomic per file), then
 * stale files are deleted and emptied directories removed. A failure while writing leaves the
 * tree exactly as it was.
 */
export function applyChanges(repoRoot: string, changes: readonly PlannedChange[]): void {
  const writes = changes.filter((c) => c.kind === 'created' || c.kind === 'updated');
  const staged: { temp: string; target: string }[] = [];
  try {
    writes.forEach((change, index) => {
      const target = join(repoRoot, change.path);
      mkdirSync(dirname(target), { recursive: true });
      const temp = join(dirname(target), `.routeplane-tmp-${process.pid}-${index}`);
      writeFileSync(temp, change.content ?? '', { flag: 'wx' });
      staged.push({ temp, target });
    });
  } catch (error) {
    for (const { temp } of staged) rmSync(temp, { force: true });
    throw error;
  }
  for (const { temp, target } of staged) renameSync(temp, target);
  for (const change of changes) {
    if (change.kind !== 'deleted') continue;
    const target = join(repoRoot, change.path);
    rmSync(target, { force: true });
    removeEmptyParents(repoRoot, dirname(change.path));
  }
}

function removeEmptyParents(repoRoot: string, dir: string): void {
  let current = dir;
  while (current.includes('/')) {
    const absolute = join(repoRoot, current);
    try {
      if (readdirSync(absolute).length > 0) return;
      rmdirSync(absolute);
    } catch {
      return;
    }
    current = dirname(current);
  }
}
