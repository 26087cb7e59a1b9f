import type { ValidateFunction } from 'ajv';
import type { RouteCatalog } from './catalog.generated.js';
import { applyAwsDefaults, applyDataPlaneDefaults } from './catalog-validator.generated.js';
import type { CatalogWithDefaults, KongDataPlane } from './catalog-with-defaults.generated.js';

/**
 * A copy of `section` with the schema's defaults written in by ajv (`useDefaults`). The verdict is
 * not read: the loader validated the whole catalog, and an environment's merged section combines
 * values that each passed the same schema.
 */
function applied<T>(validate: ValidateFunction, section: unknown): T {
  const copy = structuredClone(section);
  validate(copy);
  return copy as T;
}

/**
 * An environment's merged AWS settings with the schema defaults. Overrides carry no defaults of
 * their own (they inherit), so the defaults apply after the merge, never over a top-level value.
 */
export function awsWithDefaults(aws: RouteCatalog['aws']): CatalogWithDefaults['aws'] {
  return applied(applyAwsDefaults, aws);
}

/**
 * A merged `kong.dataPlane.ecsFargate` with the schema defaults, for rules that read its values (they
 * check which keys were written on the raw object, since a `{}` default would always be present).
 */
export function ecsFargateWithDefaults(
  ecsFargate: NonNullable<RouteCatalog['kong']['dataPlane']>['ecsFargate'],
): NonNullable<KongDataPlane['ecsFargate']> {
  type Applied = { readonly ecsFargate: NonNullable<KongDataPlane['ecsFargate']> };
  return applied<Applied>(applyDataPlaneDefaults, { ecsFargate: ecsFargate ?? {} }).ecsFargate;
}

/** An environment's merged `kong.dataPlane` with the schema defaults (an override may add `ecsFargate`). */
export function dataPlaneWithDefaults(
  dataPlane: NonNullable<RouteCatalog['kong']['dataPlane']>,
): KongDataPlane {
  return applied(applyDataPlaneDefaults, dataPlane);
}
