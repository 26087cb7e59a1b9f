/**
 * A CRD document's text cut into the part before `spec.versions` and one text per version, so
 * that checking a v1 object parses only the v1 schema: every pinned CRD repeats its full schema
 * for each version (Istio for three), and parsing dominates `validate`'s CRD cost. Relies on the
 * layout upstream generators write (`  versions:` with items at `  - ` and `    name:`); any other
 * layout returns undefined and the caller parses the whole document.
 */
export interface VersionTexts {
  readonly head: string;
  /** Version name to the text of its list item. */
  readonly items: ReadonlyMap<string, string>;
}

export function splitVersions(text: string): VersionTexts | undefined {
  const start = /^ {2}versions:\n/m.exec(text);
  if (!start) return undefined;
  const head = text.slice(0, start.index + start[0].length);
  const rest = text.slice(head.length);
  // The list ends at the next top-level key (e.g. `status:`) or the end of the document.
  const end = /^\S/m.exec(rest);
  const list = end ? rest.slice(0, end.index) : rest;
  const items = new Map<string, string>();
  for (const item of list.split(/^(?= {2}- )/m)) {
    if (item.trim() === '') continue;
    const name = /^(?: {2}- | {4})name: ['"]?([^'"\s]+)['"]?\s*$/m.exec(item)?.[1];
    if (!item.startsWith('  - ') || !name || items.has(name)) return undefined;
    items.set(name, item);
  }
  return items.size > 0 ? { head, items } : undefined;
}
