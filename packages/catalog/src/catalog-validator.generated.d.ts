import type { ValidateFunction } from 'ajv';

/**
 * The catalog JSON Schema compiled ahead of time by ajv standalone (see catalog-validator-source.ts).
 * Every function writes the schema's defaults into the data it is given.
 */
declare const validate: ValidateFunction;
export default validate;
/** The schema of the top-level `aws`, for an environment's merged AWS settings. */
export declare const applyAwsDefaults: ValidateFunction;
/** The schema of `kong.dataPlane`, for an environment's merged data plane settings. */
export declare const applyDataPlaneDefaults: ValidateFunction;
