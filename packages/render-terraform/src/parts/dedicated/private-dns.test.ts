import { fixtureEnvironment, usWest2Region } from '@routeplane/catalog/testing';
import type { KongConnectivity } from '@routeplane/model';
import { describe, expect, it } from 'vitest';
import { ref, resource, resources, synth } from '../../terraform-json.fixture.js';

const gated = ref('var.gateway_nlb_dns_name == "" ? 0 : 1');

function synthWithZone(connectivity: KongConnectivity = 'transitGateway') {
  return synth(
    fixtureEnvironment((c) => {
      delete c.kong.upstream.hostEnv;
      c.kong.upstream.privateDnsZone = 'internal.example.com';
      for (const env of c.environments) delete env.upstreamHost;
      const [dev] = c.environments;
      if (!dev) throw new Error('fixture has no dev');
      dev.connectivity = connectivity;
      dev.dataPlaneRegions = [usWest2Region()];
    }),
  );
}

describe('private DNS for the gateway hostname', () => {
  const tf = synthWithZone();

  it('puts the certificate name in a private zone on the cluster VPC, as a CNAME to the NLB', () => {
    expect(resource(tf, 'aws_route53_zone', 'gateway_private_zone')).toMatchObject({
      name: 'internal.example.com',
      vpc: [{ vpc_id: ref('aws_vpc.vpc.id') }],
    });
    expect(resource(tf, 'aws_route53_record', 'gateway_private_record')).toEqual({
      count: gated,
      zone_id: ref('aws_route53_zone.gateway_private_zone.zone_id'),
      name: 'gateway.internal.example.com',
      type: 'CNAME',
      ttl: 60,
      records: [ref('var.gateway_nlb_dns_name')],
    });
  });

  it("authorizes each Konnect network's VPC on the zone, then attaches the zone to the network", () => {
    expect(resources(tf, 'aws_route53_vpc_association_authorization')).toEqual({
      kong_private_zone_authorization: {
        count: gated,
        zone_id: ref('aws_route53_zone.gateway_private_zone.zone_id'),
        vpc_id: ref('konnect_cloud_gateway_network.cloud_gateway_network.provider_metadata.vpc_id'),
        vpc_region: 'eu-west-1',
      },
      kong_private_zone_authorization_us_west_2: {
        count: gated,
        zone_id: ref('aws_route53_zone.gateway_private_zone.zone_id'),
        vpc_id: ref(
          'konnect_cloud_gateway_network.cloud_gateway_network_us_west_2.provider_metadata.vpc_id',
        ),
        vpc_region: 'us-west-2',
      },
    });
    expect(
      resource(tf, 'konnect_cloud_gateway_private_dns', 'cloud_gateway_private_dns_us_west_2'),
    ).toEqual({
      provider: 'konnect',
      count: gated,
      name: 'internal.example.com (us-west-2)',
      network_id: ref('konnect_cloud_gateway_network.cloud_gateway_network_us_west_2.id'),
      private_dns_attachment_config: {
        aws_private_hosted_zone_attachment_config: {
          kind: 'aws-private-hosted-zone-attachment',
          hosted_zone_id: ref('aws_route53_zone.gateway_private_zone.zone_id'),
        },
      },
      depends_on: [
        'aws_route53_vpc_association_authorization.kong_private_zone_authorization_us_west_2',
      ],
    });
  });

  it('declares the NLB name input once, however many parts need it', () => {
    const endpoint = synth(
      fixtureEnvironment((c) => {
        delete c.kong.upstream.hostEnv;
        c.kong.upstream.privateDnsZone = 'internal.example.com';
        for (const env of c.environments) delete env.upstreamHost;
        const [dev] = c.environments;
        if (dev) dev.connectivity = 'privateEndpoint';
      }),
    );
    expect(Object.keys(endpoint.variable ?? {})).toEqual([
      'cloudfront_origin_secret',
      'gateway_nlb_dns_name',
    ]);
    // Kong maps the certificate's name to the shared resource: no private DNS attachment.
    expect(resources(endpoint, 'konnect_cloud_gateway_private_dns')).toEqual({});
    const attachment = resource(
      endpoint,
      'konnect_cloud_gateway_transit_gateway',
      'cloud_gateway_resource_endpoint',
    );
    expect(JSON.stringify(attachment)).toContain('"domain_name":"gateway.internal.example.com"');
  });

  it('renders no zone without privateDnsZone', () => {
    const plain = synth(fixtureEnvironment());
    expect(resources(plain, 'aws_route53_zone')).toEqual({});
    expect(resources(plain, 'konnect_cloud_gateway_private_dns')).toEqual({});
  });
});
