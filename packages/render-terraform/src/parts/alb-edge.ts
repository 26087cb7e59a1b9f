import { AcmCertificate } from '@cdktn/provider-aws/lib/acm-certificate/index.js';
import { AcmCertificateValidation } from '@cdktn/provider-aws/lib/acm-certificate-validation/index.js';
import { DataAwsRoute53Zone } from '@cdktn/provider-aws/lib/data-aws-route53-zone/index.js';
import { Lb } from '@cdktn/provider-aws/lib/lb/index.js';
import { LbListener } from '@cdktn/provider-aws/lib/lb-listener/index.js';
import { LbTargetGroup } from '@cdktn/provider-aws/lib/lb-target-group/index.js';
import { LbTargetGroupAttachment } from '@cdktn/provider-aws/lib/lb-target-group-attachment/index.js';
import { Route } from '@cdktn/provider-aws/lib/route/index.js';
import { Route53Record } from '@cdktn/provider-aws/lib/route53-record/index.js';
import { SecurityGroup } from '@cdktn/provider-aws/lib/security-group/index.js';
import { VpcSecurityGroupEgressRule } from '@cdktn/provider-aws/lib/vpc-security-group-egress-rule/index.js';
import { VpcSecurityGroupIngressRule } from '@cdktn/provider-aws/lib/vpc-security-group-ingress-rule/index.js';
import { Wafv2WebAclAssociation } from '@cdktn/provider-aws/lib/wafv2-web-acl-association/index.js';
import type { AlbEdgeModel, EnvironmentModel } from '@routeplane/model';
import { Fn, TerraformLocal } from 'cdktn';
import { addAlbAccessLogs } from './alb-access-logs.js';
import type { StackContext } from './context.js';
import type { KongRouteTarget } from './dedicated/connectivity.js';
import { elbName } from './elb-name.js';
import type { Konnect } from './konnect.js';
import { type Network, subnetCidr } from './network.js';
import { addWaf } from './waf.js';

/** TLS 1.3 and 1.2 with forward-secret AEAD ciphers only (the ELB "restricted" policy). */
export const albTlsPolicy = 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06';

/** Port of the data planes' private load balancer, and of the ALB's HTTPS listener. */
const httpsPort = 443;

/** The public subnets the ALB's nodes live in: the sources of the X-Forwarded-For Kong trusts. */
export function albSubnetCidrs(env: EnvironmentModel): string[] {
  return env.aws.availabilityZoneIds.map((_, index) =>
    subnetCidr(env.aws.vpcCidr, 'public', index),
  );
}

export interface AlbEdgeProps {
  /** The environment's `aws.edge` (kind alb). */
  readonly edge: AlbEdgeModel;
  readonly network: Network;
  readonly konnect: Konnect;
  /** The private connection's route to the home Konnect network (the loader refuses others). */
  readonly kongRoute: KongRouteTarget;
}

/**
 * `aws.edge.kind alb`: an internet-facing ALB in the public subnets with its own ACM certificate
 * for `aws.edge.domainName`, HTTPS only (port 80 redirects), a REGIONAL WAF with CloudFront's
 * rules, forwarding over the private connection to the private IPs of the data planes' internal
 * load balancer (Kong's API access is private: the ALB is the only way in). Access logs go to a
 * bucket of the environment; deletion protection follows `aws.edge.deletionProtection`.
 */
export function addAlbEdge(ctx: StackContext, props: AlbEdgeProps): void {
  const { stack, env } = ctx;
  const { edge } = props;
  const name = elbName(env.aws.cluster.name, 'edge');
  const kongCidr = env.kong.networkCidr;

  // Only the private route tables reach Kong otherwise; the ALB's nodes sit in the public ones.
  new Route(stack, 'alb_kong_route', {
    routeTableId: props.network.publicRouteTable.id,
    destinationCidrBlock: kongCidr,
    ...props.kongRoute,
  });

  const group = new SecurityGroup(stack, 'alb_edge_security_group', {
    name,
    description: `Internet-facing ALB of ${env.name}: HTTPS (and the redirect) from anywhere, to Kong only`,
    vpcId: props.network.vpc.id,
    tags: { Name: name },
  });
  for (const port of [80, httpsPort]) {
    new VpcSecurityGroupIngressRule(stack, `alb_edge_from_internet_${port}`, {
      securityGroupId: group.id,
      description: port === 80 ? 'Clients, redirected to HTTPS' : 'Clients over HTTPS',
      cidrIpv4: '0.0.0.0/0',
      ipProtocol: 'tcp',
      fromPort: port,
      toPort: port,
    });
  }
  new VpcSecurityGroupEgressRule(stack, 'alb_edge_to_kong', {
    securityGroupId: group.id,
    description: 'Kong data planes (private IPs) and their health checks',
    cidrIpv4: kongCidr,
    ipProtocol: 'tcp',
    fromPort: httpsPort,
    toPort: httpsPort,
  });

  const certificate = new AcmCertificate(stack, 'alb_certificate', {
    domainName: edge.domainName,
    validationMethod: 'DNS',
    tags: { Name: edge.domainName },
    lifecycle: { createBeforeDestroy: true },
  });
  const zone =
    edge.publicZone === undefined
      ? undefined
      : new DataAwsRoute53Zone(stack, 'alb_public_zone', {
          name: edge.publicZone,
          privateZone: false,
        });
  // One domain, so exactly one validation option (known once the certificate is requested).
  const option = `tolist(${certificate.fqn}.domain_validation_options)[0]`;
  const validationRecord =
    zone === undefined
      ? undefined
      : new Route53Record(stack, 'alb_certificate_validation_record', {
          zoneId: zone.zoneId,
          name: `\${${option}.resource_record_name}`,
          type: `\${${option}.resource_record_type}`,
          records: [`\${${option}.resource_record_value}`],
          ttl: 300,
        });
  // Without a zone the record is yours: apply waits here until ACM has issued the certificate.
  const validation = new AcmCertificateValidation(stack, 'alb_certificate_validation', {
    certificateArn: certificate.arn,
    ...(validationRecord === undefined ? {} : { validationRecordFqdns: [validationRecord.fqdn] }),
  });

  const logs = addAlbAccessLogs(ctx, !edge.deletionProtection);
  const alb = new Lb(stack, 'alb_edge', {
    name,
    internal: false,
    loadBalancerType: 'application',
    securityGroups: [group.id],
    subnets: props.network.publicSubnets.map((s) => s.id),
    dropInvalidHeaderFields: true,
    enableDeletionProtection: edge.deletionProtection,
    accessLogs: logs.accessLogs,
    tags: { Name: name },
    // Turning logging on makes AWS write a test object: without the policy, apply fails.
    dependsOn: [logs.policy],
  });

  const targets = new LbTargetGroup(stack, 'alb_kong_targets', {
    name: elbName(env.aws.cluster.name, 'kong'),
    targetType: 'ip',
    protocol: 'HTTPS',
    port: httpsPort,
    vpcId: props.network.vpc.id,
    healthCheck: {
      enabled: true,
      protocol: 'HTTPS',
      path: '/',
      // Kong answers every path itself (404 without a route, 401 behind auth): any answer below
      // 500 proves the data plane is up; backends have their own checks behind Kong.
      matcher: '200-499',
    },
    tags: { Name: elbName(env.aws.cluster.name, 'kong') },
  });
  addKongTargets(ctx, props.konnect, targets);

  new LbListener(stack, 'alb_https_listener', {
    loadBalancerArn: alb.arn,
    port: httpsPort,
    protocol: 'HTTPS',
    sslPolicy: albTlsPolicy,
    certificateArn: validation.certificateArn,
    defaultAction: [{ type: 'forward', targetGroupArn: targets.arn }],
  });
  new LbListener(stack, 'alb_http_redirect', {
    loadBalancerArn: alb.arn,
    port: 80,
    protocol: 'HTTP',
    defaultAction: [
      {
        type: 'redirect',
        redirect: { protocol: 'HTTPS', port: String(httpsPort), statusCode: 'HTTP_301' },
      },
    ],
  });

  const acl = addWaf(ctx, edge.wafRateLimitPer5Minutes, {
    scope: 'REGIONAL',
    protects: 'ALB in front of Kong',
  });
  new Wafv2WebAclAssociation(stack, 'alb_web_acl_association', {
    resourceArn: alb.arn,
    webAclArn: acl.arn,
  });

  if (zone !== undefined) {
    new Route53Record(stack, 'alb_alias', {
      zoneId: zone.zoneId,
      name: edge.domainName,
      type: 'A',
      alias: { name: alb.dnsName, zoneId: alb.zoneId, evaluateTargetHealth: true },
    });
  }
}

/**
 * One ip target per private IP of the home region's data-plane group. The provider reads them as
 * `dataplane_groups[].private_ip_addresses` ("private IP addresses of the internal load
 * balancer", docs/resources/cloud_gateway_configuration.md at v3.19.0), unknown until Konnect
 * has provisioned the group, so the count comes from the plan: a load balancer has one address
 * per subnet, and Kong's network spans the environment's availability zones. A precondition stops
 * apply with a clear message if Konnect reports another number (or none yet: apply again later).
 * The IPs are outside the VPC (in Kong's network), so the target's zone is `all`.
 */
function addKongTargets(ctx: StackContext, konnect: Konnect, targets: LbTargetGroup): void {
  const { stack, env } = ctx;
  const count = env.aws.availabilityZoneIds.length;
  // dataplane_groups is a set: pick the home region's group by value, never by position.
  const ips = new TerraformLocal(
    stack,
    'kong_private_ips',
    `\${sort(flatten([for g in ${konnect.configuration.fqn}.dataplane_groups : g.private_ip_addresses if g.region == "${env.aws.region}"]))}`,
  );
  for (let index = 0; index < count; index++) {
    new LbTargetGroupAttachment(stack, `alb_kong_target_${index}`, {
      targetGroupArn: targets.arn,
      targetId: Fn.element(ips.asList, index),
      port: httpsPort,
      availabilityZone: 'all',
      lifecycle: {
        precondition: [
          {
            condition: `\${length(${ips.fqn}) == ${count}}`,
            errorMessage: `Kong's ${env.aws.region} data-plane group must report ${count} private IPs (one per availability zone of its network) before the ALB can target them; apply again once Konnect has provisioned it.`,
          },
        ],
      },
    });
  }
}
