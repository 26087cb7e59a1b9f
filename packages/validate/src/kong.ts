import { arr, isObject, type JsonObject, num, str } from './json.js';
import type { DeckDoc } from './tree-index.js';

export interface KongRoute {
  readonly file: string;
  readonly name: string;
  readonly paths: readonly string[];
  readonly methods: readonly string[];
  readonly service: JsonObject | undefined;
}

/** Routes of a decK file: nested under services, or top level with a `service` reference. */
export function kongRoutes(deck: DeckDoc): readonly KongRoute[] {
  const services = arr(deck.doc, 'services').filter(isObject);
  const nested = services.flatMap((service) =>
    arr(service, 'routes')
      .filter(isObject)
      .map((route) => toRoute(deck.file, route, service)),
  );
  const top = arr(deck.doc, 'routes')
    .filter(isObject)
    .map((route) => {
      const ref = isObject(route.service)
        ? (str(route.service, 'name') ?? str(route.service, 'id'))
        : str(route, 'service');
      // A route without a reference has no service (not the first service lacking an id).
      const service =
        ref === undefined ? undefined : services.find((s) => s.name === ref || s.id === ref);
      return toRoute(deck.file, route, service);
    });
  return [...nested, ...top];
}

function toRoute(file: string, route: JsonObject, service: JsonObject | undefined): KongRoute {
  return {
    file,
    name: str(route, 'name') ?? '',
    paths: arr(route, 'paths').filter((p): p is string => typeof p === 'string'),
    methods: arr(route, 'methods').filter((m): m is string => typeof m === 'string'),
    service,
  };
}

/** Kong paths with the same segment semantics as a Gateway API PathPrefix. */
export function kongPathsFor(prefix: string): readonly string[] {
  return prefix === '/' ? ['/'] : [`~${prefix}$`, `${prefix}/`];
}

export function servicePort(service: JsonObject): number | undefined {
  return num(service, 'port');
}

/** One plugin of a kong.yaml and where it sits: `plugins` (global), `service X` or `route X`. */
export interface KongPluginAt {
  readonly name: string;
  readonly object: string;
  readonly plugin: JsonObject;
}

/** Every plugin of a kong.yaml: global, on a service or on a route nested in a service. */
export function kongPlugins(deck: unknown): KongPluginAt[] {
  const at = (owner: string) => (plugin: JsonObject) => ({
    name: str(plugin, 'name') ?? '?',
    object: owner,
    plugin,
  });
  const services = arr(deck, 'services').filter(isObject);
  return [
    ...arr(deck, 'plugins').filter(isObject).map(at('plugins')),
    ...services.flatMap((s) => [
      ...arr(s, 'plugins')
        .filter(isObject)
        .map(at(`service ${str(s, 'name') ?? '?'}`)),
      ...arr(s, 'routes')
        .filter(isObject)
        .flatMap((r) =>
          arr(r, 'plugins')
            .filter(isObject)
            .map(at(`route ${str(r, 'name') ?? '?'}`)),
        ),
    ]),
  ];
}
