import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadModel } from '@routeplane/catalog';
import { haveSharedCharts, repoRoot, sharedChartsDir } from '@routeplane/test-support';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderK8s } from './index.js';
import { asArray, get, type Json, labelsMatch, models, objectsOf } from './objects.fixture.js';

const restrictedVolumeTypes = new Set([
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'persistentVolumeClaim',
  'projected',
  'secret',
]);

/** Violations of the Pod Security Standards "restricted" profile (baseline included) in a pod spec. */
function restrictedViolations(pod: Json): string[] {
  const problems: string[] = [];
  const podSc = (pod.securityContext ?? {}) as Json;
  for (const host of ['hostNetwork', 'hostPID', 'hostIPC'] as const)
    if (pod[host] === true) problems.push(`${host} is true`);
  for (const v of asArray(pod.volumes)) {
    const type = Object.keys(v).find((k) => k !== 'name');
    if (!type || !restrictedVolumeTypes.has(type))
      problems.push(`volume ${v.name as string} has type ${type}`);
  }
  if (asArray(podSc.sysctls).length > 0) problems.push('pod sets sysctls');
  for (const c of [...asArray(pod.containers), ...asArray(pod.initContainers)]) {
    const sc = (c.securityContext ?? {}) as Json;
    const where = `container ${c.name as string}`;
    if (sc.privileged === true) problems.push(`${where} is privileged`);
    if (sc.allowPrivilegeEscalation !== false) problems.push(`${where} may escalate privileges`);
    const caps = (sc.capabilities ?? {}) as Json;
    if (!asArray(caps.drop).includes('ALL' as unknown as Json))
      problems.push(`${where} does not drop ALL capabilities`);
    if (asArray(caps.add).some((cap) => (cap as unknown) !== 'NET_BIND_SERVICE'))
      problems.push(`${where} adds capabilities`);
    if ((sc.runAsNonRoot ?? podSc.runAsNonRoot) !== true) problems.push(`${where} may run as root`);
    if ((sc.runAsUser ?? podSc.runAsUser) === 0) problems.push(`${where} runs as UID 0`);
    const seccomp = get(sc, 'seccompProfile', 'type') ?? get(podSc, 'seccompProfile', 'type');
    if (seccomp !== 'RuntimeDefault' && seccomp !== 'Localhost')
      problems.push(`${where} has no seccomp profile`);
    if (asArray(c.ports).some((p) => p.hostPort !== undefined))
      problems.push(`${where} uses a hostPort`);
  }
  return problems;
}

describe('restricted checker', () => {
  it.each([
    [{ containers: [{ name: 'c', securityContext: {} }] }, 4],
    [{ hostNetwork: true, containers: [], volumes: [{ name: 'h', hostPath: { path: '/' } }] }, 2],
  ])('flags non-compliant pods (%#)', (pod, count) => {
    expect(restrictedViolations(pod as Json)).toHaveLength(count);
  });
});

describe.each(models)('backends of the %s', (_, load) => {
  const model = load();
  const objects = objectsOf(renderK8s(model));
  const deployments = objects.filter((o) => o.kind === 'Deployment');

  it('render one Deployment per backend per environment', () => {
    expect(deployments.length).toBe(model.environments.reduce((n, e) => n + e.services.length, 0));
  });

  it.each(['restricted'])('comply with Pod Security "%s"', () => {
    for (const d of deployments) {
      expect(
        restrictedViolations(get(d.object, 'spec', 'template', 'spec') as Json),
        `${d.path}`,
      ).toEqual([]);
    }
  });

  it('are hardened beyond the profile: high UID/GID, read-only root, pinned image, limits, distinct named-port probes', () => {
    for (const d of deployments) {
      const pod = get(d.object, 'spec', 'template', 'spec') as Json;
      expect(pod.automountServiceAccountToken).toBe(false);
      const sa = objects.find(
        (o) =>
          o.kind === 'ServiceAccount' && o.path === d.path && o.name === pod.serviceAccountName,
      );
      expect(sa?.object.automountServiceAccountToken).toBe(false);
      for (const c of asArray(pod.containers)) {
        const sc = c.securityContext as Json;
        expect(sc.runAsUser as number).toBeGreaterThan(10000);
        expect(sc.runAsGroup as number).toBeGreaterThan(10000);
        expect(sc.readOnlyRootFilesystem).toBe(true);
        expect(c.image).toMatch(/(:[A-Za-z0-9._-]+|@sha256:[a-f0-9]{64})$/);
        expect(c.image).not.toMatch(/:latest$/);
        expect(c.resources).toMatchObject({
          requests: { cpu: expect.any(String), memory: expect.any(String) },
          limits: { cpu: expect.any(String), memory: expect.any(String) },
        });
        const portNames = asArray(c.ports).map((p) => p.name);
        const probePort = (probe: unknown) =>
          get(probe, 'httpGet', 'port') ?? get(probe, 'tcpSocket', 'port');
        expect(portNames).toContain(probePort(c.readinessProbe));
        expect(portNames).toContain(probePort(c.livenessProbe));
        expect(c.readinessProbe).not.toEqual(c.livenessProbe);
        const mounts = asArray(c.volumeMounts);
        expect(mounts.find((m) => m.mountPath === '/tmp')).toBeDefined();
        expect(mounts.filter((m) => m.readOnly !== true).map((m) => m.mountPath)).toEqual(['/tmp']);
      }
      const spread = asArray(pod.topologySpreadConstraints);
      expect(spread.map((t) => t.topologyKey)).toContain('topology.kubernetes.io/zone');
      const pdbs = objects.filter(
        (o) =>
          o.kind === 'PodDisruptionBudget' &&
          o.path === d.path &&
          labelsMatch(
            get(o.object, 'spec', 'selector', 'matchLabels'),
            get(d.object, 'spec', 'template', 'metadata', 'labels'),
          ),
      );
      expect(pdbs).toHaveLength(1);
    }
  });

  it('give the Istio gateway pods the seccomp profile restricted needs, pinned to the system pool', () => {
    for (const env of model.environments) {
      const cm = objects.find(
        (o) =>
          o.kind === 'ConfigMap' &&
          o.name === env.gateway.parametersConfigMapName &&
          o.path.includes(`/${env.name}/`),
      );
      const overlay = parse(get(cm?.object, 'data', 'deployment') as string) as Json;
      expect(get(overlay, 'spec', 'replicas')).toBe(env.gateway.replicas);
      const pod = get(overlay, 'spec', 'template', 'spec') as Json;
      expect(get(pod, 'securityContext', 'seccompProfile', 'type')).toBe('RuntimeDefault');
      expect(pod.nodeSelector).toEqual(env.gateway.systemNodeSelector);
      expect(pod.tolerations).toEqual([env.gateway.systemToleration]);
      expect(parse(get(cm?.object, 'data', 'podDisruptionBudget') as string)).toEqual({
        spec: { minAvailable: 1 },
      });
    }
  });
});

/**
 * The container securityContext of Istio's waypoint Deployment template (istiod chart
 * files/waypoint.yaml at the pinned version), with its two conditionals evaluated for routeplane's
 * values: platform is not openshift (UID 1337 kept), `gateways.seccompProfile` is the chart default
 * `{}` (so no seccomp profile).
 */
function waypointTemplateContainerSecurityContext(): Json {
  const chart = join(sharedChartsDir, 'istiod');
  const values = parse(readFileSync(join(chart, 'values.yaml'), 'utf8')) as Json;
  expect(get(values, '_internal_defaults_do_not_set', 'gateways', 'seccompProfile')).toEqual({});
  const template = readFileSync(join(chart, 'files/waypoint.yaml'), 'utf8');
  const deployment = template.split(/^---$/m).find((d) => /^kind: Deployment$/m.test(d)) ?? '';
  const lines = deployment.split('\n');
  const start = lines.indexOf('        securityContext:');
  const end = lines.indexOf('        volumeMounts:', start);
  const kept: string[] = [];
  let skipping = false;
  for (const line of lines.slice(start + 1, end)) {
    if (line.includes('{{- if .Values.gateways.seccompProfile }}')) skipping = true;
    else if (line.includes('{{- end }}')) skipping = false;
    else if (!skipping && !line.includes('{{')) kept.push(line.slice(10));
  }
  return parse(kept.join('\n')) as Json;
}

describe.runIf(haveSharedCharts())(
  "the waypoint pods (Istio's template plus routeplane's overlay)",
  () => {
    const model = loadModel(join(repoRoot, 'examples/waypoint/catalog.yaml'));
    const cm = objectsOf(renderK8s(model)).find((o) => o.name === 'orders-api-waypoint-options');
    const overlay = parse(get(cm?.object, 'data', 'deployment') as string) as Json;
    const podSecurityContext = get(overlay, 'spec', 'template', 'spec', 'securityContext') as Json;
    const container = {
      name: 'istio-proxy',
      securityContext: waypointTemplateContainerSecurityContext(),
    };

    it('would break restricted Pod Security without the overlay (no seccomp profile)', () => {
      expect(restrictedViolations({ containers: [container] })).toEqual([
        'container istio-proxy has no seccomp profile',
      ]);
    });

    it("reserve what the README's Waypoints section says (istiod chart global.waypoint.resources)", () => {
      const values = parse(
        readFileSync(join(sharedChartsDir, 'istiod', 'values.yaml'), 'utf8'),
      ) as Json;
      expect(
        get(values, '_internal_defaults_do_not_set', 'global', 'waypoint', 'resources'),
      ).toEqual({
        requests: { cpu: '100m', memory: '128Mi' },
        limits: { cpu: '2', memory: '1Gi' },
      });
    });

    it('comply with restricted Pod Security with it', () => {
      expect(
        restrictedViolations({ securityContext: podSecurityContext, containers: [container] }),
      ).toEqual([]);
    });
  },
);
