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

function describe(e: ErrorObject, path: string): string {
  const at = path === '' ? '<root>' : path;
  if (e.keyword === 'required') {
    const field = (e.params as { missingProperty?: string }).missingProperty ?? '?';
    return `${path === '' ? field : `${path}.${field}`}: Required value`;
  }
  if (e.keyword === 'enum') {
    const allowed = (e.params as { allowedValues?: unknown[] }).allowedValues ?? [];
    return `${at}: Unsupported value: ${JSON.stringify(e.data)}: supported values: ${allowed.map((a) => JSON.stringify(a)).join(', ')}`;
  }
  return `${at}: Invalid value: ${JSON.stringify(e.data)}: ${e.message ?? 'is invalid'}`;
}

/** The OpenAPI errors of an object against its CRD version's schema, as API server messages. */
export function openApiErrors(schema: StructuralSchema, value: unknown): string[] {
  const validate = validator(schema);
  if (validate(value)) return [];
  // anyOf/oneOf repeat their branches' errors; the branch errors alone are clearer.
  return (validate.errors ?? [])
    .filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf' && e.keyword !== 'if')
    .map((e) => describe(e, fromPointer(e.instancePath)));
}
