import { fileURLToPath } from 'node:url';
import type { EnvironmentModel, Model } from '@routeplane/model';
import { stringify } from 'yaml';
import type { RouteCatalog } from '../catalog.generated.js';
import { loadModelFromBytes } from '../load-model.js';
import { fixtureCatalog } from './fixture-catalog.js';

/** Changes the fixture catalog's data in place before it is resolved. */
export type CatalogEdit = (catalog: RouteCatalog) => void;

const baseDir = fileURLToPath(new URL('.', import.meta.url));
const encoder = new TextEncoder();

/**
 * Resolves catalog data through the real loader (YAML text, schema, cross-field rules, resolve),
 * so a fixture is always a Model the resolver can produce. Throws CatalogError when it cannot.
 */
export function resolveCatalogData(catalog: RouteCatalog): Model {
  // no anchors: the loader refuses aliases, and edits may share objects between entries
  const text = stringify(catalog, { aliasDuplicateObjects: false });
  return loadModelFromBytes(encoder.encode(text), { displayName: 'catalog.yaml', baseDir });
}

let unedited: Model | undefined;

/** The fixture Model (dev and prod), after `edit` changed the catalog data. */
export function fixtureModel(edit?: CatalogEdit): Model {
  // Models are deep-frozen, so the unedited one can be shared between callers.
  if (edit === undefined) {
    unedited ??= resolveCatalogData(fixtureCatalog());
    return unedited;
  }
  const catalog = fixtureCatalog();
  edit(catalog);
  return resolveCatalogData(catalog);
}

/** One environment of the fixture Model: `dev` (the first) unless named. */
export function fixtureEnvironment(edit?: CatalogEdit, name = 'dev'): EnvironmentModel {
  const model = fixtureModel(edit);
  const env = model.environments.find((e) => e.name === name);
  if (env === undefined) throw new Error(`the fixture Model has no environment "${name}"`);
  return env;
}
