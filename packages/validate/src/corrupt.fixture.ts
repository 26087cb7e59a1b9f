import type { TreeFile } from './finding.js';

type Doc = Record<string, unknown>;

/** A document of a file: its index, or `Kind` / `Kind/name` (the first such document). */
export type DocumentSelector = number | string;

function indexOf(documents: readonly unknown[], path: string, selector: DocumentSelector): number {
  if (typeof selector === 'number') return selector;
  const [kind, name] = selector.split('/');
  const index = documents.findIndex((d) => {
    const doc = d as { kind?: unknown; metadata?: { name?: unknown } };
    return doc.kind === kind && (name === undefined || doc.metadata?.name === name);
  });
  if (index === -1) throw new Error(`fixture ${path} has no document ${selector}`);
  return index;
}

/**
 * A deep copy of the tree with one document changed: `edit` receives the selected document of
 * `path` (untyped, as parsed YAML) and may mutate it or return a replacement (`null` drops it).
 */
export function corrupt(
  files: readonly TreeFile[],
  path: string,
  selector: DocumentSelector,
  edit: (doc: Doc) => Doc | null | undefined,
): TreeFile[] {
  const copy = structuredClone(files) as TreeFile[];
  const file = copy.find((f) => f.path === path);
  if (!file) throw new Error(`fixture has no file ${path}`);
  const docs = [...file.documents];
  const index = indexOf(docs, path, selector);
  const doc = docs[index] as Doc | undefined;
  if (!doc) throw new Error(`fixture ${path} has no document ${selector}`);
  const result = edit(doc);
  if (result === null) docs.splice(index, 1);
  else if (result !== undefined) docs[index] = result;
  return copy.map((f) => (f.path === path ? { path, documents: docs } : f));
}

/** Follows a key path through plain objects and arrays (`'0'` indexes arrays). */
export function at(doc: unknown, ...keys: readonly (string | number)[]): Doc {
  let current: unknown = doc;
  for (const key of keys) current = (current as Record<string | number, unknown>)[key];
  return current as Doc;
}

/** The array at a key path, for push/pop. */
export function list(doc: unknown, ...keys: readonly (string | number)[]): unknown[] {
  return at(doc, ...keys) as unknown as unknown[];
}
