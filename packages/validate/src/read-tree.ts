import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { compareText, ownedRoots } from '@routeplane/model';
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
 * point at them). A file that does not parse is kept with its parse error (rule `schema/parse`).
 */
export function readTree(repoRoot: string): TreeFile[] {
  const files: TreeFile[] = [];
  for (const root of ownedRoots) {
    const dir = join(repoRoot, root);
    if (!existsSync(dir)) continue;
    for (const abs of walk(dir)) {
      const path = relative(repoRoot, abs).split(sep).join('/');
      const text = readFileSync(abs, 'utf8');
      try {
        files.push({ path, documents: parse(text, path) });
      } catch (error) {
        files.push({ path, documents: [], parseError: (error as Error).message });
      }
    }
  }
  return files.sort((a, b) => compareText(a.path, b.path));
}

function parse(text: string, path: string): unknown[] {
  if (path.endsWith('.json')) return [JSON.parse(text) as unknown];
  if (!/\.ya?ml$/.test(path)) return [];
  const docs = parseAllDocuments(text, { uniqueKeys: true });
  const out: unknown[] = [];
  for (const doc of docs) {
    if (doc.errors.length > 0)
      throw new Error(doc.errors.map((e) => e.message.split('\n')[0]).join('; '));
    const value: unknown = doc.toJS({ maxAliasCount: 0 });
    if (value !== null && value !== undefined) out.push(value);
  }
  return out;
}
