import { RamPrincipalAssociation } from '@cdktn/provider-aws/lib/ram-principal-association/index.js';
import { RamResourceAssociation } from '@cdktn/provider-aws/lib/ram-resource-association/index.js';
import { RamResourceShare } from '@cdktn/provider-aws/lib/ram-resource-share/index.js';
import { SecurityGroup } from '@cdktn/provider-aws/lib/security-group/index.js';
import { VpcSecurityGroupEgressRule } from '@cdktn/provider-aws/lib/vpc-security-group-egress-rule/index.js';
import { VpcSecurityGroupIngressRule } from '@cdktn/provider-aws/lib/vpc-security-group-ingress-rule/index.js';
import { VpclatticeResourceConfiguration } from '@cdktn/provider-aws/lib/vpclattice-resource-configuration/index.js';
import { VpclatticeResourceGateway } from '@cdktn/provider-aws/lib/vpclattice-resource-gateway/index.js';
import { KonnectCloudGatewayTransitGateway } from '../../bindings/konnect-transit-gateway.js';
import type { StackContext } from '../context.js';
import type { DedicatedConnectivityProps } from './connectivity.js';
import { firstOf, nlbDnsName } from './nlb-dns-name.js';

/**
 * `privateEndpoint`: Kong reaches the gateway's internal NLB, and nothing else in the VPC, through a
 * VPC Lattice resource configuration shared with Kong's account through RAM
 * (`aws-resource-endpoint-attachment`). The resource configuration names the NLB by its DNS name;
 * the NLB exists only after the first apply, so the configuration, its share and Kong's attachment
 * wait for the second (nlb-dns-name.ts). No route and no CIDR rule: the gateway NLB
 * admits only the resource gateway's security group.
 */
export function addPrivateEndpoint(ctx: StackContext, props: DedicatedConnectivityProps): void {
  const { stack, env, konnect: provider } = ctx;
  const name = `${env.aws.cluster.name}-kong-endpoint`;
  const port = env.kong.upstream.port;
  const nlb = nlbDnsName(ctx);
  // Kong connects by the certificate's name when a private zone holds it, else by the NLB's name.
  const kongName =
    env.kong.upstream.privateDnsZone === undefined ? nlb.value : env.gateway.hostname;

  const group = new SecurityGroup(stack, 'kong_resource_gateway_security_group', {
    name,
    description: `VPC Lattice resource gateway of Kong's private endpoint: to the gateway NLB only`,
    vpcId: props.network.vpc.id,
    tags: { Name: name },
  });
  new VpcSecurityGroupEgressRule(stack, `kong_resource_gateway_to_nlb_${port}`, {
    securityGroupId: group.id,
    description: `Gateway NLB listener ${port}`,
    referencedSecurityGroupId: props.gatewaySecurityGroup.id,
    ipProtocol: 'tcp',
    fromPort: port,
    toPort: port,
  });
  new VpcSecurityGroupIngressRule(stack, `gateway_nlb_from_kong_endpoint_${port}`, {
    securityGroupId: props.gatewaySecurityGroup.id,
    description: `Kong's VPC Lattice resource gateway to the gateway listener ${port}`,
    referencedSecurityGroupId: group.id,
    ipProtocol: 'tcp',
    fromPort: port,
    toPort: port,
  });
  const resourceGateway = new VpclatticeResourceGateway(stack, 'kong_resource_gateway', {
    name,
    vpcId: props.network.vpc.id,
    subnetIds: props.network.privateSubnets.map((s) => s.id),
    securityGroupIds: [group.id],
    ipAddressType: 'IPV4',
    tags: { Name: name },
  });
  const configuration = new VpclatticeResourceConfiguration(stack, 'kong_resource_configuration', {
    count: nlb.once,
    name,
    type: 'SINGLE',
    resourceGatewayIdentifier: resourceGateway.id,
    portRanges: [String(port)],
    protocol: 'TCP',
    resourceConfigurationDefinition: [
      { dnsResource: [{ domainName: nlb.value, ipAddressType: 'IPV4' }] },
    ],
    tags: { Name: name },
  });
  const configurationRef = (attribute: string) => firstOf(configuration, attribute);

  const share = new RamResourceShare(stack, 'kong_resource_endpoint_share', {
    name,
    allowExternalPrincipals: true,
    tags: { Name: name },
  });
  const principal = new RamPrincipalAssociation(stack, 'kong_resource_endpoint_share_kong', {
    principal: props.kongAwsAccountId,
    resourceShareArn: share.arn,
  });
  const shared = new RamResourceAssociation(stack, 'kong_resource_endpoint_share_resource', {
    count: nlb.once,
    resourceArn: configurationRef('arn'),
    resourceShareArn: share.arn,
  });
  new KonnectCloudGatewayTransitGateway(
    stack,
    'cloud_gateway_resource_endpoint',
    {
      network_id: props.konnect.network.id,
      aws_resource_endpoint_gateway: {
        name,
        transit_gateway_attachment_config: {
          kind: 'aws-resource-endpoint-attachment',
          ram_share_arn: share.arn,
          // Kong sends decK's upstream host to this shared resource.
          resource_config: [{ domain_name: kongName, resource_config_id: configurationRef('id') }],
        },
      },
    },
    {
      provider,
      count: nlb.once,
      dependsOn: [principal, shared, props.konnect.configuration],
    },
  );
}
