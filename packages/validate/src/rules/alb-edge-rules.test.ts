import { describe, expect, it } from 'vitest';
import {
  albFindings,
  albFindingsAfter,
  albRule,
  albTree,
  type Doc,
  dev,
  onAlb,
  resource,
} from '../alb-edge.fixture.js';
import { at, corrupt } from '../corrupt.fixture.js';

const kongGroupArn = `\${aws_lb_target_group.alb_kong_targets.arn}`;
const legacyGroupArn =
  'arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/legacy/0123456789abcdef';

describe(albRule, () => {
  it('passes examples/alb-edge (dev behind the ALB, prod behind CloudFront)', () => {
    expect(albFindings(albTree)).toEqual([]);
  });

  it.each<[string, (tf: Doc) => void, string]>([
    [
      'Kong still public (the WAF can be bypassed)',
      (tf) => {
        resource(
          tf,
          'konnect_cloud_gateway_configuration',
          'cloud_gateway_configuration',
        ).api_access = 'private+public';
      },
      'konnect_cloud_gateway_configuration api_access is private+public, not private, so clients can bypass the ALB and its WAF',
    ],
    [
      'a target that is no Kong private IP',
      (tf) => {
        resource(tf, 'aws_lb_target_group_attachment', 'alb_kong_target_1').target_id = '10.0.0.10';
      },
      "target alb_kong_target_1 is not a private IP of Kong's data planes",
    ],
    [
      'a Kong IP registered in one AZ (outside the VPC, AWS refuses it)',
      (tf) => {
        resource(tf, 'aws_lb_target_group_attachment', 'alb_kong_target_0').availability_zone =
          'us-east-1a';
      },
      'target alb_kong_target_0 is outside the VPC but its availability_zone is not "all"',
    ],
    [
      'instance targets',
      (tf) => {
        resource(tf, 'aws_lb_target_group', 'alb_kong_targets').target_type = 'instance';
      },
      'target group alb_kong_targets has target_type instance, not ip',
    ],
    [
      'no route from the public subnets to Kong',
      (tf) => {
        delete at(tf, 'resource', 'aws_route').alb_kong_route;
      },
      "no route of the ALB subnets' route tables leads to Kong's network (192.168.0.0/16) over a Transit Gateway or peering connection",
    ],
    [
      'an egress rule to anywhere',
      (tf) => {
        resource(tf, 'aws_vpc_security_group_egress_rule', 'alb_edge_to_kong').cidr_ipv4 =
          '0.0.0.0/0';
      },
      "egress rule alb_edge_to_kong sends to 0.0.0.0/0, not to Kong's network",
    ],
    [
      'no WAF association',
      (tf) => {
        delete at(tf, 'resource').aws_wafv2_web_acl_association;
      },
      'no REGIONAL WAF web ACL is associated with it',
    ],
    [
      'a CloudFront-scoped ACL associated (AWS refuses it on an ALB)',
      (tf) => {
        resource(tf, 'aws_wafv2_web_acl', 'web_acl').scope = 'CLOUDFRONT';
      },
      'no REGIONAL WAF web ACL is associated with it',
    ],
    [
      'a listener forwarding nowhere',
      (tf) => {
        resource(tf, 'aws_lb_listener', 'alb_https_listener').default_action = [
          { type: 'fixed-response' },
        ];
      },
      'no listener forwards anywhere',
    ],
    [
      "Kong's API access left unset",
      (tf) => {
        delete resource(tf, 'konnect_cloud_gateway_configuration', 'cloud_gateway_configuration')
          .api_access;
      },
      'konnect_cloud_gateway_configuration api_access is unset, not private, so clients can bypass the ALB and its WAF',
    ],
    [
      "Kong's configuration written as an empty block",
      (tf) => {
        at(tf, 'resource').konnect_cloud_gateway_configuration = {};
      },
      'konnect_cloud_gateway_configuration api_access is unset, not private, so clients can bypass the ALB and its WAF',
    ],
    [
      "a target naming Kong's configuration but not its private IPs",
      (tf) => {
        resource(tf, 'aws_lb_target_group_attachment', 'alb_kong_target_1').target_id =
          `\${konnect_cloud_gateway_configuration.cloud_gateway_configuration.id}`;
      },
      "target alb_kong_target_1 is not a private IP of Kong's data planes",
    ],
    [
      "a target on another resource's private IPs",
      (tf) => {
        resource(tf, 'aws_lb_target_group_attachment', 'alb_kong_target_1').target_id =
          `\${element(aws_network_interface.proxy.private_ip_addresses, 0)}`;
      },
      "target alb_kong_target_1 is not a private IP of Kong's data planes",
    ],
    [
      'a target from a local that holds no Kong IP',
      (tf) => {
        resource(tf, 'aws_lb_target_group_attachment', 'alb_kong_target_1').target_id =
          `\${local.kong_aws_account_id}`;
      },
      "target alb_kong_target_1 is not a private IP of Kong's data planes",
    ],
    [
      'a target from a local map',
      (tf) => {
        at(tf, 'locals').kong_endpoints = { primary: '10.0.0.10' };
        resource(tf, 'aws_lb_target_group_attachment', 'alb_kong_target_1').target_id =
          `\${local.kong_endpoints.primary}`;
      },
      "target alb_kong_target_1 is not a private IP of Kong's data planes",
    ],
    [
      'target_type left unset (AWS defaults to instance)',
      (tf) => {
        delete resource(tf, 'aws_lb_target_group', 'alb_kong_targets').target_type;
      },
      'target group alb_kong_targets has target_type instance, not ip',
    ],
    [
      'Lambda targets',
      (tf) => {
        resource(tf, 'aws_lb_target_group', 'alb_kong_targets').target_type = 'lambda';
      },
      'target group alb_kong_targets has target_type lambda, not ip',
    ],
    [
      'instance targets next to a listener forwarding to a group of another configuration',
      (tf) => {
        at(tf, 'resource', 'aws_lb_listener').alb_legacy_listener = {
          default_action: [{ target_group_arn: legacyGroupArn, type: 'forward' }],
          load_balancer_arn: `\${aws_lb.alb_edge.arn}`,
          port: 8443,
          protocol: 'HTTPS',
        };
        resource(tf, 'aws_lb_target_group', 'alb_kong_targets').target_type = 'instance';
      },
      'target group alb_kong_targets has target_type instance, not ip',
    ],
    [
      'instance targets behind a weighted forward block',
      (tf) => {
        resource(tf, 'aws_lb_listener', 'alb_https_listener').default_action = [
          { type: 'forward', forward: { target_group: [{ arn: kongGroupArn, weight: 1 }] } },
        ];
        resource(tf, 'aws_lb_target_group', 'alb_kong_targets').target_type = 'instance';
      },
      'target group alb_kong_targets has target_type instance, not ip',
    ],
    [
      'instance targets behind a forward block written as a list',
      (tf) => {
        resource(tf, 'aws_lb_listener', 'alb_https_listener').default_action = [
          { type: 'forward', forward: [{ target_group: { arn: kongGroupArn } }] },
        ];
        resource(tf, 'aws_lb_target_group', 'alb_kong_targets').target_type = 'instance';
      },
      'target group alb_kong_targets has target_type instance, not ip',
    ],
    [
      'a forward action naming no target group',
      (tf) => {
        resource(tf, 'aws_lb_listener', 'alb_https_listener').default_action = [
          { type: 'forward' },
        ];
      },
      'no listener forwards anywhere',
    ],
    [
      "Kong's IPs attached to another target group",
      (tf) => {
        for (const attachment of Object.values(
          at(tf, 'resource', 'aws_lb_target_group_attachment'),
        ))
          (attachment as Doc).target_group_arn = `\${aws_lb_target_group.spare_targets.arn}`;
      },
      'target group alb_kong_targets has no targets',
    ],
    [
      'the forwarding listener on another load balancer',
      (tf) => {
        resource(tf, 'aws_lb_listener', 'alb_https_listener').load_balancer_arn =
          `\${aws_lb.internal_alb.arn}`;
      },
      'no listener forwards anywhere',
    ],
    [
      "a route to Kong's network over the internet gateway",
      (tf) => {
        const route = resource(tf, 'aws_route', 'alb_kong_route');
        delete route.transit_gateway_id;
        route.gateway_id = `\${aws_internet_gateway.internet_gateway.id}`;
      },
      "no route of the ALB subnets' route tables leads to Kong's network (192.168.0.0/16) over a Transit Gateway or peering connection",
    ],
    [
      'no route to either of two Kong networks',
      (tf) => {
        at(tf, 'resource', 'konnect_cloud_gateway_network').cloud_gateway_network_2 = {
          ...resource(tf, 'konnect_cloud_gateway_network', 'cloud_gateway_network'),
          cidr_block: '172.16.0.0/16',
        };
        delete at(tf, 'resource', 'aws_route').alb_kong_route;
      },
      "no route of the ALB subnets' route tables leads to Kong's network (192.168.0.0/16, 172.16.0.0/16) over a Transit Gateway or peering connection",
    ],
    [
      'an egress rule to another security group',
      (tf) => {
        const egress = resource(tf, 'aws_vpc_security_group_egress_rule', 'alb_edge_to_kong');
        delete egress.cidr_ipv4;
        egress.referenced_security_group_id = `\${aws_security_group.gateway_nlb_security_group.id}`;
      },
      "egress rule alb_edge_to_kong sends to a non-CIDR destination, not to Kong's network",
    ],
    [
      'the ALB associated with a CloudFront ACL while the regional one stays unused',
      (tf) => {
        at(tf, 'resource', 'aws_wafv2_web_acl').cloudfront_web_acl = {
          ...resource(tf, 'aws_wafv2_web_acl', 'web_acl'),
          scope: 'CLOUDFRONT',
        };
        resource(tf, 'aws_wafv2_web_acl_association', 'alb_web_acl_association').web_acl_arn =
          `\${aws_wafv2_web_acl.cloudfront_web_acl.arn}`;
      },
      'no REGIONAL WAF web ACL is associated with it',
    ],
  ])('flags %s', (_name, edit, expected) => {
    expect(albFindingsAfter(edit)).toEqual([onAlb(expected)]);
  });

  it.each<[string, (tf: Doc) => void]>([
    [
      "a target naming Kong's private IPs directly",
      (tf) => {
        resource(tf, 'aws_lb_target_group_attachment', 'alb_kong_target_0').target_id =
          `\${konnect_cloud_gateway_configuration.cloud_gateway_configuration.dataplane_groups[0].private_ip_addresses[0]}`;
      },
    ],
    [
      "a route to Kong's network over a peering connection",
      (tf) => {
        const route = resource(tf, 'aws_route', 'alb_kong_route');
        delete route.transit_gateway_id;
        route.vpc_peering_connection_id = `\${aws_vpc_peering_connection.kong.id}`;
      },
    ],
    [
      'a target group no listener forwards to, whatever its targets',
      (tf) => {
        at(tf, 'resource', 'aws_lb_target_group').spare_targets = {
          ...resource(tf, 'aws_lb_target_group', 'alb_kong_targets'),
          target_type: 'instance',
        };
      },
    ],
  ])('accepts %s', (_name, edit) => {
    expect(albFindingsAfter(edit)).toEqual([]);
  });

  it.each<[string, (tf: Doc) => void]>([
    [
      'an internet-facing network load balancer',
      (tf) => {
        resource(tf, 'aws_lb', 'alb_edge').load_balancer_type = 'network';
      },
    ],
    [
      'an ALB in a configuration without a Dedicated Cloud Gateway',
      (tf) => {
        delete at(tf, 'resource').konnect_cloud_gateway_configuration;
      },
    ],
  ])('leaves alone %s', (_name, edit) => {
    const withoutWaf = (tf: Doc) => {
      edit(tf);
      delete at(tf, 'resource').aws_wafv2_web_acl_association;
    };
    expect(albFindingsAfter(withoutWaf)).toEqual([]);
  });

  it('reads only .tf.json files as Terraform', () => {
    const copy = corrupt(albTree, dev, 0, (tf) => {
      delete at(tf, 'resource').aws_wafv2_web_acl_association;
      return tf;
    }).find((f) => f.path === dev);
    if (copy === undefined) throw new Error(`no ${dev} rendered`);
    expect(
      albFindings([...albTree, { ...copy, path: 'generated/terraform/dev/plan.json' }]),
    ).toEqual([]);
  });

  it('ignores internal load balancers', () => {
    const internal = (tf: Doc) => {
      resource(tf, 'aws_lb', 'alb_edge').internal = true;
      delete at(tf, 'resource').aws_wafv2_web_acl_association;
    };
    expect(albFindingsAfter(internal)).toEqual([]);
  });
});
