import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ownedRoots } from '@routeplane/catalog';
import { parseAllDocuments } from 'yaml';
import type { TreeFile } from './finding.js';

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : entry.isFile() ? [path] : [];
  });
}

/**
 * Reads argocd/ generated/ deck/ below the repository root: every YAML document of `.yaml`/`.yml`
 * files, the value of `.json` files. Other files are listed with no documents (Argo CD paths may
 * point at them). A file that does not parse throws, naming the file.
 */
export function readTree(repoRoot: string): TreeFile[] {
  const files: TreeFile[] = [];
  for (const root of ownedRoots) {
    const dir = join(repoRoot, root);
    if (!existsSync(dir)) continue;
    for (const abs of walk(dir)) {
      const path = relative(repoRoot, abs).split(sep).join('/');
      const text = readFileSync(abs, 'utf8');
      files.push({ path, documents: parse(path, text) });
    }
  }
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

function parse(path: string, text: string): unknown[] {
  if (path.endsWith('.json')) return [JSON.parse(text) as unknown];
  if (!/\.ya?ml$/.test(path)) return [];
  const docs = parseAllDocuments(text, { uniqueKeys: true });
  const out: unknown[] = [];
  for (const doc of docs) {
    if (doc.errors.length > 0)
      throw new Error(`${path}: ${doc.errors.map((e) => e.message).join('; ')}`);
    const value: unknown = doc.toJS({ maxAliasCount: 0 });
    if (value !== null && value !== undefined) out.push(value);
  }
  return out;
}
