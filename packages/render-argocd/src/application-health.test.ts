import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationHealthLua, argocdCmHealthData } from './application-health.js';
import { applicationHealthKey } from './constants.js';
import { createLuaEngine, type LuaEngine, runHealthLua } from './lua/run-health-lua.js';

/**
 * Runs the health check the way Argo CD does (see lua/run-health-lua.ts) against Application
 * objects shaped like the controller writes them (argo-cd v3.4.4 pkg/apis/application/v1alpha1:
 * status.sync.comparedTo, status.operationState, status.resources[].requiresPruning).
 */
let lua: LuaEngine;
beforeAll(async () => {
  lua = await createLuaEngine();
});
afterAll(() => lua.global.close());

const health = (application: unknown) => runHealthLua(lua, applicationHealthLua, application);

const destination = { server: 'https://kubernetes.default.svc', namespace: 'istio-system' };
const chartSource = (version: string) => ({
  repoURL: 'https://istio-release.storage.googleapis.com/charts',
  chart: 'istiod',
  targetRevision: version,
  helm: { releaseName: 'istiod', valuesObject: { profile: 'ambient', autoscaleMin: 2 } },
});
const noPrune = {
  automated: { prune: false, selfHeal: true },
  syncOptions: ['Prune=false', 'ServerSideApply=true'],
};
const prunes = { automated: { prune: true, selfHeal: true }, syncOptions: ['PruneLast=true'] };

interface Shape {
  readonly spec?: Record<string, unknown>;
  readonly status?: Record<string, unknown>;
}
/** A child whose controller has compared `spec` (unless the status says otherwise). */
function app({ spec, status }: Shape): unknown {
  const fullSpec = { source: chartSource('1.30.3'), destination, syncPolicy: prunes, ...spec };
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name: 'routeplane-prod-istiod', namespace: 'argocd' },
    spec: fullSpec,
    ...(status === undefined ? {} : { status }),
  };
}
const compared = (source: unknown = chartSource('1.30.3')) => ({ source, destination });
const synced = { status: 'Synced', comparedTo: compared(), revision: '1.30.3' };
const healthy = { status: 'Healthy' };
/** A current, Synced and Healthy child whose operation still runs. */
const running = (operation: Record<string, unknown>) =>
  app({
    status: { health: healthy, sync: synced, operationState: { phase: 'Running', ...operation } },
  });
const succeeded = { phase: 'Succeeded', message: 'successfully synced (all tasks run)' };

describe('Application health check', () => {
  it.each([
    ['no status at all', app({}), 'Progressing'],
    ['status without health', app({ status: { sync: synced } }), 'Progressing'],
    ['Healthy and Synced', app({ status: { health: healthy, sync: synced } }), 'Healthy'],
    [
      'Healthy and Synced after a finished operation',
      app({ status: { health: healthy, sync: synced, operationState: succeeded } }),
      'Healthy',
    ],
    [
      'Healthy but OutOfSync',
      app({ status: { health: healthy, sync: { ...synced, status: 'OutOfSync' } } }),
      'Progressing',
    ],
    [
      'Healthy without sync status',
      app({ status: { health: healthy, sync: { comparedTo: compared() } } }),
      'Progressing',
    ],
    [
      'Progressing and Synced',
      app({ status: { health: { status: 'Progressing' }, sync: synced } }),
      'Progressing',
    ],
    [
      'Missing resources',
      app({ status: { health: { status: 'Missing' }, sync: { ...synced, status: 'OutOfSync' } } }),
      'Progressing',
    ],
    [
      'Degraded',
      app({ status: { health: { status: 'Degraded', message: 'pod crash' }, sync: synced } }),
      'Degraded',
    ],
    [
      'sync operation failed',
      app({
        status: {
          health: healthy,
          sync: { ...synced, status: 'OutOfSync' },
          operationState: { phase: 'Failed', message: 'CRD missing' },
        },
      }),
      'Degraded',
    ],
  ])('%s -> %s', async (_name, application, expected) => {
    const result = await health(application);
    expect(result.status).toBe(expected);
    expect(result.message).not.toBe('');
  });

  describe('stale status (argo-cd #4577, #5585, #8778, PR #29649)', () => {
    it.each([
      [
        '#4577/#5585: the parent raised targetRevision, the child still shows the old comparison',
        app({ spec: { source: chartSource('1.31.0') }, status: { health: healthy, sync: synced } }),
      ],
      [
        'a values change (istiod replicas) not compared yet',
        app({
          spec: {
            source: {
              ...chartSource('1.30.3'),
              helm: {
                releaseName: 'istiod',
                valuesObject: { profile: 'ambient', autoscaleMin: 3 },
              },
            },
          },
          status: { health: healthy, sync: synced },
        }),
      ],
      [
        'a child that was never compared (no comparedTo)',
        app({ status: { health: healthy, sync: { status: 'Synced' } } }),
      ],
      [
        'a new destination not compared yet',
        app({
          spec: { destination: { ...destination, namespace: 'istio-next' } },
          status: { health: healthy, sync: synced },
        }),
      ],
      [
        'new ignoreDifferences not compared yet',
        app({
          spec: {
            ignoreDifferences: [
              { group: 'apps', kind: 'Deployment', jqPathExpressions: ['.spec.replicas'] },
            ],
          },
          status: { health: healthy, sync: synced },
        }),
      ],
      [
        '#8778: Synced and Healthy while the sync operation still runs',
        running({ message: 'waiting for healthy state of apps/Deployment/istiod' }),
      ],
      [
        'PR #29649: a failed attempt waiting for its retry backoff is Running, not done',
        running({
          message: 'one or more objects failed to apply. Retrying attempt #2 at 10:42PM.',
          retryCount: 2,
        }),
      ],
    ])('%s -> Progressing', async (_name, application) => {
      expect((await health(application)).status).toBe('Progressing');
    });

    it('names the reason it waits', async () => {
      const stale = app({
        spec: { source: chartSource('1.31.0') },
        status: { health: healthy, sync: synced },
      });
      expect(await health(stale)).toEqual({
        status: 'Progressing',
        message: 'Waiting for the controller to compare the new spec',
      });
    });

    const gitSource = (revision: string) => ({
      repoURL: 'https://github.com/example/platform.git',
      targetRevision: revision,
      path: 'generated/k8s/prod/gateway',
    });
    it.each([
      ['current', 'Healthy', [gitSource('release'), chartSource('1.30.3')]],
      ['one source changed', 'Progressing', [gitSource('release'), chartSource('1.31.0')]],
      [
        'a source added',
        'Progressing',
        [gitSource('release'), chartSource('1.30.3'), gitSource('main')],
      ],
    ])('multi-source: spec.sources %s -> %s', async (_name, expected, sources) => {
      const application = app({
        spec: { source: undefined, sources },
        status: {
          health: healthy,
          sync: {
            status: 'Synced',
            comparedTo: { sources: [gitSource('release'), chartSource('1.30.3')], destination },
          },
        },
      });
      expect((await health(application)).status).toBe(expected);
    });
  });

  describe('apps that never prune', () => {
    const dropped = {
      group: 'apiextensions.k8s.io',
      kind: 'CustomResourceDefinition',
      name: 'wasmplugins.extensions.istio.io',
      status: 'OutOfSync',
      requiresPruning: true,
    };
    const kept = {
      group: 'apiextensions.k8s.io',
      kind: 'CustomResourceDefinition',
      name: 'gateways.networking.istio.io',
      status: 'Synced',
    };
    const outOfSync = (resources: readonly unknown[], syncPolicy: unknown) =>
      app({
        spec: { syncPolicy },
        status: {
          health: healthy,
          sync: { ...synced, status: 'OutOfSync' },
          operationState: succeeded,
          resources,
        },
      });
    it.each([
      [
        'a no-prune app OutOfSync only by an object the chart dropped',
        'Healthy',
        [kept, dropped],
        noPrune,
      ],
      [
        'a no-prune app (automated.prune false alone)',
        'Healthy',
        [kept, dropped],
        { automated: { prune: false, selfHeal: true } },
      ],
      [
        'a no-prune app with a changed object as well',
        'Progressing',
        [{ ...kept, status: 'OutOfSync' }, dropped],
        noPrune,
      ],
      ['a pruning app waits for its prune', 'Progressing', [kept, dropped], prunes],
      ['a no-prune app OutOfSync without resource details', 'Progressing', [], noPrune],
    ])('%s -> %s', async (_name, expected, resources, syncPolicy) => {
      expect((await health(outOfSync(resources, syncPolicy))).status).toBe(expected);
    });
  });

  it('passes the child health message through when Degraded', async () => {
    const result = await health(
      app({ status: { health: { status: 'Degraded', message: 'pod crash' } } }),
    );
    expect(result).toEqual({ status: 'Degraded', message: 'pod crash' });
  });

  it('names the failed phase and the operation message', async () => {
    const result = await health(
      app({
        status: {
          health: healthy,
          sync: { ...synced, status: 'OutOfSync' },
          operationState: { phase: 'Error', message: 'boom' },
        },
      }),
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

  it('keeps to the Lua 5.1 subset gopher-lua runs (no goto, //, bit operators, utf8)', () => {
    expect(applicationHealthLua).not.toMatch(/\bgoto\b|\/\/|[&|~]\s*\d|<<|>>|\butf8\./);
  });
});
