import { describe, expect, it } from 'vitest';
import { cleanTree, type FixtureEnvironment } from './clean-tree.fixture.js';
import { validateTree } from './validate-tree.js';

describe('the clean tree (fixture-catalog.yaml, rendered by the real renderers)', () => {
  it.each<FixtureEnvironment>(['dev', 'prod'])('has no findings in %s', (env) => {
    expect(validateTree({ files: cleanTree(env), waivers: [] })).toEqual([]);
  });

  it('is one environment per call, with its Argo CD, Kubernetes and decK trees', () => {
    const roots = new Set(cleanTree('prod').map((f) => f.path.split('/').slice(0, 2).join('/')));
    expect([...roots].sort()).toEqual(['argocd/prod', 'deck/prod', 'generated/k8s']);
    expect(cleanTree('prod').every((f) => !f.path.includes('/dev/'))).toBe(true);
  });
});
