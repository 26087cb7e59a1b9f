import { join } from 'node:path';
import { loadModel } from '@routeplane/catalog';
import { renderDeck } from '@routeplane/render-deck';
import { renderInfra } from '@routeplane/render-terraform';
import { repoRoot } from '@routeplane/test-support';
import type { TreeFile } from './finding.js';
import { treeFromRendered } from './rendered-files.js';
import { validateTree } from './validate-tree.js';

/** kong.yaml and Terraform of `examples/<name>/catalog.yaml`, as `routeplane validate` reads them. */
export function exampleTree(name: string): TreeFile[] {
  const model = loadModel(join(repoRoot, 'examples', name, 'catalog.yaml'));
  return treeFromRendered([...renderDeck(model), ...renderInfra(model)]);
}

/** One rule's findings on a tree, one line each: `<file> <object>: <message>`. */
export function ruleFindings(rule: string, files: readonly TreeFile[]): string[] {
  return validateTree({ files, waivers: [] })
    .filter((f) => f.rule === rule)
    .map((f) => `${f.file} ${f.object}: ${f.message}`);
}
