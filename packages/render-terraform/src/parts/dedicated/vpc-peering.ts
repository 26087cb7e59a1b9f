import { DataAwsVpcPeeringConnection } from '@cdktn/provider-aws/lib/data-aws-vpc-peering-connection/index.js';
import { Route } from '@cdktn/provider-aws/lib/route/index.js';
import { VpcPeeringConnectionAccepterA } from '@cdktn/provider-aws/lib/vpc-peering-connection-accepter/index.js';
import { KonnectCloudGatewayTransitGateway } from '../../bindings/konnect-transit-gateway.js';
import { TerraformData } from '../../bindings/terraform-data.js';
import { shellQuote } from '../../teardown/shell-script.js';
import { idSuffix, type StackContext } from '../context.js';
import {
  type DedicatedConnectivityProps,
  type KongNetwork,
  type KongRouteTarget,
  kongNetworks,
} from './connectivity.js';

/** Peering connections of one Kong network to the VPC that can still carry traffic. */
const liveStates = ['initiating-request', 'pending-acceptance', 'provisioning', 'active'];

/**
 * `vpcPeering`: each Konnect network (home and extra regions) requests a peering connection to the
 * cluster VPC (`aws-vpc-peering-attachment`); Terraform accepts it, routes the private subnets to
 * Kong's CIDR over it and admits that CIDR at the gateway NLB. Kong routes its side from
 * `cidr_blocks`. Peering is not transitive and needs no Transit Gateway.
 */
export function addVpcPeering(
  ctx: StackContext,
  props: DedicatedConnectivityProps,
): KongRouteTarget | undefined {
  const accepters = kongNetworks(ctx, props.konnect).map((net) => addOnePeering(ctx, props, net));
  // The home network comes first.
  const home = accepters[0];
  return home === undefined ? undefined : { vpcPeeringConnectionId: home.id };
}

function addOnePeering(
  ctx: StackContext,
  props: DedicatedConnectivityProps,
  net: KongNetwork,
): VpcPeeringConnectionAccepterA {
  const { stack, env, konnect: provider } = ctx;
  const { vpc, privateRouteTables } = props.network;
  const attachment = new KonnectCloudGatewayTransitGateway(
    stack,
    `cloud_gateway_vpc_peering${net.suffix}`,
    {
      network_id: net.network.id,
      aws_vpc_peering_gateway: {
        name: `${env.aws.cluster.name}-vpc-peering`,
        cidr_blocks: [env.aws.vpcCidr],
        transit_gateway_attachment_config: {
          kind: 'aws-vpc-peering-attachment',
          peer_account_id: ctx.accountId,
          peer_vpc_id: vpc.id,
          peer_vpc_region: env.aws.region,
        },
      },
    },
    // The network is provisioned once a configuration uses it.
    { provider, dependsOn: [props.konnect.configuration] },
  );
  // The provider's create returns on Konnect's 201 without waiting for Kong's account to request
  // the peering connection (internal/provider/cloudgatewaytransitgateway_resource.go at v3.19.0),
  // so the connection id is not known then: wait for the request itself (aws CLI, as the helm
  // provider and the teardown step already need), then read it by its two ends.
  const cidr = net.cidr;
  const requested = new TerraformData(
    stack,
    `kong_vpc_peering_requested${net.suffix}`,
    { input: { network: net.network.id } },
    {
      dependsOn: [attachment],
      provisioners: [
        {
          type: 'local-exec',
          interpreter: ['/bin/sh', '-c'],
          command: [
            'aws ec2 wait vpc-peering-connection-exists',
            `--region ${shellQuote(env.aws.region)}`,
            `--filters Name=accepter-vpc-info.vpc-id,Values=${vpc.id}`,
            `Name=requester-vpc-info.cidr-block,Values=${cidr}`,
            `Name=status-code,Values=${liveStates.join(',')}`,
          ].join(' '),
        },
      ],
    },
  );
  const request = new DataAwsVpcPeeringConnection(stack, `kong_vpc_peering${net.suffix}`, {
    peerVpcId: vpc.id,
    cidrBlock: cidr,
    filter: [{ name: 'status-code', values: liveStates }],
    dependsOn: [requested],
  });
  const accepter = new VpcPeeringConnectionAccepterA(
    stack,
    `kong_vpc_peering_accepter${net.suffix}`,
    {
      vpcPeeringConnectionId: request.id,
      autoAccept: true,
      tags: { Name: `${env.aws.cluster.name}-kong-${net.region}` },
    },
  );
  privateRouteTables.forEach((table, index) => {
    const azId = env.aws.availabilityZoneIds[index] ?? String(index);
    new Route(stack, `kong_peering_route${net.suffix}_${idSuffix(azId)}`, {
      routeTableId: table.id,
      destinationCidrBlock: cidr,
      vpcPeeringConnectionId: accepter.id,
    });
  });
  return accepter;
}
