import type { ObjectChanges } from './object-changes.js';
import { layers } from './object-index.js';
import type { EnvironmentReport } from './report.js';

/** `+a ~c -r`, the counts a summary table shows. */
export function countText(added: number, changed: number | undefined, removed: number): string {
  return changed === undefined ? `+${added} -${removed}` : `+${added} ~${changed} -${removed}`;
}

export function objectCountText(changes: ObjectChanges): string {
  return countText(changes.added.length, changes.changed.length, changes.removed.length);
}

/** Summary cells of one environment, in the order of `summaryHeaders`. */
export function summaryCells(env: EnvironmentReport): string[] {
  const { routes, services, namespaces } = env.catalog;
  const added = env.files.reduce((n, f) => n + f.linesAdded, 0);
  const removed = env.files.reduce((n, f) => n + f.linesRemoved, 0);
  return [
    env.name,
    env.status,
    countText(routes.added.length, routes.changed.length, routes.removed.length),
    countText(services.added.length, undefined, services.removed.length),
    countText(namespaces.added.length, undefined, namespaces.removed.length),
    ...layers.map((l) => objectCountText(env.objects[l])),
    `${env.files.length} (+${added} -${removed})`,
  ];
}

export const summaryHeaders = [
  'environment',
  'status',
  'routes',
  'services',
  'namespaces',
  'Kubernetes',
  'Argo CD',
  'Kong',
  'Terraform',
  'files',
] as const;
