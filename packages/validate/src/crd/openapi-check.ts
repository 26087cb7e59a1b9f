import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { fromPointer } from './field-path.js';
import type { StructuralSchema } from './structural-schema.js';

// CRD schemas are OpenAPI v3 subsets with x-kubernetes-* keywords: ajv ignores unknown keywords
// (strict off) and knows `nullable`. Formats are not checked: the API server checks only a
// fixed list (apiextensions-apiserver pkg/apiserver/validation/formats.go) and JS has no
// faithful copy of Go's strfmt; recorded as a gap in the README. Unoptimised code generation
// compiles the large Gateway API schemas about three times faster, and each runs only a few times.
const ajv = new Ajv({
  code: { optimize: false },
  strict: false,
  allErrors: true,
  verbose: true,
  validateFormats: false,
  validateSchema: false,
});

const compiled = new WeakMap<StructuralSchema, ValidateFunction>();

function validator(schema: StructuralSchema): ValidateFunction {
  let v = compiled.get(schema);
  if (!v) {
    v = ajv.compile(schema as object);
    compiled.set(schema, v);
  }
  return v;
}

/** A value as field.Invalid prints it: scalars as JSON, objects and arrays by type. */
function shown(value: unknown): string {
  if (Array.isArray(value)) return '"array"';
  return typeof value === 'object' && value !== null ? '"object"' : JSON.stringify(value);
}

type Params = Readonly<Record<string, unknown>>;

/**
 * kube-openapi's wording per keyword, as the API server returns it for a CRD (validate/errors.go
 * through apiextensions-apiserver's ConvertToFieldErrors): `<path>: Invalid value: <value>:
 * <path> in body should be ...`. Keywords not listed keep ajv's message.
 */
const wording: Readonly<Record<string, (p: string, v: unknown, params: Params) => string>> = {
  required: (p, _v, params) =>
    `${p === '' ? '' : `${p}.`}${String(params.missingProperty)}: Required value`,
  enum: (p, v, params) =>
    `${p}: Unsupported value: ${shown(v)}: supported values: ${((params.allowedValues as unknown[]) ?? []).map((a) => JSON.stringify(a)).join(', ')}`,
  type: (p, v, params) =>
    `${p}: Invalid value: ${shown(v)}: ${p} in body must be of type ${String(params.type)}: ${JSON.stringify(Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v)}`,
  minimum: (p, v, params) =>
    `${p}: Invalid value: ${shown(v)}: ${p} in body should be greater than or equal to ${String(params.limit)}`,
  maximum: (p, v, params) =>
    `${p}: Invalid value: ${shown(v)}: ${p} in body should be less than or equal to ${String(params.limit)}`,
  minLength: (p, v, params) =>
    `${p}: Invalid value: ${shown(v)}: ${p} in body should be at least ${String(params.limit)} chars long`,
  maxLength: (p, _v, params) =>
    `${p}: Too long: may not be more than ${String(params.limit)} bytes`,
  pattern: (p, v, params) =>
    `${p}: Invalid value: ${shown(v)}: ${p} in body should match '${String(params.pattern)}'`,
  minItems: (p, v, params) =>
    `${p}: Invalid value: ${Array.isArray(v) ? v.length : 0}: ${p} in body should have at least ${String(params.limit)} items`,
  maxItems: (p, v, params) =>
    `${p}: Too many: ${Array.isArray(v) ? v.length : 0}: must have at most ${String(params.limit)} items`,
  maxProperties: (p, v, params) =>
    `${p}: Too many: ${typeof v === 'object' && v !== null ? Object.keys(v).length : 0}: must have at most ${String(params.limit)} items`,
};

function describe(e: ErrorObject, path: string): string {
  const word = wording[e.keyword];
  if (word)
    return word(path === '' ? '<root>' : path, e.data, e.params as Params).replace(/^<root>\./, '');
  return `${path === '' ? '<root>' : path}: Invalid value: ${shown(e.data)}: ${e.message ?? 'is invalid'}`;
}

/**
 * Keywords whose failure the API server treats as blocking: it then skips the CEL rules
 * (NotSupported, Required, TooLong, TooMany, TypeInvalid in apiextensions-apiserver
 * pkg/registry/customresource/strategy.go hasBlockingErr).
 */
const blockingKeywords = new Set([
  'enum',
  'required',
  'maxLength',
  'maxItems',
  'maxProperties',
  'type',
]);

export interface OpenApiErrors {
  readonly messages: readonly string[];
  /** True when CEL rules must not run (see blockingKeywords). */
  readonly blocking: boolean;
}

/** The OpenAPI errors of an object against its CRD version's schema, as API server messages. */
export function openApiErrors(schema: StructuralSchema, value: unknown): OpenApiErrors {
  const validate = validator(schema);
  if (validate(value)) return { messages: [], blocking: false };
  // anyOf/oneOf repeat their branches' errors; the branch errors alone are clearer.
  const errors = (validate.errors ?? []).filter(
    (e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf' && e.keyword !== 'if',
  );
  return {
    messages: errors.map((e) => describe(e, fromPointer(e.instancePath))),
    blocking: errors.some((e) => blockingKeywords.has(e.keyword)),
  };
}
