import type { ValidateFunction } from 'ajv';

/** The catalog JSON Schema compiled ahead of time by ajv standalone (see catalog-validator-source.ts). */
declare const validate: ValidateFunction;
export default validate;
