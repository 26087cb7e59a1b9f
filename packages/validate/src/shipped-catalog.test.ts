import { join } from 'node:path';
import { loadModel } from '@routeplane/catalog';
import { renderArgocd } from '@routeplane/render-argocd';
import { renderDeck } from '@routeplane/render-deck';
import { renderK8s } from '@routeplane/render-k8s';
import { repoRoot } from '@routeplane/test-support';
import { describe, expect, it } from 'vitest';
import { formatFindingsHuman } from './format.js';
import { treeFromRendered } from './rendered-files.js';
import { validateTree } from './validate-tree.js';

describe('the shipped catalog, rendered by the real renderers', () => {
  it('validates clean (no unwaived finding)', () => {
    const model = loadModel(join(repoRoot, 'catalog.yaml'));
    const files = treeFromRendered([
      ...renderK8s(model),
      ...renderArgocd(model),
      ...renderDeck(model),
    ]);
    const waivers = model.environments.flatMap((e) =>
      e.waivers.map((w) => ({ ...w, env: e.name })),
    );
    const findings = validateTree({ files, waivers }).filter((f) => !f.waived);
    expect(formatFindingsHuman(findings)).toBe('validate: no findings\n');
  });
});
