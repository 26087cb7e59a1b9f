import { fixtureEnvironment } from '@routeplane/catalog/testing';
import { describe, expect, it } from 'vitest';
import { ref, resource, resources, synth } from './terraform-json.fixture.js';

describe('network and private connectivity to Kong', () => {
  const tf = synth(fixtureEnvironment());

  it('spreads public and private subnets over the three AZ ids with load balancer tags', () => {
    const subnets = Object.values(resources(tf, 'aws_subnet'));
    const byRole = (tag: string) =>
      subnets
        .filter((s) => (s.tags as Record<string, string>)[tag] === '1')
        .map((s) => s.availability_zone_id);
    expect(byRole('kubernetes.io/role/elb')).toEqual(['euw1-az1', 'euw1-az2', 'euw1-az3']);
    expect(byRole('kubernetes.io/role/internal-elb')).toEqual(['euw1-az1', 'euw1-az2', 'euw1-az3']);
    expect(Object.keys(resources(tf, 'aws_nat_gateway'))).toHaveLength(3);
  });

  it('routes every private route table to Kong through the Transit Gateway once attached', () => {
    const routes = Object.entries(resources(tf, 'aws_route')).filter(([name]) =>
      name.startsWith('kong_route_'),
    );
    expect(routes).toHaveLength(3);
    for (const [, route] of routes) {
      expect(route).toMatchObject({
        destination_cidr_block: '192.168.0.0/16',
        transit_gateway_id: ref('aws_ec2_transit_gateway.transit_gateway.id'),
        depends_on: ['aws_ec2_transit_gateway_vpc_attachment.transit_gateway_vpc_attachment'],
      });
    }
    expect(
      resource(tf, 'aws_ec2_transit_gateway_vpc_attachment', 'transit_gateway_vpc_attachment')
        .subnet_ids,
    ).toEqual([
      ref('aws_subnet.private_subnet_euw1_az1.id'),
      ref('aws_subnet.private_subnet_euw1_az2.id'),
      ref('aws_subnet.private_subnet_euw1_az3.id'),
    ]);
    expect(resource(tf, 'aws_ec2_transit_gateway', 'transit_gateway')).toMatchObject({
      amazon_side_asn: 64512,
      auto_accept_shared_attachments: 'enable',
    });
  });

  it("shares the Transit Gateway with Kong's AWS account read from Konnect, never pasted", () => {
    expect(
      resource(tf, 'aws_ram_principal_association', 'transit_gateway_share_kong').principal,
    ).toBe(ref('local.kong_aws_account_id'));
    expect(tf.locals?.kong_aws_account_id).toBe(
      ref(
        '[for account in data.konnect_cloud_gateway_provider_account_list.kong_provider_accounts.data : account if account.provider == "aws"][0].provider_account_id',
      ),
    );
    expect(tf.data.konnect_cloud_gateway_provider_account_list).toHaveProperty(
      'kong_provider_accounts',
    );
    expect(resource(tf, 'aws_ram_resource_association', 'transit_gateway_share_resource')).toEqual({
      resource_arn: ref('aws_ec2_transit_gateway.transit_gateway.arn'),
      resource_share_arn: ref('aws_ram_resource_share.transit_gateway_share.arn'),
    });
  });

  it('creates the Konnect control plane for cloud gateways and its network in the AZ ids', () => {
    expect(resource(tf, 'konnect_gateway_control_plane', 'control_plane')).toMatchObject({
      cluster_type: 'CLUSTER_TYPE_CONTROL_PLANE',
      cloud_gateway: true,
    });
    expect(resource(tf, 'konnect_cloud_gateway_network', 'cloud_gateway_network')).toEqual({
      provider: 'konnect',
      name: 'kong-cloud-gw-dev-eu-west-1',
      cloud_gateway_provider_account_id: ref('local.kong_provider_account_id'),
      region: 'eu-west-1',
      availability_zones: ['euw1-az1', 'euw1-az2', 'euw1-az3'],
      cidr_block: '192.168.0.0/16',
      depends_on: ['konnect_gateway_control_plane.control_plane'],
    });
  });

  it('runs the data planes on autopilot with the catalog base RPS', () => {
    expect(
      resource(tf, 'konnect_cloud_gateway_configuration', 'cloud_gateway_configuration'),
    ).toMatchInlineSnapshot(`
      {
        "api_access": "public",
        "control_plane_geo": "eu",
        "control_plane_id": "\${konnect_gateway_control_plane.control_plane.id}",
        "dataplane_groups": [
          {
            "autoscale": {
              "configuration_data_plane_group_autoscale_autopilot": {
                "base_rps": 100,
                "kind": "autopilot",
              },
            },
            "cloud_gateway_network_id": "\${konnect_cloud_gateway_network.cloud_gateway_network.id}",
            "environment": [
              {
                "name": "KONG_REAL_IP_HEADER",
                "value": "X-Forwarded-For",
              },
              {
                "name": "KONG_REAL_IP_RECURSIVE",
                "value": "on",
              },
              {
                "name": "KONG_TRUSTED_IPS",
                "value": "\${join(",", [for entry in data.aws_ec2_managed_prefix_list.cloudfront_origin_facing.entries : entry.cidr])}",
              },
            ],
            "provider": "aws",
            "region": "eu-west-1",
          },
        ],
        "kind": "dedicated.v0",
        "provider": "konnect",
        "version": "3.12",
      }
    `);
  });

  it('tells Kong to trust client addresses only from the catalog trusted IPs', () => {
    const env = fixtureEnvironment((c) => {
      c.kong.trustedIps = ['130.176.0.0/17', '15.158.0.0/16'];
    });
    const config = resource(
      synth(env),
      'konnect_cloud_gateway_configuration',
      'cloud_gateway_configuration',
    );
    const [group] = config.dataplane_groups as Record<string, unknown>[];
    expect(group?.environment).toEqual([
      { name: 'KONG_REAL_IP_HEADER', value: 'X-Forwarded-For' },
      { name: 'KONG_REAL_IP_RECURSIVE', value: 'on' },
      { name: 'KONG_TRUSTED_IPS', value: '130.176.0.0/17,15.158.0.0/16' },
    ]);
  });

  it('trusts CloudFront origin-facing ranges from the AWS managed prefix list by default', () => {
    const rendered = synth(fixtureEnvironment());
    const data = (rendered as { data?: Record<string, Record<string, unknown>> }).data;
    expect(data?.aws_ec2_managed_prefix_list?.cloudfront_origin_facing).toEqual({
      name: 'com.amazonaws.global.cloudfront.origin-facing',
    });
    const config = resource(
      rendered,
      'konnect_cloud_gateway_configuration',
      'cloud_gateway_configuration',
    );
    const [group] = config.dataplane_groups as Record<string, unknown>[];
    expect(group?.environment).toContainEqual({
      name: 'KONG_TRUSTED_IPS',
      value: ref(
        'join(",", [for entry in data.aws_ec2_managed_prefix_list.cloudfront_origin_facing.entries : entry.cidr])',
      ),
    });
  });

  it('requests the Kong attachment only after the share, the VPC attachment and the data planes', () => {
    expect(
      resource(tf, 'konnect_cloud_gateway_transit_gateway', 'cloud_gateway_transit_gateway'),
    ).toMatchInlineSnapshot(`
        {
          "aws_transit_gateway": {
            "cidr_blocks": [
              "10.20.0.0/16",
            ],
            "name": "cluster-dev-transit-gateway",
            "transit_gateway_attachment_config": {
              "kind": "aws-transit-gateway-attachment",
              "ram_share_arn": "\${aws_ram_resource_share.transit_gateway_share.arn}",
              "transit_gateway_id": "\${aws_ec2_transit_gateway.transit_gateway.id}",
            },
          },
          "depends_on": [
            "aws_ec2_transit_gateway_vpc_attachment.transit_gateway_vpc_attachment",
            "aws_ram_resource_association.transit_gateway_share_resource",
            "aws_ram_principal_association.transit_gateway_share_kong",
            "konnect_cloud_gateway_configuration.cloud_gateway_configuration",
          ],
          "network_id": "\${konnect_cloud_gateway_network.cloud_gateway_network.id}",
          "provider": "konnect",
        }
      `);
  });
});
