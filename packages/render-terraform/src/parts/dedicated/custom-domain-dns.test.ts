import { fixtureEnvironment } from '@routeplane/catalog/testing';
import { describe, expect, it } from 'vitest';
import { ref, resource, resources, synth } from '../../terraform-json.fixture.js';

describe("the Konnect custom domain's DNS", () => {
  const tf = synth(
    fixtureEnvironment((c) => {
      if (c.aws.edge) {
        c.aws.edge.kongDomainDns = {
          publicZone: 'example.com',
          edgeTarget: 'dev.edge.gateways.example.net',
          acmeChallengeTarget: 'dev.acme.gateways.example.net',
        };
      }
      const [, prod] = c.environments;
      if (prod?.aws?.edge) {
        prod.aws.edge.kongDomainDns = {
          publicZone: 'example.com',
          edgeTarget: 'prod.edge.gateways.example.net',
          acmeChallengeTarget: 'prod.acme.gateways.example.net',
        };
      }
    }),
  );
  const domain = resource(tf, 'konnect_cloud_gateway_custom_domain', 'proxy_custom_domain');

  it('writes the edge CNAME and the _acme-challenge CNAME in the public zone the catalog names', () => {
    const zone = ref('data.aws_route53_zone.kong_domain_public_zone.zone_id');
    expect(tf.data.aws_route53_zone?.kong_domain_public_zone).toEqual({
      name: 'example.com',
      private_zone: false,
    });
    expect(resources(tf, 'aws_route53_record')).toEqual({
      kong_domain_edge_record: {
        zone_id: zone,
        name: domain.domain,
        type: 'CNAME',
        ttl: 300,
        records: ['dev.edge.gateways.example.net'],
      },
      kong_domain_acme_challenge_record: {
        zone_id: zone,
        name: `_acme-challenge.${String(domain.domain)}`,
        type: 'CNAME',
        ttl: 300,
        records: ['dev.acme.gateways.example.net'],
      },
    });
  });

  it('registers the domain once its records exist, and CloudFront connects to it', () => {
    expect(domain.depends_on).toEqual([
      'konnect_cloud_gateway_configuration.cloud_gateway_configuration',
      'aws_route53_record.kong_domain_edge_record',
      'aws_route53_record.kong_domain_acme_challenge_record',
    ]);
    const [origin] = resource(tf, 'aws_cloudfront_distribution', 'distribution').origin as {
      domain_name: string;
    }[];
    expect(origin?.domain_name).toBe(domain.domain);
  });

  it('renders no record without kongDomainDns', () => {
    expect(resources(synth(fixtureEnvironment()), 'aws_route53_record')).toEqual({});
  });
});
