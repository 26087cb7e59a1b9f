import type { PipelineRenderer } from './pipeline.js';

/** The renderers `generate` and `check` run, in order. Each owns its own output paths. */
export async function loadRenderers(): Promise<PipelineRenderer[]> {
  const [k8s, argocd, deck, infra] = await Promise.all([
    import('@routeplane/render-k8s'),
    import('@routeplane/render-argocd'),
    import('@routeplane/render-deck'),
    import('@routeplane/infra'),
  ]);
  return [
    { name: 'kubernetes', render: k8s.renderK8s },
    { name: 'argocd', render: argocd.renderArgocd },
    { name: 'deck', render: deck.renderDeck },
    { name: 'terraform', render: infra.renderInfra },
  ];
}
