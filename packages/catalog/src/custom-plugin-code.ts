import luaparse from 'luaparse';

/** One finding in a custom plugin's Lua: what is wrong and on which line (0: the whole file). */
export interface LuaFinding {
  readonly line: number;
  readonly message: string;
}

interface LuaNode {
  readonly type: string;
  readonly loc?: { readonly start: { readonly line: number } };
  readonly [key: string]: unknown;
}

const isNode = (value: unknown): value is LuaNode =>
  typeof value === 'object' && value !== null && typeof (value as LuaNode).type === 'string';

/** Every AST node, depth first in source order. */
function* nodesOf(node: LuaNode): Generator<LuaNode> {
  yield node;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'loc' || key === 'range') continue;
    for (const child of Array.isArray(value) ? value : [value]) {
      if (isNode(child)) yield* nodesOf(child);
    }
  }
}

/** The field a node names: `a.name`, `a:name`, `a["name"]` or `{ name = ... }`. */
function fieldName(node: LuaNode): string | undefined {
  const named = (value: unknown) =>
    isNode(value) ? (value.name as string | undefined) : undefined;
  if (node.type === 'MemberExpression') return named(node.identifier);
  if (node.type === 'TableKeyString') return named(node.key);
  if (node.type === 'IndexExpression' && isNode(node.index) && node.index.type === 'StringLiteral')
    return node.index.value as string;
  return undefined;
}

const baseIsNgx = (node: LuaNode): boolean =>
  isNode(node.base) && node.base.type === 'Identifier' && node.base.name === 'ngx';

/**
 * Checks a streamed plugin's Lua source against the limits of custom plugin streaming: it must
 * parse as OpenResty's LuaJIT, define no `init_worker` phase and start no `ngx.timer` (streamed
 * plugins run only in the request phases the control plane can reload). Text matching would miss
 * `ngx["timer"]` and flag comments, so this walks the syntax tree.
 */
export function luaFindings(source: string): LuaFinding[] {
  let chunk: LuaNode;
  try {
    chunk = luaparse.parse(source, {
      luaVersion: 'LuaJIT',
      locations: true,
      encodingMode: 'pseudo-latin1',
    }) as unknown as LuaNode;
  } catch (error) {
    const { line, message } = error as { line?: number; message: string };
    return [{ line: line ?? 0, message: `is not Lua: ${message}` }];
  }
  const findings: LuaFinding[] = [];
  for (const node of nodesOf(chunk)) {
    const line = node.loc?.start.line ?? 0;
    const name = fieldName(node);
    if (name === 'init_worker') {
      findings.push({
        line,
        message:
          'must not define an init_worker phase, but it does (streamed plugins run only in request phases)',
      });
    } else if (name === 'timer' && node.type !== 'TableKeyString' && baseIsNgx(node)) {
      findings.push({
        line,
        message:
          'must not use ngx.timer, but it does (streamed plugins cannot start background timers)',
      });
    }
  }
  return findings;
}
