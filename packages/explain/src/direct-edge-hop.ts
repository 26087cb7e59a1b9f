import type { EdgeOutput } from './edge-hop.js';
import type { ExplainRequest, HopResult } from './explanation.js';
import { at, isObject, type Json, str } from './json.js';
import type { RenderedEnv } from './rendered-env.js';

function first(value: unknown): Json | undefined {
  return isObject(value) ? Object.values(value).find(isObject) : undefined;
}

/** The Konnect custom domain clients call when no CloudFront is rendered (aws.edge.kind none). */
export function directKongDomain(env: RenderedEnv): string | undefined {
  const resources = at(env.terraform?.doc, 'resource');
  if (first(at(resources, 'aws_cloudfront_distribution')) !== undefined) return undefined;
  return str(first(at(resources, 'konnect_cloud_gateway_custom_domain'))?.domain);
}

/**
 * Hop 1 for a Dedicated Cloud Gateway without an edge: the client connects to Kong's public
 * endpoint by its custom domain. No CDN, no WAF, no header added: Kong sees the client's Host.
 */
export function directEdgeHop(
  domain: string,
  request: ExplainRequest,
): HopResult<EdgeOutput> & { next: EdgeOutput } {
  const host = request.host ?? domain;
  return {
    hop: {
      title: "Kong's public endpoint (no edge)",
      status: 'pass',
      lines: [
        `client -> ${domain} (Konnect custom domain, Kong's own public endpoint): no CDN, no WAF, no origin secret`,
        `Host sent: ${host}`,
      ],
    },
    next: { host },
  };
}
