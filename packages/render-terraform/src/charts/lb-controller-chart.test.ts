import { haveSharedCharts, helmObjects, type RenderedObject } from '@routeplane/test-support';
import { describe, expect, it } from 'vitest';
import {
  placeholder,
  releaseTarget,
  releaseValues,
  shippedModel,
  shippedTerraform,
} from '../helm-release.fixture.js';

type Obj = Record<string, unknown>;
interface Container {
  readonly args?: string[];
  readonly ports?: { name?: string; containerPort: number }[];
}
interface Deployment {
  readonly spec: {
    readonly replicas: number;
    readonly template: {
      readonly metadata: { readonly labels: Record<string, string> };
      readonly spec: {
        readonly nodeSelector?: Record<string, string>;
        readonly tolerations?: unknown[];
        readonly containers: Container[];
        readonly volumes?: { name: string; secret?: { secretName: string } }[];
      };
    };
  };
}
interface WebhookConfig {
  readonly webhooks: {
    readonly name: string;
    readonly clientConfig: {
      readonly caBundle?: string;
      readonly service: { name: string; namespace: string; path: string };
    };
  }[];
}

function named(objects: readonly RenderedObject[], kind: string): Map<string, Obj> {
  return new Map(
    objects
      .filter((o) => o.object.kind === kind)
      .map((o) => [(o.object.metadata as { name: string }).name, o.object]),
  );
}

describe.runIf(haveSharedCharts())(
  'aws-load-balancer-controller with the exact values of main.tf.json',
  () => {
    describe.each(shippedModel.environments.map((env) => [env.name, env] as const))(
      '%s',
      (_, env) => {
        const tf = shippedTerraform(env);
        const target = releaseTarget(tf, 'lb_controller_release');
        const rendered = helmObjects({
          ...target,
          values: releaseValues(tf, 'lb_controller_release'),
          kubeVersion: `${env.aws.cluster.version}.0`,
        });
        const deployment = async (): Promise<Deployment> => {
          const [only, ...more] = [...named(await rendered, 'Deployment').values()];
          expect(more).toEqual([]);
          return only as unknown as Deployment;
        };

        it('runs two replicas on the tainted system nodes', async () => {
          const { spec } = await deployment();
          expect(spec.replicas).toBe(2);
          expect(spec.template.spec.nodeSelector).toEqual(env.gateway.systemNodeSelector);
          expect(spec.template.spec.tolerations).toEqual([env.gateway.systemToleration]);
        });

        it('passes cluster, region and VPC as flags (no IMDS lookup)', async () => {
          const [container] = (await deployment()).spec.template.spec.containers;
          expect(container?.args).toEqual(
            expect.arrayContaining([
              `--cluster-name=${placeholder('aws_eks_cluster.cluster.name')}`,
              `--aws-region=${env.aws.region}`,
              `--aws-vpc-id=${placeholder('aws_vpc.vpc.id')}`,
            ]),
          );
        });

        it('renders webhooks that reach the controller through its Service with a CA bundle', async () => {
          const objects = await rendered;
          const services = named(objects, 'Service');
          const { spec } = await deployment();
          const [container] = spec.template.spec.containers;
          const configs = [
            ...named(objects, 'MutatingWebhookConfiguration').values(),
            ...named(objects, 'ValidatingWebhookConfiguration').values(),
          ] as unknown as WebhookConfig[];
          expect(configs).toHaveLength(2);
          for (const hook of configs.flatMap((c) => c.webhooks)) {
            expect(hook.clientConfig.caBundle, hook.name).toMatch(/^[A-Za-z0-9+/]+=*$/);
            expect(hook.clientConfig.service.namespace, hook.name).toBe(target.namespace);
            const service = services.get(hook.clientConfig.service.name) as
              | {
                  spec: {
                    selector: Record<string, string>;
                    ports: { port: number; targetPort: string }[];
                  };
                }
              | undefined;
            expect(service, hook.name).toBeDefined();
            expect(spec.template.metadata.labels).toMatchObject(
              service?.spec.selector ?? { missing: 'selector' },
            );
            const [port] = service?.spec.ports ?? [];
            expect(port?.port).toBe(443);
            expect(container?.ports?.map((p) => p.name)).toContain(port?.targetPort);
          }
          // The serving certificate the pods mount exists (self-signed by the chart: no cert-manager).
          const secretNames = [...named(objects, 'Secret').keys()];
          const mounted = (spec.template.spec.volumes ?? []).flatMap(
            (v) => v.secret?.secretName ?? [],
          );
          expect(mounted.length).toBeGreaterThan(0);
          for (const name of mounted) expect(secretNames).toContain(name);
        });
      },
    );
  },
);
