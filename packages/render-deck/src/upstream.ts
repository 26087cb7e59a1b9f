import type { KongUpstream } from '@routeplane/deck-types';
import type { EnvironmentModel } from '@routeplane/model';
import { hostValue } from './env-ref.js';

/**
 * Name of the Kong upstream in front of the Istio gateway's NLB. Kong services point at it
 * instead of at the NLB, because only an upstream carries `host_header` (see gatewayUpstream).
 */
export function upstreamName(env: EnvironmentModel): string {
  return `${env.gateway.name}.${env.gateway.namespace}.routeplane`;
}

/**
 * Every service reaches the same internal NLB. The Gateway listener only accepts its own hostname
 * (and its certificate names only that), so Kong must send Host and SNI = the listener hostname
 * while connecting to the NLB's address. Kong derives both from one value: the upstream's
 * `host_header` becomes the balancer hostname, which Kong sends as Host and which its nginx template
 * uses as `proxy_ssl_name` (SNI and the name checked when tls_verify is on). Service-level fields
 * cannot do this: with a plain host Kong would send the NLB name, which the listener rejects, and
 * `preserve_host` would forward the client's Host instead.
 */
export function gatewayUpstream(env: EnvironmentModel, tags: readonly string[]): KongUpstream {
  const { upstream } = env.kong;
  return {
    name: upstreamName(env),
    host_header: upstream.sni,
    targets: [{ target: `${hostValue(upstream.host)}:${upstream.port}`, tags: [...tags] }],
    tags: [...tags],
  };
}
