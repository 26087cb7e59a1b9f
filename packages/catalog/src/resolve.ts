import type { Model } from '@routeplane/model';
import type { CatalogWithDefaults } from './catalog-with-defaults.generated.js';
import type { CustomPluginSource } from './custom-plugin-files.js';
import type { CatalogProblem } from './problems.js';
import { resolveEnvironment } from './resolve-environment.js';
import { byName } from './resolve-order.js';

/** Facts read from files the catalog points at (the only I/O resolve depends on, done by load). */
export interface ResolveInputs {
  readonly catalogFile: string;
  /** Loader warnings carried to the CLI. @default [] */
  readonly warnings?: readonly CatalogProblem[];
  /** Lua of every `kong.customPlugins` entry by name, read and checked by the loader. @default none */
  readonly customPlugins?: ReadonlyMap<string, CustomPluginSource>;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

/**
 * Turns a schema- and rule-clean catalog, with the schema defaults already applied by the loader,
 * into the frozen Model renderers read.
 */
export function resolveCatalog(catalog: CatalogWithDefaults, inputs: ResolveInputs): Model {
  const environments = [...catalog.environments]
    .sort(byName)
    .map((env) => resolveEnvironment(catalog, env, inputs.customPlugins ?? new Map()));
  return deepFreeze({
    catalogFile: inputs.catalogFile,
    environments,
    warnings: [...(inputs.warnings ?? [])],
  });
}
