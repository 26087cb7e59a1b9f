import { deckVariablePattern } from '@routeplane/model';
import type { ErrorObject } from 'ajv';
// Compiled ahead of time (ajv standalone): compiling the schema took most of the loader's start-up.
import validateCatalog from './catalog-validator.generated.js';
import { didYouMean } from './did-you-mean.js';
import { type KeyPath, keyPathFromPointer } from './key-path.js';
import { looksLikeSecret } from './secrets.js';

/** A schema violation before it is placed in the file. */
export interface SchemaIssue {
  readonly path: KeyPath;
  /** Point at the key (unknown key) rather than its value. */
  readonly atKey: boolean;
  readonly message: string;
  /** Top-level catalog section the problem is in (`gateway`, `routes`, ...); '' for the root. */
  readonly section: string;
}

/**
 * Runs the catalog JSON Schema (all errors), turns each error into a user-facing message, and
 * returns a copy of `data` with every schema default written in. ajv applies the defaults while it
 * validates (`useDefaults`) rather than a walker of our own: it already follows every `$ref`, list
 * item and nested object the schema describes (a `{}` default fills its object's defaults too), so
 * no second reading of the schema can drift from the validator. `data` itself stays as written,
 * matching the YAML document the problem locations come from, and the rules read it.
 */
export function checkCatalogSchema(
  data: unknown,
  sourceText: (path: KeyPath) => string | undefined,
): { readonly issues: SchemaIssue[]; readonly withDefaults: unknown } {
  const withDefaults = structuredClone(data);
  if (validateCatalog(withDefaults)) return { issues: [], withDefaults };
  const errors = (validateCatalog.errors ?? []).filter(isReportable);
  const issues = errors.map((error) => {
    const issue = toIssue(error, sourceText);
    const params = error.params as { missingProperty?: string };
    const section =
      error.keyword === 'required' && error.instancePath === ''
        ? String(params.missingProperty)
        : String(issue.path[0] ?? '');
    return { ...issue, section };
  });
  return { issues, withDefaults };
}

/** `if`/`anyOf` wrappers repeat what their branches already said. */
function isReportable(error: ErrorObject): boolean {
  return error.keyword !== 'if' && error.keyword !== 'anyOf' && error.keyword !== 'oneOf';
}

function given(value: unknown, source: string | undefined, fieldName: string): string {
  if (typeof value === 'string' && looksLikeSecret(value)) {
    return 'a value that looks like a secret (not repeated here)';
  }
  if (fieldName.endsWith('Env') && typeof value === 'string' && value.length > 24) {
    return 'a long value (not repeated here)';
  }
  // An empty value (`gateway:` with nothing after it) has no source text to quote.
  if (value === null) return source ? source : 'an empty value (null)';
  if (source !== undefined && typeof value !== 'string') return source;
  return JSON.stringify(value) ?? String(value);
}

function toIssue(
  error: ErrorObject,
  sourceText: (path: KeyPath) => string | undefined,
): Omit<SchemaIssue, 'section'> {
  const path = keyPathFromPointer(error.instancePath);
  const field = String(path[path.length - 1] ?? '');
  const value = error.data;
  const was = () => given(value, sourceText(path), field);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = Object.keys(
        (error.parentSchema?.properties as Record<string, unknown> | undefined) ?? {},
      );
      const hint = didYouMean(key, allowed, 'allowed keys');
      return { path: [...path, key], atKey: true, message: `unknown key "${key}"${hint}` };
    }
    case 'required':
      return {
        path,
        atKey: true,
        message: `missing required key "${String(params.missingProperty)}"`,
      };
    case 'type':
      return {
        path,
        atKey: false,
        message: `must be ${article(String(params.type))}, but ${was()} was given${yaml11Hint(sourceText(path))}${quoteHint(String(params.type), value, sourceText(path))}`,
      };
    case 'enum':
      return {
        path,
        atKey: false,
        message: `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}, but ${was()} was given`,
      };
    case 'const':
      return {
        path,
        atKey: false,
        message: `must be ${JSON.stringify(params.allowedValue)}, but ${was()} was given`,
      };
    case 'pattern':
      return { path, atKey: false, message: `${describePattern(error)}, but ${was()} was given` };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { path, atKey: false, message: `${rangeText(error)}, but ${was()} was given` };
    case 'minItems':
      return {
        path,
        atKey: false,
        message: `must have at least ${String(params.limit)} item(s), but ${(value as unknown[]).length} were given`,
      };
    case 'maxItems':
      return {
        path,
        atKey: false,
        message: `must have at most ${String(params.limit)} item(s), but ${(value as unknown[]).length} were given`,
      };
    case 'uniqueItems':
      return {
        path: [...path, Number(params.i)],
        atKey: false,
        message: `duplicates item ${String(params.j)} of the list`,
      };
    case 'minLength':
      return {
        path,
        atKey: false,
        message:
          Number(params.limit) <= 1
            ? 'must not be empty'
            : `must be at least ${String(params.limit)} characters long, but ${typeof value === 'string' ? value.length : 0} were given`,
      };
    case 'maxLength':
      return {
        path,
        atKey: false,
        message: `must be at most ${String(params.limit)} characters long, but ${String((value as string).length)} were given`,
      };
    case 'minProperties':
      return {
        path,
        atKey: true,
        message: `must set at least ${String(params.limit)} key(s), but none was given`,
      };
    default:
      return { path, atKey: false, message: `${error.message ?? 'is invalid'}` };
  }
}

function article(type: string): string {
  const kind =
    type === 'integer'
      ? 'a whole number'
      : type === 'object'
        ? 'a mapping'
        : type === 'array'
          ? 'a list'
          : `a ${type}`;
  return kind;
}

/** YAML 1.1 readers turn these into booleans or octals; say so when the user probably meant that. */
function yaml11Hint(source: string | undefined): string {
  if (source === undefined) return '';
  if (/^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/.test(source)) {
    return ' (YAML 1.2 reads it as text: write true or false for a boolean, or quote it for text)';
  }
  if (/^0[0-7]+$/.test(source)) {
    return ' (YAML 1.2 reads a leading zero as decimal, not octal: quote it if it is text)';
  }
  return '';
}

/** `kubernetes: 1.30` is the number 1.3 to YAML: a string field needs the digits quoted. */
function quoteHint(expected: string, value: unknown, source: string | undefined): string {
  if (expected !== 'string' || (typeof value !== 'number' && typeof value !== 'boolean')) return '';
  const text = source ?? String(value);
  return ` (YAML reads ${text} as a ${typeof value}: quote it, "${text}", to keep it text)`;
}

const patternDescriptions: Readonly<Record<string, string>> = {
  '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$':
    'must be a DNS-1123 label (lowercase letters, digits and "-", starting and ending with a letter or digit)',
  [deckVariablePattern.source]:
    'must name a DECK_* environment variable (e.g. DECK_DEMO_USER_JWT_SECRET) that holds the value at sync time, never the value itself',
  '^(?!HEAD$)[^\\s]+$': 'must be a pinned branch or tag name (not HEAD, no spaces)',
};

function describePattern(error: ErrorObject): string {
  const pattern = String((error.params as { pattern: string }).pattern);
  const known = patternDescriptions[pattern];
  if (known) return known;
  const description = (error.parentSchema as { description?: string } | undefined)?.description;
  return description
    ? `must match ${description} (pattern ${pattern})`
    : `must match the pattern ${pattern}`;
}

function rangeText(error: ErrorObject): string {
  const schema = error.parentSchema as { minimum?: number; maximum?: number } | undefined;
  if (schema?.minimum !== undefined && schema.maximum !== undefined) {
    return `must be ${schema.minimum}-${schema.maximum}`;
  }
  const { comparison, limit } = error.params as { comparison: string; limit: number };
  return `must be ${comparison} ${limit}`;
}
