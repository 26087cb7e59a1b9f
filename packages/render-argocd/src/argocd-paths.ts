import { argocdDir } from '@routeplane/model';

/** File layout below `argocd/<env>/`. Only `apps/` is synced by the root Application. */

/** The root Application, applied once by an operator or by Terraform. */
export function rootApplicationFile(env: string): string {
  return `${argocdDir(env)}/root.yaml`;
}

/** The root's own project, applied once with root.yaml (or by Terraform); never synced. */
export function bootstrapProjectFile(env: string): string {
  return `${argocdDir(env)}/bootstrap/project.yaml`;
}

/** Directory the root Application syncs: the workload AppProject and every child Application. */
export function appsDir(env: string): string {
  return `${argocdDir(env)}/apps`;
}

export function projectFile(env: string): string {
  return `${appsDir(env)}/project.yaml`;
}

export function childFile(env: string, component: string): string {
  return `${appsDir(env)}/${component}.yaml`;
}

/** argocd-cm patch with the Application health check; applied by hand, never synced. */
export function healthPatchFile(env: string): string {
  return `${argocdDir(env)}/bootstrap/argocd-cm-health-patch.yaml`;
}
