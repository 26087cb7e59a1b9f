import type { Environment, RouteCatalog } from './catalog.generated.js';
import type { KeyPath } from './key-path.js';

type Plain = Record<string, unknown>;

function isPlainObject(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep-merges an environment's partial settings over the catalog's: objects merge, lists replace. */
export function mergeOverride<T>(base: T, override: unknown): T {
  if (!isPlainObject(base) || !isPlainObject(override)) {
    return (override === undefined ? base : override) as T;
  }
  const out: Plain = { ...base };
  for (const [key, value] of Object.entries(override)) {
    out[key] = mergeOverride(out[key], value);
  }
  return out as T;
}

/** The AWS settings one environment uses. */
export function effectiveAws(catalog: RouteCatalog, env: Environment): RouteCatalog['aws'] {
  return mergeOverride(catalog.aws, env.aws);
}

/**
 * Where a merged AWS value came from: the environment's override when it sets the key, otherwise
 * the catalog's top-level `aws`. Used to point problems at the line the user must change.
 */
export function awsValuePath(
  env: Environment,
  envIndex: number,
  subPath: readonly (string | number)[],
): KeyPath {
  let cursor: unknown = env.aws;
  for (const part of subPath) {
    if (!isPlainObject(cursor) && !Array.isArray(cursor)) return ['aws', ...subPath];
    cursor = (cursor as Plain)[String(part)];
    if (cursor === undefined) return ['aws', ...subPath];
  }
  return ['environments', envIndex, 'aws', ...subPath];
}
