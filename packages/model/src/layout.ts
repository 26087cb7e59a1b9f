/**
 * Where rendered files live. Renderers and the Argo CD children agree on paths through these
 * functions only, so a path a child Application points at always exists.
 */

/** The trees the writer owns: it creates, updates and prunes files only below these. */
export const ownedRoots = ['argocd', 'generated', 'deck'] as const;

export type K8sComponent =
  | 'namespaces'
  | 'pki'
  | 'gateway'
  | 'routes'
  | `backends/${string}`
  | `waypoints/${string}`;

/** Directory of one Kubernetes component, e.g. `generated/k8s/dev/backends/sample-apps`. */
export function k8sDir(env: string, component: K8sComponent): string {
  return `generated/k8s/${env}/${component}`;
}

/** Directory of the App-of-Apps of one environment, e.g. `argocd/dev`. */
export function argocdDir(env: string): string {
  return `argocd/${env}`;
}

/** decK state file of one environment. */
export function deckFile(env: string): string {
  return `deck/${env}/kong.yaml`;
}

/** Directory of the Terraform JSON of one environment. */
export function terraformDir(env: string): string {
  return `generated/terraform/${env}`;
}

/** Every directory holding one environment's files: the writer prunes only there for `--env`. */
export function environmentDirs(env: string): string[] {
  return [argocdDir(env), `generated/k8s/${env}`, terraformDir(env), `deck/${env}`];
}
