import { CelScalar, celEnv, isCelError, parse, plan } from '@bufbuild/cel';
import { kubernetesCelFunctions } from './k8s-cel-library.js';
import type { ValidationRule } from './structural-schema.js';

/** Evaluates a compiled expression with `self` bound; a CEL error is returned as an Error. */
type Program = (self: unknown) => unknown;

/** A rule ready to run, or why it is not run. */
export type CompiledRule =
  | { readonly kind: 'ready'; readonly run: Program; readonly message?: Program }
  /** Uses oldSelf: the API server runs it only on update, never on create. */
  | { readonly kind: 'transition' }
  | { readonly kind: 'unsupported'; readonly reason: string };

const env = celEnv({
  variables: { self: CelScalar.DYN },
  funcs: [...kubernetesCelFunctions],
});

/** Calls the parser emits for operators the planner evaluates itself (logic-manager). */
const builtins = new Set(['_&&_', '_||_', '_?_:_', '_[_]', '@not_strictly_false']);

interface AstNames {
  readonly calls: Set<string>;
  readonly idents: Set<string>;
}

/** Function names and identifiers anywhere in a parsed expression (protobuf Expr messages). */
function names(node: unknown, out: AstNames = { calls: new Set(), idents: new Set() }): AstNames {
  if (Array.isArray(node)) {
    for (const n of node) names(n, out);
    return out;
  }
  if (typeof node !== 'object' || node === null) return out;
  const kind = (
    node as { exprKind?: { case?: string; value?: { function?: string; name?: string } } }
  ).exprKind;
  if (kind?.case === 'callExpr' && kind.value?.function) out.calls.add(kind.value.function);
  if (kind?.case === 'identExpr' && kind.value?.name) out.idents.add(kind.value.name);
  for (const value of Object.values(node)) if (typeof value === 'object') names(value, out);
  return out;
}

type Parsed = ReturnType<typeof parse>;

function parsed(source: string): Parsed | string {
  try {
    return parse(source);
  } catch (error) {
    return `does not parse: ${(error as Error).message}`;
  }
}

function program(expr: Parsed): Program | string {
  const missing = [...names(expr.expr).calls].filter(
    (f) => !builtins.has(f) && env.funcs.find(f) === undefined,
  );
  if (missing.length > 0)
    return `calls ${missing.sort().join(', ')}, which the engine does not provide`;
  const evaluate = plan(env, expr);
  return (self) => {
    try {
      const result = evaluate({ self: self as never });
      return isCelError(result) ? new Error(result.message) : result;
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  };
}

const cache = new WeakMap<ValidationRule, CompiledRule>();

/** Compiles a rule once per run (rules are keyed by their object in the loaded CRD). */
export function compileRule(rule: ValidationRule): CompiledRule {
  const cached = cache.get(rule);
  if (cached) return cached;
  const compiled = compile(rule);
  cache.set(rule, compiled);
  return compiled;
}

function compile(rule: ValidationRule): CompiledRule {
  const expr = parsed(rule.rule);
  if (typeof expr === 'string') return { kind: 'unsupported', reason: expr };
  if (names(expr.expr).idents.has('oldSelf')) {
    // apiextensions-apiserver runs transition rules only when there is an old object (update);
    // with optionalOldSelf they also run on create, with oldSelf an empty optional.
    return rule.optionalOldSelf === true
      ? {
          kind: 'unsupported',
          reason: 'uses optionalOldSelf, whose optional oldSelf is not modelled',
        }
      : { kind: 'transition' };
  }
  const run = program(expr);
  if (typeof run === 'string') return { kind: 'unsupported', reason: run };
  const messageExpr = rule.messageExpression ? parsed(rule.messageExpression) : undefined;
  const message = typeof messageExpr === 'object' ? program(messageExpr) : undefined;
  return typeof message === 'function' ? { kind: 'ready', run, message } : { kind: 'ready', run };
}
