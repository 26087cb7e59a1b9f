import { describe, expect, it } from 'vitest';
import { directEdgeHop, directKongDomain } from './direct-edge-hop.js';
import type { RenderedEnv } from './rendered-env.js';

const env = (resource: Record<string, unknown>): RenderedEnv => ({
  name: 'dev',
  objects: [],
  terraform: { file: 'generated/terraform/dev/main.tf.json', doc: { resource } },
});
const domain = {
  konnect_cloud_gateway_custom_domain: { proxy_custom_domain: { domain: 'proxy.example.com' } },
};

describe('directEdgeHop (aws.edge.kind none)', () => {
  it('is the entry only for a Konnect custom domain without CloudFront', () => {
    expect(directKongDomain(env(domain))).toBe('proxy.example.com');
    expect(
      directKongDomain(env({ ...domain, aws_cloudfront_distribution: { distribution: {} } })),
    ).toBeUndefined();
    expect(directKongDomain(env({}))).toBeUndefined();
  });

  it("hands Kong the client's Host, or the custom domain when none is given", () => {
    expect(directEdgeHop('proxy.example.com', { method: 'GET', path: '/' }).next).toEqual({
      host: 'proxy.example.com',
    });
    const result = directEdgeHop('proxy.example.com', {
      method: 'GET',
      path: '/',
      host: 'api.example.com',
    });
    expect(result.hop.status).toBe('pass');
    expect(result.next).toEqual({ host: 'api.example.com' });
  });
});
