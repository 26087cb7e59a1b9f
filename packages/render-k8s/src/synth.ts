import { App, Chart } from 'cdk8s';
import type { Construct } from 'constructs';

/** A Kubernetes object as plain JSON, ready for the writer. */
export type K8sObject = Readonly<Record<string, unknown>>;

/**
 * Builds constructs in a fresh in-memory chart and returns its objects as JSON. Never synthesizes
 * to disk. Names are never hashed: every construct sets `metadata.name` itself.
 */
export function synthObjects(
  namespace: string | undefined,
  build: (scope: Construct) => void,
): K8sObject[] {
  const app = new App({ outdir: '/nonexistent' });
  const chart = new Chart(app, 'routeplane', {
    disableResourceNameHashes: true,
    ...(namespace === undefined ? {} : { namespace }),
  });
  build(chart);
  return withoutImmutableDefault(chart.toJson() as K8sObject[]);
}

/** cdk8s-plus writes `immutable: false` on every ConfigMap; drop the default. */
export function withoutImmutableDefault(objects: K8sObject[]): K8sObject[] {
  return objects.map((o) => {
    if (o.kind !== 'ConfigMap' || o.immutable !== false) return o;
    const { immutable: _default, ...rest } = o;
    return rest;
  });
}
