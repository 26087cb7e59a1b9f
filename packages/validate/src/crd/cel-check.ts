import { compileRule } from './cel-rules.js';
import { toCel } from './cel-value.js';
import { withFieldPath } from './field-path.js';
import { forEachNode } from './schema-walk.js';
import type { StructuralSchema, ValidationRule } from './structural-schema.js';

/** One CEL outcome worth a finding: a violated rule, or a rule the engine cannot evaluate. */
export interface CelIssue {
  readonly kind: 'violated' | 'unevaluated';
  readonly path: string;
  readonly message: string;
}

/** How apiextensions-apiserver prints each `reason` (validation.go fieldErrorForReason). */
const reasonText: Readonly<Record<string, string>> = {
  FieldValueInvalid: 'Invalid value',
  FieldValueForbidden: 'Forbidden',
  FieldValueRequired: 'Required value',
  FieldValueDuplicate: 'Duplicate value',
};

export function shortRule(rule: string): string {
  const flat = rule.replace(/\s+/g, ' ').trim();
  return flat.length > 160 ? `${flat.slice(0, 157)}...` : flat;
}

/** The evaluated `messageExpression`, else `message`, else `failed rule: <rule>` (validation.go). */
function detail(
  rule: ValidationRule,
  message: ((self: unknown) => unknown) | undefined,
  self: unknown,
): string {
  if (message) {
    const text = message(self);
    // A messageExpression that fails or yields no single-line string falls back to message.
    const trimmed = typeof text === 'string' ? text.trim() : '';
    if (trimmed !== '' && !trimmed.includes('\n')) return trimmed;
  }
  return rule.message?.trim() ?? `failed rule: ${rule.rule.trim()}`;
}

/** validation.go ruleErrorString: the message, else the rule. */
function ruleErrorString(rule: ValidationRule): string {
  return (rule.message ?? rule.rule).trim();
}

/** bufbuild/cel's wording of CEL runtime errors in cel-go's, which the API server prints. */
function celGoError(error: Error): string {
  return error.message.replace(/^field not found: /, 'no such key: ');
}

function outcome(
  schema: StructuralSchema,
  rule: ValidationRule,
  value: unknown,
  path: string,
): CelIssue | undefined {
  const compiled = compileRule(rule);
  if (compiled.kind === 'transition') return undefined;
  const where = path === '' ? '<root>' : path;
  const suffix = (reason: string) => `(${reason}; rule: ${shortRule(rule.rule)})`;
  if (compiled.kind === 'unsupported') {
    return {
      kind: 'unevaluated',
      path,
      message: `${where}: rule not evaluated: it ${compiled.reason} ${suffix('unevaluated')}`,
    };
  }
  const self = toCel(schema, value);
  const result = compiled.run(self);
  if (result === true) return undefined;
  const type = JSON.stringify(schema.type ?? '');
  if (result instanceof Error || typeof result !== 'boolean') {
    const why =
      result instanceof Error ? celGoError(result) : `no such overload: ${String(result)}`;
    return {
      kind: 'violated',
      path,
      message: `${where}: Invalid value: ${type}: ${why} evaluating rule: ${ruleErrorString(rule)} ${suffix('error')}`,
    };
  }
  const reason = rule.reason ?? 'FieldValueInvalid';
  const at = withFieldPath(path, rule.fieldPath) || '<root>';
  const text = detail(rule, compiled.message, self);
  const shown =
    reason === 'FieldValueForbidden' || reason === 'FieldValueRequired' ? text : `${type}: ${text}`;
  return {
    kind: 'violated',
    path: at,
    message: `${at}: ${reasonText[reason] ?? reasonText.FieldValueInvalid}: ${shown} ${suffix(reason)}`,
  };
}

/**
 * Every `x-kubernetes-validations` rule whose node is present in the object, evaluated with
 * `self` bound to that node as apiextensions-apiserver pkg/apiserver/schema/cel/validation.go
 * does on create (Kubernetes 1.34): transition rules (oldSelf) do not run, absent nodes are not
 * validated, a false result or an evaluation error rejects the object.
 */
export function celIssues(schema: StructuralSchema, value: unknown): CelIssue[] {
  const out: CelIssue[] = [];
  forEachNode(schema, value, (s, v, path) => {
    if (v === null || v === undefined) return;
    for (const rule of s['x-kubernetes-validations'] ?? []) {
      const issue = outcome(s, rule, v, path);
      if (issue) out.push(issue);
    }
  });
  return out;
}
