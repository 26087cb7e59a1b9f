import type { Model } from '@routeplane/model';
import type { PipelineRenderer } from './pipeline.js';
import { terraformRenderer } from './terraform-cache.js';

/**
 * The renderers `generate` and `check` run, in order. Each owns its own output paths. Given the
 * Model, Terraform comes from the bundle's cache where that environment did not change.
 */
export async function loadRenderers(model?: Model): Promise<PipelineRenderer[]> {
  const [k8s, argocd, deck, terraform] = await Promise.all([
    import('@routeplane/render-k8s'),
    import('@routeplane/render-argocd'),
    import('@routeplane/render-deck'),
    terraformRenderer(model),
  ]);
  return [
    { name: 'kubernetes', render: k8s.renderK8s },
    { name: 'argocd', render: argocd.renderArgocd },
    { name: 'deck', render: deck.renderDeck },
    terraform,
  ];
}
