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

/** Evaluates `script` with `obj` bound to `object`; fails when the script returns no status. */
export async function runHealthLua(
  engine: LuaEngine,
  script: string,
  object: unknown,
): Promise<HealthResult> {
  await engine.doString(`obj = ${luaLiteral(object)}`);
  const result = (await engine.doString(script)) as Partial<HealthResult> | undefined;
  if (typeof result?.status !== 'string') {
    throw new Error(`health script returned no status for ${JSON.stringify(object)}`);
  }
  return { status: result.status, message: result.message ?? '' };
}
