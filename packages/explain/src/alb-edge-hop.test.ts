import { describe, expect, it } from 'vitest';
import { albEdge, albEdgeHop } from './alb-edge-hop.js';
import type { RenderedEnv } from './rendered-env.js';

const env = (resource: Record<string, unknown>): RenderedEnv => ({
  name: 'dev',
  objects: [],
  terraform: { file: 'generated/terraform/dev/main.tf.json', doc: { resource } },
});
const rendered = {
  aws_lb: { alb_edge: { load_balancer_type: 'application', internal: false } },
  aws_acm_certificate: { alb_certificate: { domain_name: 'api.dev.example.com' } },
  aws_lb_listener: {
    alb_http_redirect: { protocol: 'HTTP' },
    alb_https_listener: {
      protocol: 'HTTPS',
      ssl_policy: 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06',
    },
  },
  aws_lb_target_group_attachment: { a: {}, b: {}, c: {} },
  aws_wafv2_web_acl_association: { alb_web_acl_association: {} },
};

describe('albEdgeHop (aws.edge.kind alb)', () => {
  it('is the entry only for an internet-facing application load balancer with a certificate', () => {
    expect(albEdge(env(rendered))).toEqual({
      domain: 'api.dev.example.com',
      sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06',
      targets: 3,
      wafAssociated: true,
    });
    const internal = {
      ...rendered,
      aws_lb: { x: { load_balancer_type: 'application', internal: true } },
    };
    expect(albEdge(env(internal))).toBeUndefined();
    const network = {
      ...rendered,
      aws_lb: { x: { load_balancer_type: 'network', internal: false } },
    };
    expect(albEdge(env(network))).toBeUndefined();
    expect(albEdge(env({}))).toBeUndefined();
  });

  it("hands Kong the client's Host (the ALB keeps it), or the ALB's domain when none is given", () => {
    const alb = albEdge(env(rendered));
    if (alb === undefined) throw new Error('no ALB read');
    expect(albEdgeHop(alb, { method: 'GET', path: '/' }).next).toEqual({
      host: 'api.dev.example.com',
    });
    const result = albEdgeHop(alb, { method: 'GET', path: '/', host: 'api.example.com' });
    expect(result.hop.status).toBe('pass');
    expect(result.next).toEqual({ host: 'api.example.com' });
  });

  it('stops at an ALB without its WAF', () => {
    const { aws_wafv2_web_acl_association: _, ...bare } = rendered;
    const alb = albEdge(env(bare));
    if (alb === undefined) throw new Error('no ALB read');
    const result = albEdgeHop(alb, { method: 'GET', path: '/' });
    expect(result.hop.status).toBe('fail');
    expect(result.hop.lines).toContain('NO WAF web ACL is associated with the ALB');
    expect(result.next).toBeUndefined();
  });
});
