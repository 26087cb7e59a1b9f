import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Model } from '@routeplane/model';
import type { RouteCatalog } from './catalog.generated.js';
import type { CatalogWithDefaults } from './catalog-with-defaults.generated.js';
import { readCustomPlugins } from './custom-plugin-files.js';
import { formatKeyPath, type KeyPath } from './key-path.js';
import { parseCatalogYaml } from './parse-yaml.js';
import { CatalogError, type CatalogProblem, sortProblems } from './problems.js';
import { resolveCatalog } from './resolve.js';
import { checkCatalogSchema } from './schema-validate.js';
import { runSemanticRules } from './semantic-rules.js';

export interface LoadOptions {
  /** Name shown in messages and rendered headers, e.g. `catalog.yaml`. */
  readonly displayName: string;
  /** Directory files named by the catalog (custom plugins' Lua) are relative to. */
  readonly baseDir: string;
}

/**
 * Loads, validates and resolves a catalog file. Every problem (YAML, schema, cross-field) is
 * collected and thrown together as one CatalogError; nothing is thrown for a valid catalog.
 */
export function loadModel(catalogPath: string, displayName: string = catalogPath): Model {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(catalogPath);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : 'cannot be read';
    throw new CatalogError([
      { file: displayName, line: 0, column: 0, keyPath: '', message: reason, rule: 'file' },
    ]);
  }
  return loadModelFromBytes(bytes, { displayName, baseDir: dirname(resolve(catalogPath)) });
}

/** Same as loadModel for catalog bytes already in memory (tests, editors). */
export function loadModelFromBytes(bytes: Uint8Array, options: LoadOptions): Model {
  const file = options.displayName;
  const parsed = parseCatalogYaml(bytes, file);
  if (!parsed.ok) throw new CatalogError(sortProblems(parsed.problems));
  const { data, locate, sourceText } = parsed.parsed;

  const problems: CatalogProblem[] = [];
  const add = (rule: string, path: KeyPath, message: string, atKey = false) => {
    const { line, column } = locate(path, atKey);
    problems.push({ file, line, column, keyPath: formatKeyPath(path), message, rule });
  };

  // Rules read the catalog as written (and problems point into it); resolve reads `withDefaults`.
  const { issues, withDefaults } = checkCatalogSchema(data, sourceText);
  const brokenSections = new Set<string>();
  for (const issue of issues) {
    add('schema', issue.path, issue.message, issue.atKey);
    brokenSections.add(issue.section);
  }
  const isMapping = typeof data === 'object' && data !== null && !Array.isArray(data);
  if (!isMapping) {
    throw new CatalogError(sortProblems(problems));
  }
  const catalog = data as RouteCatalog;
  const warnings: CatalogProblem[] = [];
  runSemanticRules(catalog, brokenSections, add, (rule, path, message) => {
    const { line, column } = locate(path, false);
    warnings.push({ file, line, column, keyPath: formatKeyPath(path), message, rule });
  });

  if (problems.length > 0) throw new CatalogError(sortProblems(problems));
  const customPlugins = readCustomPlugins(catalog, options.baseDir, (path, message) =>
    add('custom-plugin-code', path, message),
  );
  if (problems.length > 0) throw new CatalogError(sortProblems(problems));

  return resolveCatalog(withDefaults as CatalogWithDefaults, {
    catalogFile: file,
    warnings: sortProblems(warnings),
    customPlugins,
  });
}
