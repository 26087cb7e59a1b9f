import { applicationHealthLua } from '@routeplane/render-argocd';
import { haveSharedCharts, helmObjects, type RenderedObject } from '@routeplane/test-support';
import { describe, expect, it } from 'vitest';
import {
  releaseTarget,
  releaseValues,
  shippedModel,
  shippedTerraform,
} from '../helm-release.fixture.js';

interface PodSpec {
  readonly nodeSelector?: Record<string, string>;
  readonly tolerations?: unknown[];
}

function podSpec(object: Record<string, unknown>): PodSpec {
  return (object.spec as { template: { spec: PodSpec } }).template.spec;
}

const workloadKinds = new Set(['Deployment', 'StatefulSet']);

describe.runIf(haveSharedCharts())('argo-cd with the exact values of main.tf.json', () => {
  describe.each(shippedModel.environments.map((env) => [env.name, env] as const))(
    '%s',
    (_, env) => {
      const tf = shippedTerraform(env);
      const rendered: Promise<RenderedObject[]> = helmObjects({
        ...releaseTarget(tf, 'argocd_release'),
        values: releaseValues(tf, 'argocd_release'),
        kubeVersion: `${env.aws.cluster.version}.0`,
      });

      it('puts the Application health Lua into argocd-cm', async () => {
        const cm = (await rendered).find(
          (o) =>
            o.object.kind === 'ConfigMap' &&
            (o.object.metadata as { name: string }).name === 'argocd-cm',
        );
        expect(
          ((cm?.object.data ?? {}) as Record<string, string>)[
            'resource.customizations.health.argoproj.io_Application'
          ],
        ).toBe(applicationHealthLua);
      });

      it('schedules every Deployment and StatefulSet onto the tainted system nodes', async () => {
        const workloads = (await rendered).filter((o) => workloadKinds.has(String(o.object.kind)));
        expect(workloads.length).toBeGreaterThanOrEqual(4);
        for (const { object, source } of workloads) {
          const spec = podSpec(object);
          // The chart adds kubernetes.io/os: linux beside the global selector.
          expect(spec.nodeSelector, source).toMatchObject(env.gateway.systemNodeSelector);
          expect(spec.tolerations, source).toEqual([env.gateway.systemToleration]);
        }
      });

      it('exposes the server only inside the cluster and runs no Dex', async () => {
        const objects = (await rendered).map((o) => o.object);
        expect(objects.filter((o) => o.kind === 'Ingress')).toEqual([]);
        const services = objects.filter((o) => o.kind === 'Service');
        for (const service of services) {
          expect((service.spec as { type?: string }).type ?? 'ClusterIP').toBe('ClusterIP');
        }
        expect(objects.map((o) => (o.metadata as { name: string }).name)).not.toContain(
          'argocd-dex-server',
        );
      });
    },
  );
});
