import { describe, expect, it } from 'vitest';
import type { SyncPolicy } from '../argo-types.js';
import { retryForever } from '../sync-policy.js';
import { deletedOnCascade, pruneVerdict, retryDelay } from './argo-policy.js';
import type { K8sObject } from './k8s-object.js';

const policy = (syncOptions: readonly string[], limit = -1): SyncPolicy => ({
  automated: { prune: true, selfHeal: true },
  syncOptions,
  retry: { limit, backoff: { duration: '15s', factor: 2, maxDuration: '5m' } },
});
const object = (kind: string, annotations: Record<string, string> = {}): K8sObject => ({
  apiVersion: kind === 'CustomResourceDefinition' ? 'apiextensions.k8s.io/v1' : 'v1',
  kind,
  metadata: { name: 'x', annotations },
});
const sync = (value: string) => ({ 'argocd.argoproj.io/sync-options': value });

describe('retryDelay (appcontroller.go, RetryStrategy.NextRetryAt)', () => {
  it('waits duration * factor^count, capped at maxDuration, forever for a negative limit', () => {
    const waits = [0, 1, 2, 3, 4, 5, 50].map((n) => retryDelay(policy([]), n));
    expect(waits).toEqual([30, 60, 120, 240, 300, 300, 300]);
  });
  it.each([
    [10, 9, 300],
    [10, 10, undefined],
    [0, 0, undefined],
  ])('limit %i after %i retries -> %s', (limit, count, expected) => {
    expect(retryDelay(policy([], limit), count)).toBe(expected);
  });
  it('the shipped retry never runs out', () => {
    expect(retryForever.limit).toBeLessThan(0);
  });
  it('names a malformed duration', () => {
    const bad = {
      ...policy([]),
      retry: { limit: -1, backoff: { duration: '15', factor: 2, maxDuration: '5m' } },
    };
    expect(() => retryDelay(bad, 0)).toThrow('duration "15" is not <n>s|m|h');
  });
});

describe('pruneVerdict (sync_context.go isPruningDisabled, objRequiresPruneConfirmation)', () => {
  it.each([
    ['no option', object('ConfigMap'), [], 'prune'],
    ['app-level Prune=false', object('ConfigMap'), ['Prune=false'], 'skip'],
    ['annotation Prune=false', object('ConfigMap', sync('Prune=false')), [], 'skip'],
    [
      'annotation Prune=confirm beats the app',
      object('Namespace', sync('Delete=false,Prune=confirm')),
      ['Prune=false'],
      'confirm',
    ],
  ])('%s -> %s', (_name, o, options, expected) => {
    expect(pruneVerdict(o, policy(options))).toBe(expected);
  });
});

describe('deletedOnCascade (appcontroller.go shouldBeDeleted)', () => {
  it.each([
    ['a plain object', object('ConfigMap'), [], true],
    ['a CRD, always kept', object('CustomResourceDefinition'), [], false],
    ['annotation Delete=false', object('Namespace', sync('Delete=false,Prune=confirm')), [], false],
    ['app-level Delete=false', object('ServiceAccount'), ['Delete=false'], false],
    ['helm keep policy', object('Secret', { 'helm.sh/resource-policy': 'keep' }), [], false],
  ])('%s -> %s', (_name, o, options, expected) => {
    expect(deletedOnCascade(o, policy(options))).toBe(expected);
  });
});
