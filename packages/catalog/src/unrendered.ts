/**
 * Why a file in the owned trees that routeplane did not render is an error: the writer never
 * touches it, yet Argo CD syncs everything in a child's path. `check` and `validate` both say it.
 */
export function unrenderedFileMessage(path: string): string {
  return `${path}: not rendered by routeplane (no header), yet Argo CD would sync it; move it out of argocd/ generated/ deck/ or put what it holds in the catalog`;
}
