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
  return chart.toJson() as K8sObject[];
}
