import type { BackendModel, EnvironmentModel, RedisModel, RouteModel } from '@routeplane/catalog';
import type { KongRoute, KongService } from '@routeplane/deck-types';
import { routePlugins } from './route-plugins.js';
import { upstreamName } from './upstream.js';

/** Stable, unique Kong service name: DNS labels contain no dots, so `<namespace>.<name>` cannot collide. */
export function kongServiceName(backend: {
  readonly namespace: string;
  readonly name: string;
}): string {
  return `${backend.namespace}.${backend.name}`;
}

function kongRoute(route: RouteModel, tags: readonly string[], redis?: RedisModel): KongRoute {
  const plugins = routePlugins(route, tags, redis);
  return {
    name: route.name,
    // `~/p$` + `/p/`: Kong plain paths are string prefixes; these two equal PathPrefix `/p`.
    paths: [...route.kongPaths],
    ...(route.hosts.length > 0 ? { hosts: [...route.hosts] } : {}),
    ...(route.methods.length > 0 ? { methods: [...route.methods] } : {}),
    protocols: ['https'],
    // The Istio gateway routes on the same path: forward it unchanged.
    strip_path: false,
    // Host must be the listener hostname (set by the upstream), never the client's.
    preserve_host: false,
    // v0 is Kong's default and the only mode every router flavor supports; with strip_path false
    // and no service path it forwards the path unchanged either way.
    path_handling: 'v0',
    https_redirect_status_code: 426,
    tags: [...tags],
    ...(plugins.length > 0 ? { plugins } : {}),
  };
}

/**
 * One Kong service per backend, all reaching the gateway upstream over TLS. Without the gateway CA
 * Kong cannot check the listener certificate (issued by the cluster's private CA), so verification is
 * off and the hop relies on the private Transit Gateway path; give kong.upstream.caCertificateFile to
 * turn it on.
 */
export function kongServices(
  env: EnvironmentModel,
  tags: readonly string[],
  caId: string | undefined,
): KongService[] {
  return env.services.map((backend: BackendModel) => {
    const routes = env.routes
      .filter((r) => r.backend.namespace === backend.namespace && r.backend.name === backend.name)
      .map((r) => kongRoute(r, tags, env.kong.ecsFargate?.redis));
    return {
      name: kongServiceName(backend),
      protocol: env.kong.upstream.protocol,
      host: upstreamName(env),
      port: env.kong.upstream.port,
      tls_verify: caId !== undefined,
      ...(caId === undefined ? {} : { ca_certificates: [caId] }),
      tags: [...tags],
      ...(routes.length > 0 ? { routes } : {}),
    };
  });
}
