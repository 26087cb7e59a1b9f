import { fixtureModel } from '@routeplane/catalog/testing';
import { describe, expect, it } from 'vitest';
import { renderArgocd } from './render-argocd.js';
import { applications, documentsOf, envFiles } from './rendered.fixture.js';

/**
 * One owner per object: what lies under the root's path is owned by the root; everything else under
 * argocd/<env>/ is applied once from outside (by hand or by Terraform) and must not be synced.
 */
interface Meta {
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace?: string };
}

const model = fixtureModel();

describe.each(model.environments.map((e) => [e.name, e] as const))(
  'owners in %s',
  (env, environment) => {
    const files = envFiles(renderArgocd(model), env);
    const root = applications(files).find(
      (a) => a.metadata.name === environment.argocd.rootApplication,
    );
    const synced = (path: string) => path.startsWith(`${root?.spec.source.path}/`);
    const objects = files.flatMap((f) =>
      documentsOf(f).map((d) => {
        const { kind, metadata } = d as Meta;
        return { path: f.path, id: `${kind}/${metadata.namespace ?? ''}/${metadata.name}` };
      }),
    );

    it('renders every object exactly once', () => {
      const ids = objects.map((o) => o.id);
      expect(ids).toEqual([...new Set(ids)]);
    });

    it('puts the workload project and the children under the root, the bootstrap objects outside', () => {
      const outside = objects
        .filter((o) => !synced(o.path))
        .map((o) => o.id)
        .sort();
      expect(outside).toEqual([
        `AppProject/argocd/${environment.argocd.project}-bootstrap`,
        `Application/argocd/${environment.argocd.rootApplication}`,
        'ConfigMap/argocd/argocd-cm',
      ]);
      const inside = objects.filter((o) => synced(o.path)).map((o) => o.id);
      expect(inside).toContain(`AppProject/argocd/${environment.argocd.project}`);
      expect(
        inside.every((id) => id.startsWith('Application/') || id.startsWith('AppProject/')),
      ).toBe(true);
    });

    it('keeps the root out of the project it syncs', () => {
      expect(root?.spec.project).not.toBe(environment.argocd.project);
    });
  },
);
