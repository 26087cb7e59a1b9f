import type { CelInput } from '@bufbuild/cel';
import { isObject } from '../json.js';
import { type StructuralSchema, valueSchema } from './structural-schema.js';

/** CEL's reserved words: a property with such a name is `__name__` in a rule (escaping.go). */
const reserved = new Set([
  'true',
  'false',
  'null',
  'in',
  'as',
  'break',
  'const',
  'continue',
  'else',
  'for',
  'function',
  'if',
  'import',
  'let',
  'loop',
  'package',
  'namespace',
  'return',
  'var',
  'void',
  'while',
]);

/**
 * A property name as a rule spells it (k8s.io/apiserver/pkg/cel/escaping.go): reserved words as
 * `__word__`, `__` `.` `-` `/` as `__underscores__` `__dot__` `__dash__` `__slash__`; a name that
 * cannot be escaped is not visible to rules (undefined).
 */
export function escapedProperty(name: string): string | undefined {
  if (reserved.has(name)) return `__${name}__`;
  if (!/^[a-zA-Z_.\-/][a-zA-Z0-9_.\-/]*$/.test(name)) return undefined;
  return name
    .replaceAll('__', '__underscores__')
    .replaceAll('.', '__dot__')
    .replaceAll('-', '__dash__')
    .replaceAll('/', '__slash__');
}

function number(schema: StructuralSchema | undefined, n: number): CelInput {
  // `type: number` is a CEL double even when written as 1; integers (and int-or-string or
  // schemaless integers) are CEL int.
  if (schema?.type === 'number') return n;
  return Number.isInteger(n) ? BigInt(n) : n;
}

/**
 * A JSON value as the API server hands it to CEL (k8s.io/apiserver/pkg/cel/common/values.go):
 * objects with declared properties are CEL objects whose fields use escaped names, maps keep
 * their keys, integers are int (bigint), `number` is double. Strings stay strings: Kubernetes
 * would hand `format: date-time`/`duration`/`byte` fields to CEL as timestamp/duration/bytes, but
 * no rule of the pinned CRDs sits over such a field except cert-manager's venafi rule, which only
 * tests presence (crd-families.test.ts holds that).
 */
export function toCel(schema: StructuralSchema | undefined, value: unknown): CelInput {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return number(schema, value);
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map((v) => toCel(schema?.items, v));
  if (!isObject(value)) return null;
  const typed = schema?.properties !== undefined;
  const out = new Map<string, CelInput>();
  for (const [key, v] of Object.entries(value)) {
    const declared = schema?.properties?.[key];
    const child = declared ?? (schema ? valueSchema(schema) : undefined);
    const name = typed ? escapedProperty(key) : key;
    if (name !== undefined) out.set(name, toCel(child, v));
  }
  return out;
}
