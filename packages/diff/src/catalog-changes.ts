import type { EnvironmentModel, RouteModel } from '@routeplane/model';
import { compareText } from '@routeplane/model';
import { type RouteRow, routePlugins, routeRow } from './route-summary.js';

/** One field of a route that differs, both sides as text. */
export interface FieldChange {
  readonly field: 'paths' | 'methods' | 'hosts' | 'backend' | 'timeouts' | `plugin ${string}`;
  readonly before: string;
  readonly after: string;
}

export interface RouteChanges {
  readonly added: readonly RouteRow[];
  readonly removed: readonly RouteRow[];
  readonly changed: readonly { readonly name: string; readonly fields: readonly FieldChange[] }[];
}

export interface NameChanges {
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

export interface CatalogChanges {
  readonly routes: RouteChanges;
  /** `<namespace>/<name>`: a service moved to another namespace is removed and added. */
  readonly services: NameChanges;
  readonly namespaces: NameChanges;
}

const list = (values: readonly string[], none: string) =>
  values.length > 0 ? values.join(', ') : none;

/** HTTPRoute timeouts as the catalog writes them; `(none)` without. */
function timeoutsText(route: RouteModel): string {
  const t = route.timeouts;
  if (t === undefined) return '(none)';
  return t.backendRequest === undefined
    ? `request ${t.request}`
    : `request ${t.request}, backendRequest ${t.backendRequest}`;
}

/** Compact, stable text of a plugin configuration. */
function configText(config: unknown): string {
  return config === undefined ? '(none)' : JSON.stringify(config);
}

function routeFieldChanges(before: RouteModel, after: RouteModel): FieldChange[] {
  const fields: FieldChange[] = [];
  const text: [FieldChange['field'], string, string][] = [
    ['paths', list(before.paths, '(none)'), list(after.paths, '(none)')],
    ['methods', list(before.methods, 'any'), list(after.methods, 'any')],
    ['hosts', list(before.hosts, 'any'), list(after.hosts, 'any')],
    [
      'backend',
      `${before.backend.namespace}/${before.backend.name}:${before.backend.port}`,
      `${after.backend.namespace}/${after.backend.name}:${after.backend.port}`,
    ],
    ['timeouts', timeoutsText(before), timeoutsText(after)],
  ];
  const oldPlugins = routePlugins(before);
  const newPlugins = routePlugins(after);
  const names = [...new Set([...oldPlugins.keys(), ...newPlugins.keys()])].sort(compareText);
  for (const name of names) {
    text.push([
      `plugin ${name}`,
      configText(oldPlugins.get(name)),
      configText(newPlugins.get(name)),
    ]);
  }
  for (const [field, a, b] of text) if (a !== b) fields.push({ field, before: a, after: b });
  return fields;
}

function nameChanges(before: readonly string[], after: readonly string[]): NameChanges {
  const old = new Set(before);
  const now = new Set(after);
  return {
    added: after.filter((n) => !old.has(n)).sort(compareText),
    removed: before.filter((n) => !now.has(n)).sort(compareText),
  };
}

/** What the catalog change does to one environment; an absent side is an empty environment. */
export function catalogChanges(
  base: EnvironmentModel | undefined,
  head: EnvironmentModel | undefined,
): CatalogChanges {
  const oldRoutes = new Map((base?.routes ?? []).map((r) => [r.name, r]));
  const newRoutes = new Map((head?.routes ?? []).map((r) => [r.name, r]));
  const changed: { name: string; fields: FieldChange[] }[] = [];
  for (const [name, route] of newRoutes) {
    const old = oldRoutes.get(name);
    if (old === undefined) continue;
    const fields = routeFieldChanges(old, route);
    if (fields.length > 0) changed.push({ name, fields });
  }
  const serviceIds = (env: EnvironmentModel | undefined) =>
    (env?.services ?? []).map((s) => `${s.namespace}/${s.name}`);
  const namespaceNames = (env: EnvironmentModel | undefined) =>
    (env?.namespaces ?? []).map((n) => n.name);
  return {
    routes: {
      added: [...newRoutes.values()].filter((r) => !oldRoutes.has(r.name)).map(routeRow),
      removed: [...oldRoutes.values()].filter((r) => !newRoutes.has(r.name)).map(routeRow),
      changed,
    },
    services: nameChanges(serviceIds(base), serviceIds(head)),
    namespaces: nameChanges(namespaceNames(base), namespaceNames(head)),
  };
}
