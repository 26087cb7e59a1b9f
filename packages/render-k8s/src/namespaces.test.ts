import { describe, expect, it } from 'vitest';
import { renderK8s } from './index.js';
import { namespaceSyncOptions } from './namespaces.js';
import { models, objectsOf } from './objects.fixture.js';

describe.each(models)('namespaces of the %s', (_, load) => {
  const model = load();
  const namespaces = objectsOf(renderK8s(model)).filter((o) => o.kind === 'Namespace');

  it('every namespace survives a deleted or renamed namespaces child and needs a confirmed prune', () => {
    expect(namespaces.length).toBeGreaterThan(0);
    for (const ns of namespaces) {
      const annotations = (ns.object.metadata as { annotations?: Record<string, string> })
        .annotations;
      // Argo CD reads Delete/Prune per resource (argo-cd v3.4.4 shouldBeDeleted, isPruningDisabled).
      expect(annotations?.['argocd.argoproj.io/sync-options'], ns.name).toBe(
        'Delete=false,Prune=confirm',
      );
    }
    expect(namespaceSyncOptions).toBe('Delete=false,Prune=confirm');
  });

  it.each(model.environments.map((e) => [e.name, e] as const))(
    '%s: the gateway namespace enforces restricted and gets the NLB readiness gate',
    (_env, env) => {
      const gateway = namespaces.find(
        (n) => n.name === env.gateway.namespace && n.path.includes(`/${env.name}/`),
      );
      const metadata = gateway?.object.metadata as { labels?: Record<string, string> } | undefined;
      const labels = metadata?.labels;
      expect(labels).toMatchObject({
        'pod-security.kubernetes.io/enforce': 'restricted',
        'pod-security.kubernetes.io/audit': 'restricted',
        'pod-security.kubernetes.io/warn': 'restricted',
        'elbv2.k8s.aws/pod-readiness-gate-inject': 'enabled',
      });
      // Ambient stays off for the gateway namespace (the NLB sends plain TLS to the pods).
      expect(labels?.['istio.io/dataplane-mode']).toBeUndefined();
    },
  );
});
