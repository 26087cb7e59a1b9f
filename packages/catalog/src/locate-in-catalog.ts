import { readFileSync } from 'node:fs';
import { formatKeyPath, type KeyPath } from './key-path.js';
import { parseCatalogYaml } from './parse-yaml.js';
import type { CatalogProblem } from './problems.js';

type FoundProblem = Pick<CatalogProblem, 'message' | 'rule'> & { readonly path: KeyPath };

/**
 * Locates problems found after loading (e.g. by `validate`, which knows what the rendered files
 * contain) in the catalog source, so they read like the loader's own: `file:line:col key.path`.
 * `find` gets the parsed catalog and returns key paths with messages.
 */
export function locateInCatalog(
  catalogPath: string,
  displayName: string,
  find: (data: unknown) => readonly FoundProblem[],
): CatalogProblem[] {
  const parsed = parseCatalogYaml(readFileSync(catalogPath), displayName);
  if (!parsed.ok) return [...parsed.problems];
  return find(parsed.parsed.data).map(({ path, message, rule }) => ({
    file: displayName,
    ...parsed.parsed.locate(path),
    keyPath: formatKeyPath(path),
    message,
    rule,
  }));
}
