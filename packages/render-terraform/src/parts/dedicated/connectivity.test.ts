import { fixtureEnvironment, usWest2Region } from '@routeplane/catalog/testing';
import type { KongConnectivity } from '@routeplane/model';
import { afterAll, describe, expect, it } from 'vitest';
import { haveTerraform, terraformScratch } from '../../terraform-cli.fixture.js';
import { ref, resource, resources, synth } from '../../terraform-json.fixture.js';

function synthWith(connectivity: KongConnectivity, regions = false) {
  return synth(
    fixtureEnvironment((c) => {
      const [dev] = c.environments;
      if (!dev) throw new Error('fixture has no dev');
      dev.connectivity = connectivity;
      if (regions) dev.dataPlaneRegions = [usWest2Region()];
    }),
  );
}

const nlbGroup = ref('aws_security_group.gateway_nlb_security_group.id');

/** Sources the gateway NLB's security group admits: CIDRs and referenced groups. */
function nlbSources(tf: ReturnType<typeof synth>): unknown[] {
  return Object.values(resources(tf, 'aws_vpc_security_group_ingress_rule'))
    .filter((r) => r.security_group_id === nlbGroup)
    .map((r) => r.cidr_ipv4 ?? r.referenced_security_group_id);
}

/** Attachment variants of Kong's side: the key beside network_id. */
function attachmentKinds(tf: ReturnType<typeof synth>): string[] {
  return Object.values(resources(tf, 'konnect_cloud_gateway_transit_gateway')).map(
    (r) => Object.keys(r).find((k) => k.startsWith('aws_')) ?? '',
  );
}

describe.each<[KongConnectivity, string[]]>([
  ['transitGateway', ['aws_transit_gateway']],
  ['vpcPeering', ['aws_vpc_peering_gateway']],
  ['privateEndpoint', ['aws_resource_endpoint_gateway']],
])('connectivity %s', (connectivity, kinds) => {
  const tf = synthWith(connectivity);

  it("renders only its own variant of Kong's attachment", () => {
    expect(attachmentKinds(tf)).toEqual(kinds);
  });

  it('builds a Transit Gateway only when it is the chosen path', () => {
    expect(Object.keys(resources(tf, 'aws_ec2_transit_gateway')).length > 0).toBe(
      connectivity === 'transitGateway',
    );
    expect(Object.keys(resources(tf, 'aws_vpc_peering_connection_accepter')).length > 0).toBe(
      connectivity === 'vpcPeering',
    );
    expect(Object.keys(resources(tf, 'aws_vpclattice_resource_gateway')).length > 0).toBe(
      connectivity === 'privateEndpoint',
    );
  });
});

describe('vpcPeering', () => {
  const tf = synthWith('vpcPeering', true);

  it('asks Kong to peer each network with the cluster VPC in this account and region', () => {
    expect(
      resource(tf, 'konnect_cloud_gateway_transit_gateway', 'cloud_gateway_vpc_peering_us_west_2'),
    ).toMatchObject({
      network_id: ref('konnect_cloud_gateway_network.cloud_gateway_network_us_west_2.id'),
      aws_vpc_peering_gateway: {
        cidr_blocks: ['10.20.0.0/16'],
        transit_gateway_attachment_config: {
          kind: 'aws-vpc-peering-attachment',
          peer_account_id: ref('data.aws_caller_identity.current.account_id'),
          peer_vpc_id: ref('aws_vpc.vpc.id'),
          peer_vpc_region: 'eu-west-1',
        },
      },
      depends_on: ['konnect_cloud_gateway_configuration.cloud_gateway_configuration'],
    });
  });

  it("waits for Kong's request, finds it by both ends and accepts it", () => {
    const wait = resource(tf, 'terraform_data', 'kong_vpc_peering_requested');
    expect(wait.depends_on).toEqual([
      'konnect_cloud_gateway_transit_gateway.cloud_gateway_vpc_peering',
    ]);
    const [provisioner] = wait.provisioner as { 'local-exec': { command: string } }[];
    expect(provisioner?.['local-exec'].command).toBe(
      `aws ec2 wait vpc-peering-connection-exists --region eu-west-1 --filters Name=accepter-vpc-info.vpc-id,Values=${ref('aws_vpc.vpc.id')} Name=requester-vpc-info.cidr-block,Values=192.168.0.0/16 Name=status-code,Values=initiating-request,pending-acceptance,provisioning,active`,
    );
    expect(tf.data.aws_vpc_peering_connection?.kong_vpc_peering).toMatchObject({
      peer_vpc_id: ref('aws_vpc.vpc.id'),
      cidr_block: '192.168.0.0/16',
      depends_on: ['terraform_data.kong_vpc_peering_requested'],
    });
    expect(
      resource(tf, 'aws_vpc_peering_connection_accepter', 'kong_vpc_peering_accepter'),
    ).toMatchObject({
      vpc_peering_connection_id: ref('data.aws_vpc_peering_connection.kong_vpc_peering.id'),
      auto_accept: true,
    });
  });

  it("routes every private subnet to each Kong network over its peering, and admits only Kong's CIDRs", () => {
    const routes = Object.entries(resources(tf, 'aws_route'))
      .filter(([name]) => name.startsWith('kong_'))
      .map(([, r]) => [r.destination_cidr_block, r.vpc_peering_connection_id]);
    const home = ref('aws_vpc_peering_connection_accepter.kong_vpc_peering_accepter.id');
    const westPeering = ref(
      'aws_vpc_peering_connection_accepter.kong_vpc_peering_accepter_us_west_2.id',
    );
    expect(routes).toEqual([
      ...Array(3).fill(['192.168.0.0/16', home]),
      ...Array(3).fill(['192.169.0.0/16', westPeering]),
    ]);
    expect(nlbSources(tf)).toEqual(['192.168.0.0/16', '192.169.0.0/16']);
  });
});

describe('privateEndpoint', () => {
  const tf = synthWith('privateEndpoint');
  const gated = ref('var.gateway_nlb_dns_name == "" ? 0 : 1');

  it("admits only the resource gateway's security group at the NLB: no CIDR, no route to Kong", () => {
    expect(nlbSources(tf)).toEqual([
      ref('aws_security_group.kong_resource_gateway_security_group.id'),
    ]);
    expect(Object.keys(resources(tf, 'aws_route')).filter((n) => n.startsWith('kong_'))).toEqual(
      [],
    );
    expect(
      resource(tf, 'aws_vpc_security_group_egress_rule', 'kong_resource_gateway_to_nlb_443'),
    ).toMatchObject({ referenced_security_group_id: nlbGroup, from_port: 443, to_port: 443 });
  });

  it('shares a resource configuration naming the NLB by DNS name, and maps that name for Kong', () => {
    expect(
      resource(tf, 'aws_vpclattice_resource_configuration', 'kong_resource_configuration'),
    ).toMatchObject({
      count: gated,
      type: 'SINGLE',
      port_ranges: ['443'],
      protocol: 'TCP',
      resource_gateway_identifier: ref('aws_vpclattice_resource_gateway.kong_resource_gateway.id'),
      resource_configuration_definition: [
        {
          dns_resource: [{ domain_name: ref('var.gateway_nlb_dns_name'), ip_address_type: 'IPV4' }],
        },
      ],
    });
    expect(
      resource(tf, 'aws_ram_resource_association', 'kong_resource_endpoint_share_resource'),
    ).toMatchObject({
      count: gated,
      resource_arn: ref('aws_vpclattice_resource_configuration.kong_resource_configuration[0].arn'),
    });
    expect(
      resource(tf, 'konnect_cloud_gateway_transit_gateway', 'cloud_gateway_resource_endpoint'),
    ).toMatchObject({
      count: gated,
      aws_resource_endpoint_gateway: {
        transit_gateway_attachment_config: {
          kind: 'aws-resource-endpoint-attachment',
          ram_share_arn: ref('aws_ram_resource_share.kong_resource_endpoint_share.arn'),
          resource_config: [
            {
              domain_name: ref('var.gateway_nlb_dns_name'),
              resource_config_id: ref(
                'aws_vpclattice_resource_configuration.kong_resource_configuration[0].id',
              ),
            },
          ],
        },
      },
    });
  });

  describe.runIf(haveTerraform())('the NLB name input under real Terraform', () => {
    const variable = tf.variable?.gateway_nlb_dns_name;
    const scratch = terraformScratch(
      {
        variable: { gateway_nlb_dns_name: variable },
        resource: { terraform_data: { gate: { count: gated } } },
      },
      process.env.PATH ?? '',
    );
    afterAll(() => scratch.remove());

    it('creates nothing while empty, the endpoint once set, and refuses anything else', () => {
      scratch.run('init', '-input=false');
      expect(scratch.run('plan', '-input=false')).toContain('No changes');
      const name = 'k8s-istioing-kongclou-0123456789.elb.eu-west-1.amazonaws.com';
      expect(scratch.run('plan', '-input=false', `-var=gateway_nlb_dns_name=${name}`)).toContain(
        '1 to add',
      );
      expect(() =>
        scratch.run('plan', '-input=false', '-var=gateway_nlb_dns_name=gateway.internal'),
      ).toThrow('gateway_nlb_dns_name must be empty or an ELB DNS name');
    });
  });
});
