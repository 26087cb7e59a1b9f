import type { EdgeOutput } from './edge-hop.js';
import type { ExplainRequest, HopResult } from './explanation.js';
import { at, isObject, type Json, str } from './json.js';
import type { RenderedEnv } from './rendered-env.js';

/** What explain reads of a rendered ALB edge (render-terraform/src/parts/alb-edge.ts). */
export interface AlbEdge {
  readonly domain: string;
  readonly sslPolicy?: string;
  readonly targets: number;
  readonly wafAssociated: boolean;
}

const values = (v: unknown): Json[] => (isObject(v) ? Object.values(v).filter(isObject) : []);

/** The internet-facing ALB clients call (aws.edge.kind alb), or undefined when none is rendered. */
export function albEdge(env: RenderedEnv): AlbEdge | undefined {
  const resources = at(env.terraform?.doc, 'resource');
  const alb = values(at(resources, 'aws_lb')).find(
    (lb) => str(lb.load_balancer_type) === 'application' && lb.internal === false,
  );
  const domain = str(values(at(resources, 'aws_acm_certificate'))[0]?.domain_name);
  if (alb === undefined || domain === undefined) return undefined;
  const https = values(at(resources, 'aws_lb_listener')).find((l) => str(l.protocol) === 'HTTPS');
  const sslPolicy = str(https?.ssl_policy);
  return {
    domain,
    ...(sslPolicy === undefined ? {} : { sslPolicy }),
    targets: values(at(resources, 'aws_lb_target_group_attachment')).length,
    wafAssociated: values(at(resources, 'aws_wafv2_web_acl_association')).length > 0,
  };
}

/**
 * Hop 1 behind an ALB: TLS ends at the ALB, its regional WAF filters, and it forwards to the
 * private IPs of Kong's data planes over the private connection. An ALB keeps the client's Host
 * and adds no secret: Kong matches route hosts on the Host the client sent.
 */
export function albEdgeHop(
  alb: AlbEdge,
  request: ExplainRequest,
): HopResult<EdgeOutput> & { next?: EdgeOutput } {
  const host = request.host ?? alb.domain;
  const lines = [
    `client -> ${alb.domain} (internet-facing ALB, HTTPS ${alb.sslPolicy ?? 'listener'}; port 80 redirects to HTTPS)`,
    alb.wafAssociated
      ? 'regional WAF web ACL associated: rate limit per IP, then the AWS managed rule groups'
      : 'NO WAF web ACL is associated with the ALB',
    `forwards to ${alb.targets} private IP(s) of Kong's data planes over the private connection (Kong's API access is private); Host passes through`,
    `Host sent: ${host}`,
  ];
  const title = 'ALB and regional WAF';
  if (!alb.wafAssociated) return { hop: { title, status: 'fail', lines } };
  return { hop: { title, status: 'pass', lines }, next: { host } };
}
