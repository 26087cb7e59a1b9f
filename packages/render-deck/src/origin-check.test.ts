import { fixtureEnvironment } from '@routeplane/catalog/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LuaFactory } from 'wasmoon';
import { originCheckPlugin } from './origin-check.js';

type LuaEngine = Awaited<ReturnType<LuaFactory['createEngine']>>;

/**
 * Runs the rendered pre-function in a real Lua VM the way Kong does: decK has substituted the
 * DECK_ values, the chunk returns the access-phase function, which calls the PDK. The PDK is a
 * recording stub of the three calls the function makes (kong.request.get_header,
 * kong.response.exit, kong.service.request.clear_header; Kong PDK docs at 3.12).
 */
let lua: LuaEngine;
beforeAll(async () => {
  lua = await new LuaFactory().createEngine();
});
afterAll(() => lua.global.close());

function substitute(chunk: string, values: Readonly<Record<string, string>>): string {
  return chunk.replace(/\$\{\{ env "(DECK_[A-Z0-9_]+)" \}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`decK would fail: ${name} is unset`);
    return value;
  });
}

async function request(
  chunk: string,
  header: string | undefined,
): Promise<{ status: number | undefined; cleared: string | undefined }> {
  await lua.doString(`
    outcome = { status = nil, cleared = nil }
    kong = {
      request = { get_header = function(name) return request_header end },
      response = { exit = function(status, body) outcome.status = status; return status end },
      service = { request = { clear_header = function(name) outcome.cleared = name end } },
    }
  `);
  lua.global.set('request_header', header);
  lua.global.set('chunk_source', chunk);
  await lua.doString('local handler = assert(load(chunk_source))()\nhandler()');
  const outcome = lua.global.get('outcome') as { status?: number; cleared?: string };
  return { status: outcome.status, cleared: outcome.cleared };
}

function accessChunk(next: boolean): string {
  const env = fixtureEnvironment((c) => {
    if (c.kong.cloudfrontOriginHeader && next) {
      c.kong.cloudfrontOriginHeader.nextValueEnv = 'DECK_CLOUDFRONT_ORIGIN_SECRET_NEXT';
    }
  });
  const [chunk] = (originCheckPlugin(env, ['routeplane'])?.config?.access as string[]) ?? [];
  if (!chunk) throw new Error('no access chunk');
  return chunk;
}

describe('CloudFront origin check (pre-function in Lua)', () => {
  const rotating = substitute(accessChunk(true), {
    DECK_CLOUDFRONT_ORIGIN_SECRET: 'old-3f9a',
    DECK_CLOUDFRONT_ORIGIN_SECRET_NEXT: 'new-7c21',
  });

  it.each([
    ['the current value', 'old-3f9a', undefined],
    ['the next value', 'new-7c21', undefined],
    ['no header', undefined, 403],
    ['another value', 'guess', 403],
    ['a prefix of the secret', 'old-3f9', 403],
    ['the empty string', '', 403],
  ])('during a rotation answers %s with %s', async (_, header, status) => {
    const outcome = await request(rotating, header);
    expect(outcome.status).toBe(status);
    // the secret never reaches the backend
    if (status === undefined) expect(outcome.cleared).toBe('X-Origin-Verify');
  });

  it('accepts only the one value outside a rotation', async () => {
    const single = substitute(accessChunk(false), { DECK_CLOUDFRONT_ORIGIN_SECRET: 'only-1b2c' });
    expect((await request(single, 'only-1b2c')).status).toBeUndefined();
    expect((await request(single, 'new-7c21')).status).toBe(403);
  });

  it('keeps secrets with quotes and backslashes literal (long brackets)', async () => {
    const tricky = `a"b'c\\d`;
    const chunk = substitute(accessChunk(true), {
      DECK_CLOUDFRONT_ORIGIN_SECRET: tricky,
      DECK_CLOUDFRONT_ORIGIN_SECRET_NEXT: 'n',
    });
    expect((await request(chunk, tricky)).status).toBeUndefined();
  });
});
