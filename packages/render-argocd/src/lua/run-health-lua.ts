import { LuaFactory } from 'wasmoon';

/**
 * Runs an Argo CD Lua health check in wasmoon (Lua 5.4) the way Argo CD runs it in gopher-lua: `obj`
 * is a global holding the live object as native Lua tables (argo-cd util/lua/lua.go converts the
 * unstructured object, JSON nulls become nil), and the chunk returns `{status, message}`.
 * The object is passed as a Lua table constructor rather than a wasmoon proxy, so `pairs`/`ipairs`
 * and `#` behave as they do in Argo CD.
 */

export interface HealthResult {
  readonly status: string;
  readonly message: string;
}

export type LuaEngine = Awaited<ReturnType<LuaFactory['createEngine']>>;

/** A Lua table constructor for a JSON-like value (arrays become 1-based sequences). */
export function luaLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'nil';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `{${value.map(luaLiteral).join(',')}}`;
  if (typeof value === 'object') {
    const fields = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => `[${JSON.stringify(k)}]=${luaLiteral(v)}`);
    return `{${fields.join(',')}}`;
  }
  throw new Error(`cannot pass a ${typeof value} to Lua`);
}

export function createLuaEngine(): Promise<LuaEngine> {
  return new LuaFactory().createEngine();
}

const compiled = new WeakMap<LuaEngine, Map<string, string>>();

/** The Lua chunks that compile `script` once per engine and evaluate it against `object`. */
function chunks(engine: LuaEngine, script: string, object: unknown) {
  const functions = compiled.get(engine) ?? new Map<string, string>();
  compiled.set(engine, functions);
  const known = functions.get(script);
  const name = known ?? `__health_${functions.size}`;
  functions.set(script, name);
  return {
    compile: known ? undefined : `function ${name}()\n${script}\nend`,
    evaluate: `obj = ${luaLiteral(object)}\nlocal hs = ${name}()\n__status = hs and hs.status\n__message = hs and hs.message\nobj = nil`,
  };
}

function verdict(engine: LuaEngine, object: unknown): HealthResult {
  const status: unknown = engine.global.get('__status');
  const message: unknown = engine.global.get('__message');
  if (typeof status !== 'string') {
    throw new Error(`health script returned no status for ${JSON.stringify(object)}`);
  }
  return { status, message: typeof message === 'string' ? message : '' };
}

/**
 * Evaluates `script` with `obj` bound to `object`; fails when the script returns no status. The
 * script is compiled once per engine as a function, and the verdict comes back as two strings: no
 * Lua table crosses into JavaScript, so thousands of evaluations do not grow wasmoon's heap.
 */
export async function runHealthLua(
  engine: LuaEngine,
  script: string,
  object: unknown,
): Promise<HealthResult> {
  const { compile, evaluate } = chunks(engine, script, object);
  if (compile) await engine.doString(compile);
  await engine.doString(evaluate);
  return verdict(engine, object);
}

/** runHealthLua for callers that cannot wait (the simulator's resource health, judged per pass). */
export function runHealthLuaSync(engine: LuaEngine, script: string, object: unknown): HealthResult {
  const { compile, evaluate } = chunks(engine, script, object);
  if (compile) engine.doStringSync(compile);
  engine.doStringSync(evaluate);
  return verdict(engine, object);
}
