import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { compareText, ownedRoots, type RenderedFile } from '@routeplane/model';
import { isRenderedText } from './header.js';
import { serialize } from './serialize.js';

export type ChangeKind = 'created' | 'updated' | 'deleted' | 'unchanged';

export interface PlannedChange {
  readonly path: string;
  readonly kind: ChangeKind;
  /** New bytes (absent for deletions). */
  readonly content?: string;
  /** Bytes on disk now (absent for creations). */
  readonly previous?: string;
}

export interface PlanOptions {
  readonly repoRoot: string;
  readonly catalogFile: string;
  /**
   * Directories (relative, inside the owned roots) whose stale rendered files may be deleted.
   * @default the owned roots themselves
   */
  readonly pruneScope?: readonly string[];
}

/** A bug in a renderer, not a user mistake: the CLI reports it as an internal fault. */
export class RenderedPathError extends Error {
  override name = 'RenderedPathError';
}

function assertOwnedPath(path: string): void {
  const normalized = posix.normalize(path);
  const ok =
    normalized === path &&
    !path.startsWith('/') &&
    !path.split('/').includes('..') &&
    ownedRoots.some((root) => path.startsWith(`${root}/`));
  if (!ok) {
    throw new RenderedPathError(
      `renderer produced "${path}", which is not a normalised path inside ${ownedRoots.join('/, ')}/`,
    );
  }
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Every file below `dir` (relative to root), sorted; a missing dir is empty. */
export function listFiles(root: string, dir: string): string[] {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(join(root, dir), { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .flatMap((entry) => {
      const child = `${dir}/${entry.name}`;
      if (entry.isDirectory()) return listFiles(root, child);
      return entry.isFile() ? [child] : [];
    })
    .sort();
}

/**
 * Compares rendered files with the tree on disk. Stale files are those inside the prune scope
 * that routeplane rendered before (they carry its header) and that are no longer rendered; files
 * without the header are never touched.
 */
export function planChanges(files: readonly RenderedFile[], options: PlanOptions): PlannedChange[] {
  const rendered = new Map<string, string>();
  for (const file of files) {
    assertOwnedPath(file.path);
    if (rendered.has(file.path)) {
      throw new RenderedPathError(`two renderers produced the same file "${file.path}"`);
    }
    rendered.set(file.path, serialize(file, options.catalogFile));
  }
  const changes: PlannedChange[] = [];
  for (const [path, content] of [...rendered.entries()].sort(([a], [b]) => compareText(a, b))) {
    const previous = readIfExists(join(options.repoRoot, path));
    if (previous === undefined) changes.push({ path, kind: 'created', content });
    else if (previous === content) changes.push({ path, kind: 'unchanged', content, previous });
    else changes.push({ path, kind: 'updated', content, previous });
  }
  const scope = options.pruneScope ?? ownedRoots;
  for (const dir of scope) {
    for (const path of listFiles(options.repoRoot, dir)) {
      if (rendered.has(path)) continue;
      const previous = readFileSync(join(options.repoRoot, path), 'utf8');
      if (isRenderedText(previous)) changes.push({ path, kind: 'deleted', previous });
    }
  }
  return changes;
}
