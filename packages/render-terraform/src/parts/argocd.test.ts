import { fixtureEnvironment, fixtureModel } from '@routeplane/catalog/testing';
import {
  type AppProject,
  appsDir,
  bootstrapProject,
  renderArgocd,
  rootApplication,
} from '@routeplane/render-argocd';
import { describe, expect, it } from 'vitest';
import { parsed, resource, synth } from '../terraform-json.fixture.js';

interface ArgocdAppsValues {
  readonly projects: Record<string, Record<string, unknown>>;
  readonly applications: Record<string, Record<string, unknown>>;
}

const env = fixtureEnvironment();
const release = resource(synth(env), 'helm_release', 'argocd_root_application');
const values = parsed<ArgocdAppsValues>((release.values as string[])[0]);

/** Names of the Argo CD objects the root Application syncs from argocd/<env>/apps. */
function syncedByRoot(kind: string): string[] {
  return renderArgocd(fixtureModel())
    .filter((f) => f.path.startsWith(`${appsDir(env.name)}/`))
    .flatMap((f) => (f.content.kind === 'yaml' ? f.content.documents : []))
    .filter((d): d is AppProject => (d as { kind?: unknown }).kind === kind)
    .map((d) => d.metadata.name);
}

describe('argocd-apps release: one owner per object', () => {
  it('creates no AppProject or Application that the root also syncs', () => {
    const synced = syncedByRoot('AppProject');
    expect(synced).toEqual([env.argocd.project]);
    for (const name of Object.keys(values.projects)) expect(synced).not.toContain(name);
    for (const name of Object.keys(values.applications)) {
      expect(syncedByRoot('Application')).not.toContain(name);
    }
  });

  it('creates exactly the rendered bootstrap project and root, field for field', () => {
    const project = bootstrapProject(env);
    const root = rootApplication(env);
    expect(values.projects).toEqual({
      [project.metadata.name]: {
        namespace: 'argocd',
        additionalLabels: project.metadata.labels,
        additionalAnnotations: {},
        ...project.spec,
        // argocd-apps prints the description bare: it travels as a quoted YAML scalar.
        description: JSON.stringify(project.spec.description),
      },
    });
    expect(Object.keys(values.applications)).toEqual([root.metadata.name]);
    expect(values.applications[root.metadata.name]).toMatchObject({
      ...root.spec,
      project: project.metadata.name,
    });
  });

  it("gives the root's project no cluster-scoped kind and only Argo CD kinds in argocd", () => {
    const project = values.projects[bootstrapProject(env).metadata.name];
    // argocd-apps drops the empty list; an absent cluster whitelist denies every cluster kind too.
    expect(project?.clusterResourceWhitelist).toEqual([]);
    expect(project?.namespaceResourceWhitelist).toEqual([
      { group: 'argoproj.io', kind: 'AppProject' },
      { group: 'argoproj.io', kind: 'Application' },
    ]);
    expect(project?.destinations).toEqual([
      { server: 'https://kubernetes.default.svc', namespace: 'argocd' },
    ]);
  });
});
