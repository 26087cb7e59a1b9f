import { compareText } from '@routeplane/model';
import { createTwoFilesPatch, structuredPatch } from 'diff';

export type FileChangeKind = 'added' | 'deleted' | 'modified';

/** One file that differs, with its line counts and unified diff. */
export interface FileStat {
  readonly path: string;
  readonly kind: FileChangeKind;
  readonly linesAdded: number;
  readonly linesRemoved: number;
  readonly patch: string;
}

function lineCounts(before: string, after: string): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const hunk of structuredPatch('a', 'b', before, after, undefined, undefined, { context: 0 })
    .hunks) {
    for (const line of hunk.lines) {
      if (line.startsWith('+')) added++;
      else if (line.startsWith('-')) removed++;
    }
  }
  return { added, removed };
}

/** Every path whose text differs between the two sides (absent = no file), sorted by path. */
export function fileStats(
  base: ReadonlyMap<string, string>,
  head: ReadonlyMap<string, string>,
): FileStat[] {
  const paths = [...new Set([...base.keys(), ...head.keys()])].sort(compareText);
  const out: FileStat[] = [];
  for (const path of paths) {
    const before = base.get(path);
    const after = head.get(path);
    if (before === after) continue;
    const kind: FileChangeKind =
      before === undefined ? 'added' : after === undefined ? 'deleted' : 'modified';
    const { added, removed } = lineCounts(before ?? '', after ?? '');
    // jsdiff opens with a `====` rule line that says nothing a reader needs
    const patch = createTwoFilesPatch(
      before === undefined ? '/dev/null' : `a/${path}`,
      after === undefined ? '/dev/null' : `b/${path}`,
      before ?? '',
      after ?? '',
      undefined,
      undefined,
      { context: 3 },
    ).replace(/^=+\n/, '');
    out.push({ path, kind, linesAdded: added, linesRemoved: removed, patch });
  }
  return out;
}
