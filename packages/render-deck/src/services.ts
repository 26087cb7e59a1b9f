import type { KongRoute, KongService } from '@routeplane/deck-types';
import {
  type BackendModel,
  type EnvironmentModel,
  kongBehindCloudfront,
  type RouteModel,
  viewerHostHeader,
  viewerHostMatchValues,
} from '@routeplane/model';
import type { CounterStores } from './rate-limit-plugin.js';
import { routePlugins } from './route-plugins.js';
import { kongServiceTimeoutMs } from './timeouts.js';
import { upstreamName } from './upstream.js';

/** Stable, unique Kong service name: DNS labels contain no dots, so `<namespace>.<name>` cannot collide. */
export function kongServiceName(backend: {
  readonly namespace: string;
  readonly name: string;
}): string {
  return `${backend.namespace}.${backend.name}`;
}

/**
 * The route's client-facing `hosts`: behind CloudFront Kong sees the origin's name as Host, so the
 * viewer's Host arrives in viewerHostHeader and the route matches on that header instead.
 */
function hostMatch(route: RouteModel, behindCloudfront: boolean): Partial<KongRoute> {
  if (route.hosts.length === 0) return {};
  return behindCloudfront
    ? { headers: { [viewerHostHeader]: viewerHostMatchValues(route.hosts) } }
    : { hosts: [...route.hosts] };
}

function kongRoute(
  route: RouteModel,
  tags: readonly string[],
  behindCloudfront: boolean,
  stores: CounterStores,
  sharedSecret: BackendModel['sharedSecretHeader'],
): KongRoute {
  const plugins = routePlugins(route, tags, stores, sharedSecret);
  return {
    name: route.name,
    // `~/p$` + `/p/`: Kong plain paths are string prefixes; these two equal PathPrefix `/p`.
    paths: [...route.kongPaths],
    ...hostMatch(route, behindCloudfront),
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

/** Ids of the decK entities every service uses for mutual TLS with the gateway. */
export interface GatewayTlsIds {
  readonly caCertificateId: string;
  readonly clientCertificateId: string;
}

/**
 * One Kong service per backend, all reaching the gateway upstream over mutual TLS: Kong verifies the
 * listener certificate against the environment's CA (name = the upstream's host_header, chain at most
 * `tls_verify_depth` deep) and presents its own client certificate, which the listener demands.
 */
export function kongServices(
  env: EnvironmentModel,
  tags: readonly string[],
  tls: GatewayTlsIds,
): KongService[] {
  return env.services.map((backend: BackendModel) => {
    const backendRoutes = env.routes.filter(
      (r) => r.backend.namespace === backend.namespace && r.backend.name === backend.name,
    );
    const routes = backendRoutes.map((r) =>
      kongRoute(
        r,
        tags,
        kongBehindCloudfront(env),
        { redis: env.kong.ecsFargate?.redis, managedCache: env.kong.managedCache },
        backend.sharedSecretHeader,
      ),
    );
    const timeoutMs = kongServiceTimeoutMs(backendRoutes);
    return {
      name: kongServiceName(backend),
      protocol: env.kong.upstream.protocol,
      host: upstreamName(env),
      port: env.kong.upstream.port,
      tls_verify: true,
      tls_verify_depth: env.kong.upstream.tlsVerifyDepth,
      ca_certificates: [tls.caCertificateId],
      client_certificate: tls.clientCertificateId,
      ...(timeoutMs === undefined ? {} : { read_timeout: timeoutMs, write_timeout: timeoutMs }),
      tags: [...tags],
      ...(routes.length > 0 ? { routes } : {}),
    };
  });
}
