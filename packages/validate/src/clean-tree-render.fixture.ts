import { fileURLToPath } from 'node:url';
import { loadModel } from '@routeplane/catalog';
import { renderArgocd } from '@routeplane/render-argocd';
import { renderDeck } from '@routeplane/render-deck';
import { renderK8s } from '@routeplane/render-k8s';
import type { TreeFile } from './finding.js';
import { treeFromRendered } from './rendered-files.js';

/** The small catalog behind the clean tree, kept beside it. */
export const fixtureCatalogPath = fileURLToPath(new URL('./fixture-catalog.yaml', import.meta.url));

/**
 * fixture-catalog.yaml rendered by the renderers `routeplane generate` runs, every environment.
 * Terraform is left out: the Kubernetes/decK rules read none of it, the Terraform rules are
 * proven on rendered Terraform by their own tests, and loading cdktn would cost seconds.
 */
export function renderCleanTree(): TreeFile[] {
  const model = loadModel(fixtureCatalogPath);
  return treeFromRendered([...renderK8s(model), ...renderArgocd(model), ...renderDeck(model)]);
}
