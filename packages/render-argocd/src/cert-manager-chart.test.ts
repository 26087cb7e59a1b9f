import { fixtureEnvironment, fixtureModel } from '@routeplane/catalog/testing';
import { haveSharedCharts, helmObjects, type RenderedObject } from '@routeplane/test-support';
import { beforeAll, describe, expect, it } from 'vitest';
import { appProject } from './app-project.js';
import type { Application } from './argo-types.js';
import { groupOf } from './dependency-graph.fixture.js';
import { permitsResource } from './project-permits.fixture.js';
import { renderArgocd } from './render-argocd.js';
import { applications, envFiles } from './rendered.fixture.js';

/**
 * cert-manager v1.21.1 rendered by the real helm engine with exactly the valuesObject the
 * cert-manager Application carries, release name and namespace as Argo CD passes them.
 */
const env = fixtureEnvironment();
const app = applications(envFiles(renderArgocd(fixtureModel()), 'dev')).find(
  (a: Application) => a.metadata.labels?.['app.kubernetes.io/component'] === 'cert-manager',
);

interface PodSpec {
  readonly securityContext?: Record<string, unknown>;
  readonly containers: readonly { name: string; securityContext?: Record<string, unknown> }[];
  readonly initContainers?: readonly { name: string; securityContext?: Record<string, unknown> }[];
  readonly nodeSelector?: Record<string, string>;
  readonly tolerations?: readonly Record<string, unknown>[];
  readonly hostNetwork?: boolean;
  readonly hostPID?: boolean;
  readonly hostIPC?: boolean;
  readonly volumes?: readonly Record<string, unknown>[];
}

const meta = (o: RenderedObject) =>
  o.object.metadata as { name: string; namespace?: string; annotations?: Record<string, string> };

/** Pod Security Standards "restricted" (Kubernetes 1.34), the checks that apply to these pods. */
function restrictedViolations(pod: PodSpec): string[] {
  const problems: string[] = [];
  if (pod.hostNetwork || pod.hostPID || pod.hostIPC) problems.push('host namespaces');
  if (pod.volumes?.some((v) => 'hostPath' in v)) problems.push('hostPath volume');
  const podSc = pod.securityContext ?? {};
  for (const c of [...pod.containers, ...(pod.initContainers ?? [])]) {
    const sc = c.securityContext ?? {};
    const nonRoot = sc.runAsNonRoot ?? podSc.runAsNonRoot;
    if (nonRoot !== true) problems.push(`${c.name}: runAsNonRoot`);
    if (sc.runAsUser === 0 || podSc.runAsUser === 0) problems.push(`${c.name}: runAsUser 0`);
    const seccomp = (sc.seccompProfile ?? podSc.seccompProfile) as { type?: string } | undefined;
    if (seccomp?.type !== 'RuntimeDefault' && seccomp?.type !== 'Localhost')
      problems.push(`${c.name}: seccompProfile`);
    if (sc.allowPrivilegeEscalation !== false) problems.push(`${c.name}: allowPrivilegeEscalation`);
    if (sc.privileged === true) problems.push(`${c.name}: privileged`);
    const caps = sc.capabilities as { drop?: string[]; add?: string[] } | undefined;
    if (!caps?.drop?.includes('ALL')) problems.push(`${c.name}: capabilities.drop ALL`);
    if ((caps?.add ?? []).some((a) => a !== 'NET_BIND_SERVICE'))
      problems.push(`${c.name}: capabilities.add`);
  }
  return problems;
}

describe.runIf(haveSharedCharts())('cert-manager chart v1.21.1 with the rendered values', () => {
  let objects: RenderedObject[] = [];
  beforeAll(async () => {
    if (!app?.spec.source.helm) throw new Error('no cert-manager Application');
    objects = await helmObjects({
      chart: 'cert-manager',
      releaseName: app.spec.source.helm.releaseName ?? '',
      namespace: app.spec.destination.namespace ?? '',
      values: [JSON.stringify(app.spec.source.helm.valuesObject)],
      kubeVersion: '1.34.0',
    });
  }, 60_000);

  const pods = () =>
    objects
      .filter((o) =>
        ['Deployment', 'DaemonSet', 'Job', 'StatefulSet'].includes(String(o.object.kind)),
      )
      .map((o) => ({
        name: `${String(o.object.kind)}/${meta(o).name}`,
        pod: (o.object.spec as { template: { spec: PodSpec } }).template.spec,
      }));

  it('renders the controller, webhook and cainjector, and no hook Job', () => {
    expect(
      pods()
        .map((p) => p.name)
        .sort(),
    ).toEqual([
      'Deployment/cert-manager',
      'Deployment/cert-manager-cainjector',
      'Deployment/cert-manager-webhook',
    ]);
    expect(objects.some((o) => meta(o).annotations?.['helm.sh/hook'])).toBe(false);
  });

  it('meets Pod Security "restricted" in every pod', () => {
    for (const { name, pod } of pods()) expect(restrictedViolations(pod), name).toEqual([]);
  });

  it('the restricted check is live', () => {
    const [first] = pods();
    if (!first) throw new Error('no pods');
    const root = { ...first.pod, securityContext: { runAsNonRoot: false } };
    expect(restrictedViolations(root).length).toBeGreaterThan(0);
  });

  it('schedules every pod on the system nodes, tolerating their taint, two replicas each with a PDB', () => {
    for (const { name, pod } of pods()) {
      expect(pod.nodeSelector, name).toMatchObject(env.gateway.systemNodeSelector);
      expect(pod.tolerations, name).toContainEqual(env.gateway.systemToleration);
    }
    for (const o of objects.filter((x) => x.object.kind === 'Deployment')) {
      expect((o.object.spec as { replicas: number }).replicas, meta(o).name).toBe(2);
    }
    expect(objects.filter((o) => o.object.kind === 'PodDisruptionBudget')).toHaveLength(3);
  });

  it('installs the CRDs with the chart, and keeps everything out of kube-system', () => {
    expect(
      objects
        .filter((o) => o.object.kind === 'CustomResourceDefinition')
        .map((o) => meta(o).name)
        .sort(),
    ).toEqual([
      'certificaterequests.cert-manager.io',
      'certificates.cert-manager.io',
      'challenges.acme.cert-manager.io',
      'clusterissuers.cert-manager.io',
      'issuers.cert-manager.io',
      'orders.acme.cert-manager.io',
    ]);
    const namespaces = new Set(objects.map((o) => meta(o).namespace).filter(Boolean));
    expect(namespaces).toEqual(new Set([env.gateway.pki.namespace]));
  });

  it('is admitted object by object by the workload project (its cluster list comes from the chart inventory)', () => {
    const project = appProject(env);
    for (const o of objects) {
      const ref = {
        group: groupOf(String(o.object.apiVersion)),
        kind: String(o.object.kind),
        name: meta(o).name,
        ...(meta(o).namespace ? { namespace: meta(o).namespace } : {}),
      };
      expect(permitsResource(project, ref), JSON.stringify(ref)).toBe(true);
    }
  });

  it('ignores exactly the caBundle cainjector writes into the webhooks', () => {
    const injected = objects.filter(
      (o) =>
        meta(o).annotations?.['cert-manager.io/inject-ca-from-secret'] !== undefined ||
        meta(o).annotations?.['cert-manager.io/inject-ca-from'] !== undefined,
    );
    expect(injected.map((o) => String(o.object.kind)).sort()).toEqual([
      'MutatingWebhookConfiguration',
      'ValidatingWebhookConfiguration',
    ]);
    for (const o of injected) {
      expect(app?.spec.ignoreDifferences).toContainEqual({
        group: 'admissionregistration.k8s.io',
        kind: String(o.object.kind),
        jqPathExpressions: ['.webhooks[]?.clientConfig.caBundle'],
      });
    }
    expect(app?.spec.syncPolicy.syncOptions).toContain('RespectIgnoreDifferences=true');
  });
});
