import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { RenderedFile } from '@routeplane/model';
import { describe, expect, it } from 'vitest';
import { applyChanges } from './apply.js';
import { diffStat, formatDiffStat } from './diff-stat.js';
import {
  EnvironmentRemovalError,
  environmentOfPath,
  guardEnvironmentRemoval,
  removedEnvironments,
} from './environment-removal.js';
import { planChanges } from './plan.js';
import { unrenderedFiles } from './unrendered-files.js';

function files(...envs: string[]): RenderedFile[] {
  return envs.flatMap((env) =>
    [
      `argocd/${env}/root.yaml`,
      `deck/${env}/kong.yaml`,
      `generated/terraform/${env}/main.tf.json`,
    ].map(
      (path): RenderedFile =>
        path.endsWith('.json')
          ? { path, content: { kind: 'json', value: { env } } }
          : { path, content: { kind: 'yaml', documents: [{ env }] } },
    ),
  );
}

function repoWith(...envs: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'routeplane-envs-'));
  applyChanges(root, planChanges(files(...envs), { repoRoot: root, catalogFile: 'catalog.yaml' }));
  return root;
}

describe('environmentOfPath', () => {
  it.each([
    ['argocd/dev/root.yaml', 'dev'],
    ['deck/prod/kong.yaml', 'prod'],
    ['generated/k8s/staging/routes/a.yaml', 'staging'],
    ['generated/terraform/dev/main.tf.json', 'dev'],
    ['generated/README.md', undefined],
  ])('%s belongs to %s', (path, env) => {
    expect(environmentOfPath(path)).toBe(env);
  });
});

describe('removing an environment', () => {
  it('finds the environments whose whole tree a plan deletes', () => {
    const root = repoWith('dev', 'staging');
    const changes = planChanges(files('dev'), { repoRoot: root, catalogFile: 'catalog.yaml' });
    const removed = removedEnvironments(changes);
    expect([...removed.keys()]).toEqual(['staging']);
    expect([...(removed.get('staging') ?? [])].sort()).toEqual([
      'argocd/staging/root.yaml',
      'deck/staging/kong.yaml',
      'generated/terraform/staging/main.tf.json',
    ]);
  });

  it('does not count pruning a stale file of a kept environment', () => {
    const root = repoWith('dev');
    const fewer = files('dev').filter((f) => !f.path.startsWith('deck/'));
    const changes = planChanges(fewer, { repoRoot: root, catalogFile: 'catalog.yaml' });
    expect(changes.filter((c) => c.kind === 'deleted')).toHaveLength(1);
    expect(removedEnvironments(changes).size).toBe(0);
    expect(() => guardEnvironmentRemoval(changes, [])).not.toThrow();
  });

  it.each([
    [
      [],
      /environment "staging" is no longer in the catalog; generate would delete its 3 rendered file\(s\) \(.*generated\/terraform\/staging\/main\.tf\.json.*\), Terraform included\. Run again with --delete-environment staging/,
    ],
    [
      ['stagign'],
      /--delete-environment stagign: no rendered tree of "stagign" would be deleted \(removed: staging\)/,
    ],
    [['staging', 'dev'], /--delete-environment dev: no rendered tree of "dev" would be deleted/],
  ])('refuses with --delete-environment %j', (allowed, message) => {
    const root = repoWith('dev', 'staging');
    const changes = planChanges(files('dev'), { repoRoot: root, catalogFile: 'catalog.yaml' });
    expect(() => guardEnvironmentRemoval(changes, allowed)).toThrow(EnvironmentRemovalError);
    expect(() => guardEnvironmentRemoval(changes, allowed)).toThrow(message);
  });

  it('allows exactly the environments named', () => {
    const root = repoWith('dev', 'staging');
    const changes = planChanges(files('dev'), { repoRoot: root, catalogFile: 'catalog.yaml' });
    expect(() => guardEnvironmentRemoval(changes, ['staging'])).not.toThrow();
  });
});

describe('unrenderedFiles', () => {
  it('lists files in the owned trees without the routeplane header, and nothing else', () => {
    const root = repoWith('dev');
    for (const path of ['argocd/dev/extra.yaml', 'generated/k8s/dev/notes.txt', 'docs/a.md']) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), 'apiVersion: v1\nkind: ConfigMap\n');
    }
    expect(unrenderedFiles(root)).toEqual(['argocd/dev/extra.yaml', 'generated/k8s/dev/notes.txt']);
  });
});

describe('diffStat', () => {
  it('counts added and removed lines per changed file', () => {
    const changes = [
      {
        path: 'deck/dev/kong.yaml',
        kind: 'updated',
        previous: 'a\nb\nc\n',
        content: 'a\nB\nc\nd\n',
      },
      { path: 'argocd/dev/x.yaml', kind: 'created', content: 'x\ny\n' },
      { path: 'argocd/dev/old.yaml', kind: 'deleted', previous: 'z\n' },
      { path: 'argocd/dev/same.yaml', kind: 'unchanged', previous: 'q\n', content: 'q\n' },
    ] as const;
    const stats = diffStat(changes);
    expect(stats.map((s) => `${s.kind} ${s.path} +${s.added} -${s.removed}`)).toEqual([
      'updated deck/dev/kong.yaml +2 -1',
      'created argocd/dev/x.yaml +2 -0',
      'deleted argocd/dev/old.yaml +0 -1',
    ]);
    expect(formatDiffStat(stats).split('\n')).toEqual([
      ' deck/dev/kong.yaml  |     3 ++-',
      ' argocd/dev/x.yaml   |     2 ++',
      ' argocd/dev/old.yaml |     1 -',
      ' 3 file(s) changed, 4 insertion(s)(+), 2 deletion(s)(-)',
    ]);
  });
});
