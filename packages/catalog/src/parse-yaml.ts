import {
  type Document,
  isAlias,
  isCollection,
  isMap,
  isScalar,
  LineCounter,
  type Node,
  parseAllDocuments,
  visit,
} from 'yaml';
import { formatKeyPath, type KeyPath } from './key-path.js';
import type { CatalogProblem } from './problems.js';
import { placeIndentationErrors } from './yaml-indentation.js';

/** Thousands of routes fit in a few MiB; the cap stops accidental or hostile inputs before parsing. */
export const maxCatalogBytes = 16 * 1024 * 1024;

export interface ParsedCatalog {
  readonly data: unknown;
  /** Position of a key path: the key itself when `atKey`, otherwise its value. */
  locate(path: KeyPath, atKey?: boolean): { line: number; column: number };
  /** Source text of the scalar at a path (to quote what the user wrote, e.g. `0777`). */
  sourceText(path: KeyPath): string | undefined;
}

export type ParseResult =
  | { readonly ok: true; readonly parsed: ParsedCatalog }
  | { readonly ok: false; readonly problems: readonly CatalogProblem[] };

/**
 * Parses catalog text safely: UTF-8 only, one document, YAML 1.2 core schema (so `no`, `on` and
 * `0777` are never turned into booleans or octal numbers behind the user's back), no anchors or
 * aliases (no expansion bombs), no duplicate keys, no custom tags.
 */
export function parseCatalogYaml(bytes: Uint8Array, file: string): ParseResult {
  const problem = (line: number, column: number, message: string): CatalogProblem => ({
    file,
    line,
    column,
    keyPath: '',
    message,
    rule: 'yaml',
  });
  if (bytes.byteLength > maxCatalogBytes) {
    return {
      ok: false,
      problems: [
        problem(0, 0, `file is ${bytes.byteLength} bytes; the limit is ${maxCatalogBytes} bytes`),
      ],
    };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problems: [problem(0, 0, 'file is not valid UTF-8 text')] };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, {
    version: '1.2',
    schema: 'core',
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
    lineCounter,
  });
  const pos = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  if (!Array.isArray(docs)) {
    return { ok: false, problems: [problem(1, 1, 'file holds no YAML document')] };
  }
  const problems: CatalogProblem[] = [];
  if (docs.length !== 1) {
    const second = docs[1];
    const at = second ? pos(second.range[0]) : { line: 1, column: 1 };
    problems.push(
      problem(
        at.line,
        at.column,
        `must hold exactly one YAML document, but ${docs.length} were given`,
      ),
    );
  }
  const doc = docs[0];
  if (!doc) return { ok: false, problems };
  const placed = placeIndentationErrors(
    text,
    [...doc.errors, ...doc.warnings].map((error) => ({
      code: error.code,
      ...pos(error.pos[0]),
      message: describeYamlError(error.code, error.message),
    })),
  );
  for (const error of placed) problems.push(problem(error.line, error.column, error.message));
  visit(doc, {
    Node(_key, node) {
      const at = pos(node.range?.[0] ?? 0);
      if (isAlias(node)) {
        problems.push(problem(at.line, at.column, `aliases (*${node.source}) are not allowed`));
      } else if (node.anchor) {
        problems.push(problem(at.line, at.column, `anchors (&${node.anchor}) are not allowed`));
      }
      if (node.tag && !node.tag.startsWith('tag:yaml.org,2002:')) {
        problems.push(problem(at.line, at.column, `custom tags (${node.tag}) are not allowed`));
      }
    },
  });
  if (problems.length > 0) return { ok: false, problems };

  const data = doc.toJS({ maxAliasCount: 0 }) as unknown;
  return { ok: true, parsed: parsedCatalog(doc, data, pos) };
}

function describeYamlError(code: string, message: string): string {
  if (code === 'DUPLICATE_KEY') return 'duplicate key: each key may appear once in a mapping';
  return message.split('\n')[0] ?? message;
}

function parsedCatalog(
  doc: Document,
  data: unknown,
  pos: (offset: number) => { line: number; column: number },
): ParsedCatalog {
  /** Walks down the document as far as the path exists; returns the deepest node and key node. */
  const find = (path: KeyPath): { node: Node | null; keyNode: Node | null } => {
    let node: Node | null = doc.contents as Node | null;
    let keyNode: Node | null = null;
    for (const part of path) {
      if (!isCollection(node)) break;
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && item.key.value === part);
        if (!pair) break;
        keyNode = pair.key as Node;
        node = (pair.value as Node | null) ?? keyNode;
      } else {
        const item = typeof part === 'number' ? node.items[part] : undefined;
        if (!item) break;
        keyNode = null;
        node = item as Node;
      }
    }
    return { node, keyNode };
  };
  return {
    data,
    locate(path, atKey = false) {
      const { node, keyNode } = find(path);
      const target = atKey && keyNode ? keyNode : node;
      return pos(target?.range?.[0] ?? 0);
    },
    sourceText(path) {
      const { node } = find(path);
      return isScalar(node) && typeof node.source === 'string' ? node.source : undefined;
    },
  };
}

export { formatKeyPath };
