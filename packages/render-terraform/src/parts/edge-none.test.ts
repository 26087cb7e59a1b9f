import type { RouteCatalog as CatalogData } from '@routeplane/catalog';
import { fixtureEnvironment } from '@routeplane/catalog/testing';
import { describe, expect, it } from 'vitest';
import { resource, resources, synth } from '../terraform-json.fixture.js';

type Group = { environment?: { name: string; value: string }[] };

const groupsOf = (tf: ReturnType<typeof synth>) =>
  resource(tf, 'konnect_cloud_gateway_configuration', 'cloud_gateway_configuration')
    .dataplane_groups as Group[];

/** dev without an edge (prod keeps CloudFront, so the origin secret stays in use). */
function devWithoutEdge(c: CatalogData): void {
  const [dev] = c.environments;
  if (dev) dev.aws = { ...dev.aws, edge: { kind: 'none' } };
}

describe('aws.edge.kind none', () => {
  const edgeless = fixtureEnvironment(devWithoutEdge);

  it('renders no CloudFront, no WAF and no viewer-host function, but keeps the custom domain', () => {
    const tf = synth(edgeless);
    expect(resources(tf, 'aws_cloudfront_distribution')).toEqual({});
    expect(resources(tf, 'aws_cloudfront_function')).toEqual({});
    expect(resources(tf, 'aws_wafv2_web_acl')).toEqual({});
    expect(edgeless.aws.edge).toEqual({
      kind: 'none',
      kongProxyDomain: 'proxy.dev.example.com',
    });
    expect(resource(tf, 'konnect_cloud_gateway_custom_domain', 'proxy_custom_domain').domain).toBe(
      'proxy.dev.example.com',
    );
  });

  it('trusts no X-Forwarded-For: nothing sits in front of the data planes', () => {
    const tf = synth(edgeless);
    expect(groupsOf(tf).map((g) => g.environment)).toEqual([undefined]);
    expect(tf.data?.aws_ec2_managed_prefix_list).toBeUndefined();
  });

  it('trusts the sources kong.trustedIps names (a proxy of your own)', () => {
    const tf = synth(
      fixtureEnvironment((c) => {
        devWithoutEdge(c);
        c.kong.trustedIps = ['203.0.113.0/24'];
      }),
    );
    expect(groupsOf(tf)[0]?.environment).toContainEqual({
      name: 'KONG_TRUSTED_IPS',
      value: '203.0.113.0/24',
    });
  });

  it('leaves the model without the CloudFront origin check', () => {
    expect(edgeless.aws.edge?.kind).toBe('none');
    expect(edgeless.kong.cloudfrontOriginHeader).toBeUndefined();
    expect(edgeless.kong.requiredEnv).not.toContain('DECK_CLOUDFRONT_ORIGIN_SECRET');
    expect(fixtureEnvironment().aws.edge?.kind).toBe('cloudfront');
    expect(fixtureEnvironment().kong.requiredEnv).toContain('DECK_CLOUDFRONT_ORIGIN_SECRET');
  });
});
