import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LuaFactory } from 'wasmoon';
import { applicationHealthLua, argocdCmHealthData } from './application-health.js';
import { applicationHealthKey } from './constants.js';

type LuaEngine = Awaited<ReturnType<LuaFactory['createEngine']>>;

/**
 * Runs the health check the way Argo CD does: `obj` is the child Application, the chunk returns a
 * table with `status` and `message`. wasmoon is Lua 5.4; the script keeps to the 5.1 subset that
 * Argo CD's gopher-lua also runs (no goto, integer division, bit ops or utf8).
 */
let lua: LuaEngine;
beforeAll(async () => {
  lua = await new LuaFactory().createEngine();
});
afterAll(() => lua.global.close());

async function health(application: unknown): Promise<{ status: string; message: string }> {
  lua.global.set('obj', application);
  return (await lua.doString(applicationHealthLua)) as { status: string; message: string };
}

function app(status: Record<string, unknown> | undefined): unknown {
  const base = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: { name: 'a' } };
  return status === undefined ? base : { ...base, status };
}

describe('Application health check', () => {
  it.each([
    ['no status at all', app(undefined), 'Progressing'],
    ['status without health', app({ sync: { status: 'Synced' } }), 'Progressing'],
    [
      'Healthy and Synced',
      app({ health: { status: 'Healthy' }, sync: { status: 'Synced' } }),
      'Healthy',
    ],
    [
      'Healthy but OutOfSync',
      app({ health: { status: 'Healthy' }, sync: { status: 'OutOfSync' } }),
      'Progressing',
    ],
    ['Healthy without sync status', app({ health: { status: 'Healthy' } }), 'Progressing'],
    [
      'Progressing and Synced',
      app({ health: { status: 'Progressing' }, sync: { status: 'Synced' } }),
      'Progressing',
    ],
    [
      'Missing resources',
      app({ health: { status: 'Missing' }, sync: { status: 'OutOfSync' } }),
      'Progressing',
    ],
    [
      'Degraded',
      app({ health: { status: 'Degraded', message: 'pod crash' }, sync: { status: 'Synced' } }),
      'Degraded',
    ],
    [
      'sync operation failed',
      app({
        health: { status: 'Healthy' },
        sync: { status: 'OutOfSync' },
        operationState: { phase: 'Failed', message: 'CRD missing' },
      }),
      'Degraded',
    ],
    [
      'sync operation running',
      app({
        health: { status: 'Healthy' },
        sync: { status: 'OutOfSync' },
        operationState: { phase: 'Running' },
      }),
      'Progressing',
    ],
  ])('%s -> %s', async (_name, application, expected) => {
    const result = await health(application);
    expect(result.status).toBe(expected);
    expect(result.message).toEqual(expect.any(String));
  });

  it('passes the child health message through when Degraded', async () => {
    const result = await health(app({ health: { status: 'Degraded', message: 'pod crash' } }));
    expect(result).toEqual({ status: 'Degraded', message: 'pod crash' });
  });

  it('names the failed phase and the operation message', async () => {
    const result = await health(
      app({ health: { status: 'Healthy' }, operationState: { phase: 'Error', message: 'boom' } }),
    );
    expect(result).toEqual({ status: 'Degraded', message: 'Sync Error: boom' });
  });

  it('is served under the argocd-cm key Argo CD reads', () => {
    expect(argocdCmHealthData()).toEqual({
      'resource.customizations.health.argoproj.io_Application': applicationHealthLua,
    });
    expect(applicationHealthKey).toBe('resource.customizations.health.argoproj.io_Application');
  });

  it('keeps lines short, so YAML writers emit it as a readable literal block', () => {
    const long = applicationHealthLua.split('\n').filter((line) => line.length > 72);
    expect(long).toEqual([]);
  });
});
