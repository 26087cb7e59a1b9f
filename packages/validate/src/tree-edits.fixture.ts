import { cleanTree } from './clean-tree.fixture.js';
import { corrupt } from './corrupt.fixture.js';
import type { TreeFile } from './finding.js';
import type { Rule } from './rule.js';
import { validateTree } from './validate-tree.js';

type Doc = Record<string, unknown>;

/** One edit of one document of the clean dev tree: the file, the document (`Kind`), the change. */
export type TreeEdit = readonly [path: string, selector: string, change: (doc: Doc) => void];

/** The findings of `files` (from `rules`, default all), one sorted `rule object: message` line each. */
export function findingLines(files: readonly TreeFile[], rules?: readonly Rule[]): string[] {
  return validateTree({ files, waivers: [] }, rules).map(
    (f) => `${f.rule} ${f.object}: ${f.message}`,
  );
}

/** The findings (`rule object: message`, sorted) of the clean dev tree after the edits. */
export function findingsAfter(...edits: readonly TreeEdit[]): string[] {
  const files = edits.reduce<TreeFile[]>(
    (tree, [path, selector, change]) =>
      corrupt(tree, path, selector, (doc) => {
        change(doc);
        return undefined;
      }),
    cleanTree(),
  );
  return findingLines(files);
}
