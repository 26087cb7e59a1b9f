import { argocdCmHealthData, bootstrapProject, rootApplication } from '@routeplane/render-argocd';
import type { ITerraformDependable } from 'cdktn';
import type { HelmProvider } from '../bindings/helm-provider.js';
import { HelmRelease } from '../bindings/helm-release.js';
import { bareTemplateScalar } from './bare-template-scalar.js';
import type { StackContext } from './context.js';
import { helmValues, systemScheduling } from './kubernetes-access.js';

const argoHelmRepository = 'https://argoproj.github.io/argo-helm';

/**
 * Argo CD on the system nodes with the Application health check from the Argo CD renderer (the one
 * source of that Lua), reachable only inside the cluster (ClusterIP, no Ingress: use
 * `kubectl port-forward`). Then the argocd-apps chart creates the bootstrap AppProject and the root
 * Application exactly as the Argo CD renderer renders them (`argocd/<env>/bootstrap/project.yaml`,
 * `argocd/<env>/root.yaml`). Only those two: the workload project under `apps/` belongs to the root,
 * and two owners would fight over it.
 */
export function addArgocd(
  ctx: StackContext,
  helm: HelmProvider,
  after: readonly ITerraformDependable[],
): readonly [HelmRelease, HelmRelease] {
  const { stack, env } = ctx;
  const scheduling = systemScheduling(ctx);
  const argocd = new HelmRelease(
    stack,
    'argocd_release',
    {
      name: 'argocd',
      repository: argoHelmRepository,
      chart: 'argo-cd',
      version: env.versions.argoCdChart,
      namespace: env.argocd.namespace,
      create_namespace: true,
      values: [
        helmValues({
          global: scheduling,
          configs: { cm: { ...argocdCmHealthData() } },
          server: { service: { type: 'ClusterIP' }, ingress: { enabled: false } },
          // No SSO configured: the admin account via port-forward is the way in.
          dex: { enabled: false },
        }),
      ],
      atomic: true,
      cleanup_on_fail: true,
      wait: true,
      timeout: 900,
    },
    { provider: helm, dependsOn: [...after] },
  );

  const root = rootApplication(env);
  const project = bootstrapProject(env);
  const apps = new HelmRelease(
    stack,
    'argocd_root_application',
    {
      name: 'argocd-apps',
      repository: argoHelmRepository,
      chart: 'argocd-apps',
      version: env.versions.argoCdAppsChart,
      namespace: env.argocd.namespace,
      // argocd-apps 2.x: `projects` and `applications` are maps keyed by name. The chart writes
      // names, namespaces (DNS-1123, checked by the loader) and the project's description bare;
      // the description is free text, so it goes as a quoted scalar (bare-template-scalar.ts).
      values: [
        helmValues({
          projects: {
            [project.metadata.name]: {
              namespace: project.metadata.namespace,
              additionalLabels: project.metadata.labels ?? {},
              additionalAnnotations: project.metadata.annotations ?? {},
              ...project.spec,
              description: bareTemplateScalar(project.spec.description),
            },
          },
          applications: {
            [root.metadata.name]: {
              namespace: root.metadata.namespace,
              additionalLabels: root.metadata.labels ?? {},
              ...(root.metadata.finalizers ? { finalizers: root.metadata.finalizers } : {}),
              ...root.spec,
            },
          },
        }),
      ],
      atomic: true,
      wait: true,
    },
    { provider: helm, dependsOn: [argocd] },
  );
  return [argocd, apps];
}
