import { join } from 'node:path';
import { loadModel } from '@routeplane/catalog';
import { fixtureModel } from '@routeplane/catalog/testing';
import type { Model } from '@routeplane/model';
import { renderK8s } from '@routeplane/render-k8s';
import { repoRoot } from '@routeplane/test-support';
import { describe, expect, it } from 'vitest';
import type { AppProject } from './argo-types.js';
import { groupOf, type K8sObject } from './dependency-graph.fixture.js';
import {
  permitsDestination,
  permitsResource,
  permitsSource,
  type ResourceRef,
} from './project-permits.fixture.js';
import { gatewayApiObjects, helmChartObjects } from './project-resources.js';
import { renderArgocd } from './render-argocd.js';
import { applications, appProjects, documentsOf, envFiles } from './rendered.fixture.js';

const models: readonly (readonly [string, Model])[] = [
  ['fixture model', fixtureModel()],
  ['shipped catalog.yaml', loadModel(join(repoRoot, 'catalog.yaml'))],
  // A service behind a waypoint: the waypoints child, its wave and its objects.
  ['examples/waypoint', loadModel(join(repoRoot, 'examples/waypoint/catalog.yaml'))],
];

function project(model: Model, env: string, name: string): AppProject {
  const found = appProjects(envFiles(renderArgocd(model), env)).find(
    (p) => p.metadata.name === name,
  );
  if (!found) throw new Error(`no AppProject ${name}`);
  return found;
}

const gk = (group: string, kind: string) => `${group}/${kind}`;

describe.each(models)('projects of %s', (_name, model) => {
  const k8sObjects = renderK8s(model).flatMap((f) => documentsOf(f) as K8sObject[]);

  describe.each(model.environments.map((e) => [e.name, e] as const))('%s', (env, environment) => {
    const files = envFiles(renderArgocd(model), env);
    const apps = applications(files);
    const root = apps.find((a) => a.metadata.name === environment.argocd.rootApplication);
    const children = apps.filter((a) => a !== root);
    const bootstrap = project(model, env, `${environment.argocd.project}-bootstrap`);
    const workload = project(model, env, environment.argocd.project);
    const argocdNs = environment.argocd.namespace;

    it('the root lives in the bootstrap project, every child in the workload project', () => {
      expect(root?.spec.project).toBe(bootstrap.metadata.name);
      for (const app of children) expect(app.spec.project).toBe(workload.metadata.name);
    });

    it("the root's project admits only Applications/AppProjects from the catalog repo into argocd", () => {
      expect(bootstrap.spec.sourceRepos).toEqual([environment.gitops.repoURL]);
      expect(bootstrap.spec.destinations).toEqual([
        { server: environment.gitops.destinationServer, namespace: argocdNs },
      ]);
      expect(bootstrap.spec.clusterResourceWhitelist).toEqual([]);
      const at = (kind: string, group = '', namespace: string | undefined = argocdNs) => ({
        group,
        kind,
        name: 'x',
        namespace,
      });
      expect(permitsResource(bootstrap, at('Application', 'argoproj.io'))).toBe(true);
      expect(permitsResource(bootstrap, at('AppProject', 'argoproj.io'))).toBe(true);
      for (const denied of [
        at('Secret'),
        at('ConfigMap'),
        at('ServiceAccount'),
        at('RoleBinding', 'rbac.authorization.k8s.io'),
        at('Application', 'argoproj.io', 'kube-system'),
        at('Namespace', '', undefined),
        at('ClusterRoleBinding', 'rbac.authorization.k8s.io', undefined),
        at('CustomResourceDefinition', 'apiextensions.k8s.io', undefined),
      ]) {
        expect(permitsResource(bootstrap, denied), JSON.stringify(denied)).toBe(false);
      }
      // ...and everything the root syncs is admitted.
      expect(root && permitsSource(bootstrap, root.spec.source.repoURL)).toBe(true);
      for (const doc of [...children, workload]) {
        const ref = { group: 'argoproj.io', kind: doc.kind, name: doc.metadata.name };
        expect(permitsResource(bootstrap, { ...ref, namespace: doc.metadata.namespace })).toBe(
          true,
        );
      }
    });

    it('the workload project admits no Argo CD object, Secret or argocd destination', () => {
      expect(workload.spec.destinations.map((d) => d.namespace)).not.toContain(argocdNs);
      for (const [group, kind] of [
        ['', 'Secret'],
        ['argoproj.io', 'Application'],
        ['argoproj.io', 'AppProject'],
      ] as const) {
        expect(
          permitsResource(workload, { group, kind, name: 'x', namespace: 'istio-system' }),
        ).toBe(false);
      }
      expect(
        permitsResource(workload, {
          group: '',
          kind: 'ConfigMap',
          name: 'argocd-cm',
          namespace: argocdNs,
        }),
      ).toBe(false);
      const clusterRole = {
        group: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: 'admin',
      };
      expect(permitsResource(workload, clusterRole)).toBe(false);
      const crd = { group: 'apiextensions.k8s.io', kind: 'CustomResourceDefinition' };
      expect(permitsResource(workload, { ...crd, name: 'applications.argoproj.io' })).toBe(false);
      expect(
        permitsResource(workload, { ...crd, name: 'httproutes.gateway.networking.k8s.io' }),
      ).toBe(true);
    });

    it('the workload project admits every source and destination of its children', () => {
      for (const app of children) {
        expect(permitsSource(workload, app.spec.source.repoURL), app.metadata.name).toBe(true);
        expect(permitsDestination(workload, app.spec.destination), app.metadata.name).toBe(true);
      }
    });

    it('the namespaced whitelist is exactly the kinds of renderK8s and of the chart inventory', () => {
      const rendered = k8sObjects.filter((o) => o.metadata.namespace !== undefined);
      // render-k8s emits Namespaces and the PKI's ClusterIssuers as its only cluster-scoped kinds.
      expect(
        new Set(k8sObjects.filter((o) => o.metadata.namespace === undefined).map((o) => o.kind)),
      ).toEqual(new Set(['Namespace', 'ClusterIssuer']));
      const expected = new Set([
        ...rendered.map((o) => gk(groupOf(o.apiVersion), o.kind)),
        ...helmChartObjects().namespaced.map((k) => gk(k.group, k.kind)),
        ...gatewayApiObjects.namespaced.map((k) => gk(k.group, k.kind)),
      ]);
      const whitelist = workload.spec.namespaceResourceWhitelist.map((k) => gk(k.group, k.kind));
      expect(new Set(whitelist)).toEqual(expected);
      expect(whitelist).toHaveLength(expected.size);
    });

    it('every object the children deploy is admitted by kind, name and namespace', () => {
      const ours: ResourceRef[] = k8sObjects
        .filter(
          (o) =>
            o.metadata.namespace === undefined ||
            environment.namespaces.some((n) => n.name === o.metadata.namespace),
        )
        .map((o) => ({
          group: groupOf(o.apiVersion),
          kind: o.kind,
          name: o.metadata.name,
          ...(o.metadata.namespace ? { namespace: o.metadata.namespace } : {}),
        }));
      const upstream: ResourceRef[] = [helmChartObjects(), gatewayApiObjects].flatMap((u) => [
        ...u.namespaced.map((k) => ({ ...k, name: 'x', namespace: 'istio-system' })),
        ...u.cluster.map((k) => ({ ...k, name: (k.name ?? 'x').replace('*', 'any') })),
      ]);
      for (const ref of [
        ...ours,
        ...upstream,
        { group: '', kind: 'Namespace', name: 'istio-system' },
      ]) {
        expect(permitsResource(workload, ref), JSON.stringify(ref)).toBe(true);
      }
      // Namespaces are pinned by name too.
      expect(permitsResource(workload, { group: '', kind: 'Namespace', name: argocdNs })).toBe(
        false,
      );
    });

    it('the cluster whitelist is exactly the namespaces in use and the upstream objects', () => {
      const namespaces = [
        ...new Set(['istio-system', ...environment.namespaces.map((n) => n.name)]),
      ];
      const issuers = k8sObjects
        .filter((o) => o.kind === 'ClusterIssuer' && o.metadata.namespace === undefined)
        .map((o) => ({ group: 'cert-manager.io', kind: o.kind, name: o.metadata.name }));
      const expected = [
        ...namespaces.map((name) => ({ group: '', kind: 'Namespace', name })),
        ...[helmChartObjects(), gatewayApiObjects].flatMap((u) => u.cluster),
        ...issuers,
      ];
      const key = (i: { group: string; kind: string; name?: string }) =>
        `${i.group}/${i.kind}/${i.name}`;
      expect(new Set(workload.spec.clusterResourceWhitelist.map(key))).toEqual(
        new Set(expected.map(key)),
      );
      expect(workload.spec.clusterResourceWhitelist.every((i) => i.name && i.name !== '*')).toBe(
        true,
      );
    });
  });
});
