import { fixtureEnvironment, withSecondRegion } from '@routeplane/catalog/testing';
import { describe, expect, it } from 'vitest';
import { ref, resource, resources, synth } from '../../terraform-json.fixture.js';

function groupsOf(tf: ReturnType<typeof synth>): Record<string, unknown>[] {
  const config = resource(tf, 'konnect_cloud_gateway_configuration', 'cloud_gateway_configuration');
  return config.dataplane_groups as Record<string, unknown>[];
}

describe('data-plane sizing', () => {
  it('renders custom mode as static autoscale with the instance type and count', () => {
    const env = fixtureEnvironment((c) => {
      const [dev] = c.environments;
      if (!dev) throw new Error('fixture has no dev');
      delete dev.dataPlaneBaseRps;
      dev.dataPlaneCustomMode = { instanceType: 'medium', requestedInstances: 3 };
    });
    expect(groupsOf(synth(env)).map((g) => g.autoscale)).toEqual([
      {
        configuration_data_plane_group_autoscale_static: {
          kind: 'static',
          instance_type: 'medium',
          requested_instances: 3,
        },
      },
    ]);
  });
});

describe('several data-plane regions', () => {
  const tf = synth(fixtureEnvironment(withSecondRegion));

  it('puts one data-plane group per region on its own Konnect network, home first', () => {
    expect(groupsOf(tf).map((g) => [g.region, g.cloud_gateway_network_id])).toEqual([
      ['eu-west-1', ref('konnect_cloud_gateway_network.cloud_gateway_network.id')],
      ['us-west-2', ref('konnect_cloud_gateway_network.cloud_gateway_network_us_west_2.id')],
    ]);
    expect(
      resource(tf, 'konnect_cloud_gateway_network', 'cloud_gateway_network_us_west_2'),
    ).toMatchObject({
      region: 'us-west-2',
      cidr_block: '192.169.0.0/16',
      availability_zones: ['usw2-az1', 'usw2-az2', 'usw2-az3'],
      depends_on: ['konnect_gateway_control_plane.control_plane'],
    });
  });

  it("gives the region a Transit Gateway in its region, shared with Kong's account", () => {
    expect(tf.provider.aws).toContainEqual(
      expect.objectContaining({ alias: 'us_west_2', region: 'us-west-2' }),
    );
    expect(resource(tf, 'aws_ec2_transit_gateway', 'transit_gateway_us_west_2')).toMatchObject({
      provider: 'aws.us_west_2',
      amazon_side_asn: 64513,
      auto_accept_shared_attachments: 'enable',
    });
    expect(
      resource(tf, 'aws_ram_principal_association', 'transit_gateway_share_kong_us_west_2'),
    ).toMatchObject({ provider: 'aws.us_west_2', principal: ref('local.kong_aws_account_id') });
    expect(
      resource(
        tf,
        'konnect_cloud_gateway_transit_gateway',
        'cloud_gateway_transit_gateway_us_west_2',
      ),
    ).toMatchObject({
      network_id: ref('konnect_cloud_gateway_network.cloud_gateway_network_us_west_2.id'),
      aws_transit_gateway: {
        cidr_blocks: ['10.20.0.0/16'],
        transit_gateway_attachment_config: {
          kind: 'aws-transit-gateway-attachment',
          transit_gateway_id: ref('aws_ec2_transit_gateway.transit_gateway_us_west_2.id'),
          ram_share_arn: ref('aws_ram_resource_share.transit_gateway_share_us_west_2.arn'),
        },
      },
    });
  });

  it('peers it with the home Transit Gateway and routes both ways once accepted', () => {
    expect(
      resource(
        tf,
        'aws_ec2_transit_gateway_peering_attachment',
        'transit_gateway_peering_us_west_2',
      ),
    ).toMatchObject({
      provider: 'aws.us_west_2',
      peer_region: 'eu-west-1',
      peer_transit_gateway_id: ref('aws_ec2_transit_gateway.transit_gateway.id'),
      transit_gateway_id: ref('aws_ec2_transit_gateway.transit_gateway_us_west_2.id'),
    });
    const accepter = resource(
      tf,
      'aws_ec2_transit_gateway_peering_attachment_accepter',
      'transit_gateway_peering_accepter_us_west_2',
    );
    expect(accepter).not.toHaveProperty('provider');
    const accepted = [
      'aws_ec2_transit_gateway_peering_attachment_accepter.transit_gateway_peering_accepter_us_west_2',
    ];
    expect(resources(tf, 'aws_ec2_transit_gateway_route')).toEqual({
      transit_gateway_route_to_us_west_2: {
        transit_gateway_route_table_id: ref(
          'aws_ec2_transit_gateway.transit_gateway.association_default_route_table_id',
        ),
        destination_cidr_block: '192.169.0.0/16',
        transit_gateway_attachment_id: ref(
          'aws_ec2_transit_gateway_peering_attachment.transit_gateway_peering_us_west_2.id',
        ),
        depends_on: accepted,
      },
      transit_gateway_route_from_us_west_2: {
        provider: 'aws.us_west_2',
        transit_gateway_route_table_id: ref(
          'aws_ec2_transit_gateway.transit_gateway_us_west_2.association_default_route_table_id',
        ),
        destination_cidr_block: '10.20.0.0/16',
        transit_gateway_attachment_id: ref(
          'aws_ec2_transit_gateway_peering_attachment.transit_gateway_peering_us_west_2.id',
        ),
        depends_on: accepted,
      },
    });
    const vpcRoutes = Object.entries(resources(tf, 'aws_route')).filter(([name]) =>
      name.startsWith('kong_route_us_west_2_'),
    );
    expect(vpcRoutes.map(([, r]) => [r.destination_cidr_block, r.transit_gateway_id])).toEqual(
      Array(3).fill(['192.169.0.0/16', ref('aws_ec2_transit_gateway.transit_gateway.id')]),
    );
  });

  it("admits the region's network, and only on the upstream port, at the gateway's NLB", () => {
    const fromKong = Object.values(resources(tf, 'aws_vpc_security_group_ingress_rule'))
      .filter(
        (r) => r.security_group_id === ref('aws_security_group.gateway_nlb_security_group.id'),
      )
      .map((r) => [r.cidr_ipv4, r.from_port, r.to_port]);
    expect(fromKong).toEqual([
      ['192.168.0.0/16', 443, 443],
      ['192.169.0.0/16', 443, 443],
    ]);
  });

  it('renders nothing of this for an environment with only its home region', () => {
    const home = synth(fixtureEnvironment());
    expect(resources(home, 'aws_ec2_transit_gateway_peering_attachment')).toEqual({});
    expect(Object.keys(resources(home, 'konnect_cloud_gateway_network'))).toEqual([
      'cloud_gateway_network',
    ]);
    expect(groupsOf(home)).toHaveLength(1);
  });
});
