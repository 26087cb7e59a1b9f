import { arr, get, isObject, show, str } from '../json.js';
import { kongPathsFor, kongRoutes } from '../kong.js';
import { backendRefs, pathPrefixes, routeMethods } from '../routes.js';
import { envRule, type Rule } from '../rule.js';
import { ofKind } from '../tree-index.js';

const sortedUnique = (values: readonly string[]): string[] => [...new Set(values)].sort();

/** Names by which a Kong service may identify the backend Service it fronts. */
function backendKeys(namespace: string, name: string): readonly string[] {
  return [
    `${namespace}-${name}`,
    `${namespace}.${name}`,
    `${namespace}/${name}`,
    `backend:${namespace}/${name}`,
  ];
}

export const kongRules: readonly Rule[] = [
  envRule(
    'xlayer/kong-route-match',
    'Every Kong route has an HTTPRoute of the same name with the same match semantics',
    (env, r) => {
      const httpRoutes = ofKind(env, 'HTTPRoute');
      for (const deck of env.deck) {
        for (const route of kongRoutes(deck)) {
          const object = `KongRoute/${route.name}`;
          const http = httpRoutes.find((h) => h.name === route.name);
          if (!http) {
            r.at(deck.file, object, `no HTTPRoute named ${route.name} exists for this Kong route`);
            continue;
          }
          const expected = sortedUnique(pathPrefixes(http).flatMap(kongPathsFor));
          const given = sortedUnique(route.paths);
          if (JSON.stringify(expected) !== JSON.stringify(given)) {
            r.at(
              deck.file,
              object,
              `paths must be ${show(expected)} to match the PathPrefix values ${show(pathPrefixes(http))} of ${http.id}, but ${show(given)} was given`,
            );
          }
          const methods = sortedUnique(route.methods);
          if (JSON.stringify(methods) !== JSON.stringify(routeMethods(http))) {
            r.at(
              deck.file,
              object,
              `methods must be ${show(routeMethods(http))} as in ${http.id}, but ${show(methods)} was given`,
            );
          }
        }
      }
    },
  ),
  envRule(
    'xlayer/kong-route-backend',
    'Every Kong route reaches the same backend Service as its HTTPRoute',
    (env, r) => {
      const refs = backendRefs(env);
      for (const deck of env.deck) {
        for (const route of kongRoutes(deck)) {
          const object = `KongRoute/${route.name}`;
          const routeRefs = refs.filter((ref) => ref.route.name === route.name);
          if (routeRefs.length === 0) continue;
          if (!route.service) {
            r.at(deck.file, object, 'the route belongs to no Kong service');
            continue;
          }
          // Untyped on purpose: a missing name or a non-string tag equals no backend key.
          const ids: readonly unknown[] = [route.service.name, ...arr(route.service, 'tags')];
          for (const ref of routeRefs) {
            if (!backendKeys(ref.namespace, ref.name).some((k) => ids.includes(k))) {
              r.at(
                deck.file,
                object,
                `Kong service ${show(str(route.service, 'name'))} (tags ${show(arr(route.service, 'tags'))}) must identify backend ${ref.namespace}/${ref.name} of ${ref.route.id} by name ${ref.namespace}.${ref.name} or tag`,
              );
            }
          }
        }
      }
    },
  ),
  envRule(
    'xlayer/kong-route-exposed',
    'Every HTTPRoute with backends is exposed by a Kong route of the same name',
    (env, r) => {
      if (env.deck.length === 0) return;
      const names = new Set(env.deck.flatMap((d) => kongRoutes(d).map((k) => k.name)));
      // Routes without backends (the HTTP -> HTTPS redirect) are gateway plumbing, not APIs.
      const withBackends = new Set(backendRefs(env).map((ref) => ref.route));
      for (const http of ofKind(env, 'HTTPRoute').filter((h) => withBackends.has(h))) {
        if (!names.has(http.name))
          r.on(
            http,
            `no Kong route named ${http.name} in ${env.deck.map((d) => d.file).join(', ')}`,
          );
      }
    },
  ),
  envRule(
    'xlayer/kong-upstream',
    'Kong services reach the Gateway over HTTPS on its HTTPS listener port',
    (env, r) => {
      const httpsPorts = ofKind(env, 'Gateway').flatMap((gw) =>
        arr(gw.doc, 'spec', 'listeners')
          .filter((l) => str(l, 'protocol') === 'HTTPS')
          .map((l) => get(l, 'port')),
      );
      for (const deck of env.deck) {
        for (const service of arr(deck.doc, 'services').filter(isObject)) {
          const object = `KongService/${str(service, 'name') ?? '?'}`;
          const url = str(service, 'url');
          const protocol = str(service, 'protocol') ?? (url ? url.split(':')[0] : 'http');
          if (protocol !== 'https')
            r.at(
              deck.file,
              object,
              `protocol must be https (TLS to the Gateway), but ${show(protocol)} was given`,
            );
          const port = service.port ?? (url ? Number(new URL(url).port || 443) : 80);
          if (httpsPorts.length > 0 && !httpsPorts.includes(port)) {
            r.at(
              deck.file,
              object,
              `port must be a Gateway HTTPS listener port ${show(httpsPorts)}, but ${show(port)} was given`,
            );
          }
        }
      }
    },
  ),
  envRule(
    'policy/kong-tls-verify',
    'Kong verifies the Gateway certificate (tls_verify with a CA) on every service',
    (env, r) => {
      for (const deck of env.deck) {
        const unverified = arr(deck.doc, 'services')
          .filter(isObject)
          .filter((s) => s.tls_verify !== true || arr(s, 'ca_certificates').length === 0)
          .map((s) => str(s, 'name') ?? '?');
        if (unverified.length > 0) {
          r.at(
            deck.file,
            '-',
            `tls_verify must be true with ca_certificates on every service (the gateway CA, gateway.pki), but ${show(unverified)} do not verify the Gateway certificate`,
          );
        }
      }
    },
  ),
  envRule(
    'policy/kong-plugins',
    'Kong plugin settings that Konnect rejects or that open CORS',
    (env, r) => {
      for (const deck of env.deck) {
        // Stryker disable next-line MethodExpression: a non-object plugin has no name to match
        const plugins = [
          ...arr(deck.doc, 'plugins'),
          ...arr(deck.doc, 'services').flatMap((s) => [
            ...arr(s, 'plugins'),
            ...arr(s, 'routes').flatMap((rt) => arr(rt, 'plugins')),
          ]),
          ...arr(deck.doc, 'routes').flatMap((rt) => arr(rt, 'plugins')),
        ].filter(isObject);
        for (const p of plugins) {
          const name = str(p, 'name');
          const object = `KongPlugin/${name}`;
          if (name === 'rate-limiting' && str(p, 'config', 'policy') === 'cluster') {
            r.at(
              deck.file,
              object,
              'config.policy "cluster" is unsupported in Konnect: use local or redis',
            );
          }
          if (name === 'rate-limiting-advanced' && str(p, 'config', 'strategy') === 'cluster') {
            r.at(
              deck.file,
              object,
              'config.strategy "cluster" is unsupported in Konnect: use redis (the managed cache) or local',
            );
          }
          if (
            name === 'cors' &&
            arr(p, 'config', 'origins').includes('*') &&
            get(p, 'config', 'credentials') === true
          ) {
            r.at(
              deck.file,
              object,
              'config.origins ["*"] must not be combined with credentials: true',
            );
          }
        }
      }
    },
  ),
];
