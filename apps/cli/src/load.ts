import { isAbsolute, relative, resolve } from 'node:path';
import { loadModel, type Model } from '@routeplane/catalog';
import type { CommandIo } from './io.js';

export interface CatalogOptions {
  readonly catalog: string;
  readonly root?: string;
}

/** Resolves the repository root and loads the catalog, named in messages relative to the root. */
export function loadFromOptions(
  options: CatalogOptions,
  io: CommandIo,
): { model: Model; repoRoot: string } {
  const repoRoot = resolve(io.cwd, options.root ?? '.');
  const catalogPath = resolve(io.cwd, options.catalog);
  const shown = relative(repoRoot, catalogPath);
  const displayName =
    shown === '' || shown.startsWith('..') || isAbsolute(shown) ? options.catalog : shown;
  return { model: loadModel(catalogPath, displayName.split('\\').join('/')), repoRoot };
}
