import type { EnvironmentModel } from '@routeplane/catalog';
import type { KongCaCertificate, KongUpstream } from '@routeplane/deck-types';
import { v5 as uuidv5 } from 'uuid';
import { hostValue } from './env-ref.js';
import { DeckRenderError } from './errors.js';

/** Namespace for name-based UUIDs of routeplane's decK entities (fixed forever: ids must not move). */
const routeplaneNamespace = 'a7d3c1e2-5b4f-4c8e-9a61-2f0e7b9d4c35';

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

/** The gateway CA as a decK entity with a stable id derived from the PEM (services reference it by id). */
export function gatewayCaCertificate(
  env: EnvironmentModel,
  tags: readonly string[],
): KongCaCertificate | undefined {
  const pem = env.kong.upstream.caCertificatePem;
  if (pem === undefined) return undefined;
  if (/PRIVATE KEY/.test(pem)) {
    throw new DeckRenderError(
      `environment ${env.name}: kong.upstream.caCertificateFile must hold only the CA certificate, but it contains a private key`,
    );
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
    throw new DeckRenderError(
      `environment ${env.name}: kong.upstream.caCertificateFile must be a PEM certificate (-----BEGIN CERTIFICATE-----)`,
    );
  }
  const cert = pem.trim();
  return { id: uuidv5(`ca-certificate:${cert}`, routeplaneNamespace), cert, tags: [...tags] };
}
