import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';

/**
 * `line:column` of the key (atKey) or the value at a dotted path of the catalog text; a path that
 * goes on past what the text has points at the deepest value it has.
 */
export function positionOf(text: string, dotted: string, atKey: boolean): string {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  let node: Node | null = doc.contents;
  let key: Node | null = null;
  for (const part of dotted.split('.')) {
    if (isSeq(node)) {
      key = null;
      node = node.items[Number(part)] as Node;
    } else if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === part);
      if (pair === undefined) break;
      key = pair.key as Node;
      node = pair.value as Node;
    }
  }
  const { line, col } = lines.linePos((atKey && key ? key : node)?.range?.[0] ?? 0);
  return `${line}:${col}`;
}

/** A problem a test expects: the dotted key path, whether it points at the key, the message. */
export type Expected = readonly [path: string, atKey: boolean, message: string];

/** The loader's formatted problems (`catalog.yaml:line:col key.path: message`) for `expected`. */
export function expectedProblems(text: string, expected: readonly Expected[]): string[] {
  return expected.map(([path, atKey, message]) => {
    const shown = path.replace(/\.(\d+)(?=\.|$)/g, '[$1]');
    return `catalog.yaml:${positionOf(text, path, atKey)} ${shown}: ${message}`;
  });
}
