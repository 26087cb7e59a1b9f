import type { EnvironmentModel, RouteModel, RoutePluginsModel } from '@routeplane/model';

/** One route as a reviewer reads it: what matches and where it goes. */
export interface RouteRow {
  readonly name: string;
  readonly paths: readonly string[];
  /** Empty: any method. */
  readonly methods: readonly string[];
  /** Empty: any host. */
  readonly hosts: readonly string[];
  /** Kong plugin names in catalog order. */
  readonly plugins: readonly string[];
  readonly service: string;
  readonly namespace: string;
  readonly port: number;
}

type PluginKey = Exclude<keyof RoutePluginsModel, 'custom'>;

/**
 * Kong plugin names of the catalog's plugin keys (the names decK files and Kong use). A limit
 * counted in the managed cache is rate-limiting-advanced: only it links the cache's redis-ee
 * partial (render-deck's rate-limit-plugin.ts).
 */
const pluginNames: Readonly<Record<PluginKey, (plugins: RoutePluginsModel) => string>> = {
  jwt: () => 'jwt',
  rateLimiting: (p) =>
    p.rateLimiting?.policy === 'managedCache' ? 'rate-limiting-advanced' : 'rate-limiting',
  cors: () => 'cors',
  requestTransformer: () => 'request-transformer',
};

/**
 * Plugin name -> its configuration, for the plugins a route enables. Custom plugins carry no
 * configuration of their own (Kong applies their schema.lua defaults): `{}`.
 */
export function routePlugins(route: RouteModel): ReadonlyMap<string, unknown> {
  const out = new Map<string, unknown>();
  for (const key of Object.keys(pluginNames) as PluginKey[]) {
    const config = route.plugins[key];
    if (config !== undefined) out.set(pluginNames[key](route.plugins), config);
  }
  for (const name of route.plugins.custom ?? []) out.set(name, {});
  return out;
}

export function routeRow(route: RouteModel): RouteRow {
  return {
    name: route.name,
    paths: route.paths,
    methods: route.methods,
    hosts: route.hosts,
    plugins: [...routePlugins(route).keys()],
    service: route.backend.name,
    namespace: route.backend.namespace,
    port: route.backend.port,
  };
}

/** Every route of an environment, in the Model's order (sorted by name). */
export function routeRows(env: EnvironmentModel): RouteRow[] {
  return env.routes.map(routeRow);
}

/** `/a, /b  GET,POST  -> ns/svc:port`: one line for reports. */
export function describeRoute(row: RouteRow): string {
  const methods = row.methods.length > 0 ? ` ${row.methods.join(',')}` : '';
  const hosts = row.hosts.length > 0 ? ` hosts ${row.hosts.join(',')}` : '';
  const plugins = row.plugins.length > 0 ? ` [${row.plugins.join(', ')}]` : '';
  return `${row.paths.join(', ')}${methods}${hosts} -> ${row.namespace}/${row.service}:${row.port}${plugins}`;
}
