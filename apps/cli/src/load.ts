import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { formatProblem, loadModel } from '@routeplane/catalog';
import type { Model } from '@routeplane/model';
import type { CommandIo } from './io.js';
import { UsageError } from './user-error.js';

export interface CatalogOptions {
  readonly catalog: string;
  readonly root?: string;
}

export interface LoadedCatalog {
  readonly model: Model;
  readonly repoRoot: string;
  /** Absolute path of the catalog file. */
  readonly catalogPath: string;
  /** How messages name the catalog: relative to the root when inside it. */
  readonly displayName: string;
}

/** Resolves the repository root and loads the catalog, named in messages relative to the root. */
export function loadFromOptions(options: CatalogOptions, io: CommandIo): LoadedCatalog {
  const repoRoot = resolve(io.cwd, options.root ?? '.');
  const catalogPath = resolve(io.cwd, options.catalog);
  // A wrong path is a mistake on the command line, not in the catalog.
  if (!existsSync(catalogPath))
    throw new UsageError(
      `--catalog ${options.catalog}: file not found (looked in ${io.cwd}); pass --catalog <file> or run from the repository root`,
    );
  const shown = relative(repoRoot, catalogPath);
  const displayName = (
    shown === '' || shown.startsWith('..') || isAbsolute(shown) ? options.catalog : shown
  )
    .split('\\')
    .join('/');
  const model = loadModel(catalogPath, displayName);
  // Warnings never fail a command: stderr, so stdout (deck-env, routes --json) stays parseable.
  for (const warning of model.warnings) io.err(`warning: ${formatProblem(warning)}`);
  return { model, repoRoot, catalogPath, displayName };
}
