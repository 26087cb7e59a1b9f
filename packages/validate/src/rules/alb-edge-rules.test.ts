import { describe, expect, it } from 'vitest';
import { at, corrupt } from '../corrupt.fixture.js';
import { exampleTree, ruleFindings } from '../example-tree.fixture.js';
import type { TreeFile } from '../finding.js';

const rule = 'xlayer/kong-alb-edge';
const tree = exampleTree('alb-edge');
const dev = 'generated/terraform/dev/main.tf.json';

type Doc = Record<string, unknown>;

const findings = (files: TreeFile[]) => ruleFindings(rule, files);
const resource = (tf: Doc, type: string, name: string): Doc => at(tf, 'resource', type, name);
const accessLogs = (tf: Doc): Doc => at(tf, 'resource', 'aws_lb', 'alb_edge', 'access_logs');
const noGrant = (writer: string, region = 'us-east-1') =>
  `no policy of bucket alb_access_logs lets ELB, which writes as ${writer} in ${region}, put objects under alb/AWSLogs/`;
const elbAccount = "the region's ELB account (aws_elb_service_account)";
const deliveryService = 'logdelivery.elasticloadbalancing.amazonaws.com';
const legacyGroupArn =
  'arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/legacy/0123456789abcdef';

/** Moves the configuration's default AWS provider to another region. */
function moveTo(tf: Doc, region: string): void {
  const providers = at(tf, 'provider', 'aws') as unknown as Doc[];
  const home = providers.find((p) => p.alias === undefined);
  if (home === undefined) throw new Error('no default aws provider rendered');
  home.region = region;
}

/** Edits the policy statement that lets ELB deliver logs. */
function editDelivery(tf: Doc, edit: (statement: Doc) => void): void {
  const bucketPolicy = resource(tf, 'aws_s3_bucket_policy', 'alb_access_logs_policy');
  const document = JSON.parse(String(bucketPolicy.policy)) as { Statement: Doc[] };
  const delivery = document.Statement.find((s) => s.Sid === 'ElbAccessLogDelivery');
  if (delivery === undefined) throw new Error('no ElbAccessLogDelivery statement rendered');
  edit(delivery);
  bucketPolicy.policy = JSON.stringify(document);
}

describe(rule, () => {
  it('passes examples/alb-edge (dev behind the ALB, prod behind CloudFront)', () => {
    expect(findings(tree)).toEqual([]);
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
    [
      'no access logs',
      (tf) => {
        delete resource(tf, 'aws_lb', 'alb_edge').access_logs;
      },
      'access logs are not enabled',
    ],
    [
      'access logs turned off',
      (tf) => {
        accessLogs(tf).enabled = false;
      },
      'access logs are not enabled',
    ],
    [
      'access logs to a bucket this configuration does not hold',
      (tf) => {
        accessLogs(tf).bucket = 'someone-elses-bucket';
      },
      'access logs go to someone-elses-bucket, not to an aws_s3_bucket of this configuration',
    ],
    [
      'an SSE-KMS log bucket (ELB cannot write to it)',
      (tf) => {
        resource(
          tf,
          'aws_s3_bucket_server_side_encryption_configuration',
          'alb_access_logs_encryption',
        ).rule = [{ apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms' } }];
      },
      'bucket alb_access_logs encrypts with aws:kms, but ELB access logs take SSE-S3 (AES256) only',
    ],
    [
      'no bucket policy',
      (tf) => {
        delete at(tf, 'resource').aws_s3_bucket_policy;
      },
      noGrant(elbAccount),
    ],
    [
      'a policy granting some other principal',
      (tf) => {
        editDelivery(tf, (s) => {
          s.Principal = { AWS: 'arn:aws:iam::111122223333:root' };
        });
      },
      noGrant(elbAccount),
    ],
    [
      'a policy granting another path than the prefix',
      (tf) => {
        editDelivery(tf, (s) => {
          s.Resource = String(s.Resource).replace('/alb/', '/other/');
        });
      },
      noGrant(elbAccount),
    ],
    [
      'a policy denying instead of allowing',
      (tf) => {
        editDelivery(tf, (s) => {
          s.Effect = 'Deny';
        });
      },
      noGrant(elbAccount),
    ],
    [
      'a policy granting only reads',
      (tf) => {
        editDelivery(tf, (s) => {
          s.Action = 's3:GetObject';
        });
      },
      noGrant(elbAccount),
    ],
    [
      'an ALB created before its bucket policy (AWS refuses to turn logging on)',
      (tf) => {
        delete resource(tf, 'aws_lb', 'alb_edge').depends_on;
      },
      'it does not depend on aws_s3_bucket_policy.alb_access_logs_policy, and AWS refuses to turn logging on before ELB may write',
    ],
  ])('flags %s', (_name, edit, expected) => {
    const edited = corrupt(tree, dev, 0, (tf) => {
      edit(tf);
      return tf;
    });
    expect(findings(edited)).toEqual([`${dev} aws_lb.alb_edge: ${expected}`]);
  });

  it.each<[string, (delivery: Doc) => void]>([
    [
      'a wildcard covering the prefix',
      (s) => {
        s.Resource = [`\${aws_s3_bucket.alb_access_logs.arn}/*`];
        s.Action = ['s3:PutObject'];
      },
    ],
  ])('accepts delivery granted to %s', (_name, edit) => {
    const edited = corrupt(tree, dev, 0, (tf) => {
      editDelivery(tf, edit);
      return tf;
    });
    expect(findings(edited)).toEqual([]);
  });

  it.each<[string, (tf: Doc) => void]>([
    [
      'the bucket named by its bucket attribute',
      (tf) => {
        accessLogs(tf).bucket = `\${aws_s3_bucket.alb_access_logs.bucket}`;
      },
    ],
    [
      'access_logs written as a one-block list',
      (tf) => {
        const alb = resource(tf, 'aws_lb', 'alb_edge');
        alb.access_logs = [alb.access_logs];
      },
    ],
  ])('accepts %s', (_name, edit) => {
    const edited = corrupt(tree, dev, 0, (tf) => {
      edit(tf);
      return tf;
    });
    expect(findings(edited)).toEqual([]);
  });

  it.each<[string, string, string, string[]]>([
    // AWS documents the account for regions launched before August 2022, the service after.
    ['the log delivery service in us-east-1', 'us-east-1', 'Service', [noGrant(elbAccount)]],
    [
      'the ELB account in me-central-1',
      'me-central-1',
      'AWS',
      [noGrant(deliveryService, 'me-central-1')],
    ],
    ['the log delivery service in me-central-1', 'me-central-1', 'Service', []],
  ])('judges delivery granted to %s', (_name, region, key, expected) => {
    const principal =
      key === 'Service'
        ? { Service: deliveryService }
        : { AWS: `\${data.aws_elb_service_account.elb_service_account.arn}` };
    const edited = corrupt(tree, dev, 0, (tf) => {
      moveTo(tf, region);
      editDelivery(tf, (s) => {
        s.Principal = principal;
      });
      return tf;
    });
    expect(findings(edited)).toEqual(expected.map((e) => `${dev} aws_lb.alb_edge: ${e}`));
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
    const edited = corrupt(tree, dev, 0, (tf) => {
      edit(tf);
      return tf;
    });
    expect(findings(edited)).toEqual([]);
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
    const edited = corrupt(tree, dev, 0, (tf) => {
      edit(tf);
      delete at(tf, 'resource').aws_wafv2_web_acl_association;
      return tf;
    });
    expect(findings(edited)).toEqual([]);
  });

  it('reads only .tf.json files as Terraform', () => {
    const copy = corrupt(tree, dev, 0, (tf) => {
      delete at(tf, 'resource').aws_wafv2_web_acl_association;
      return tf;
    }).find((f) => f.path === dev);
    if (copy === undefined) throw new Error(`no ${dev} rendered`);
    expect(findings([...tree, { ...copy, path: 'generated/terraform/dev/plan.json' }])).toEqual([]);
  });

  it('ignores internal load balancers', () => {
    const edited = corrupt(tree, dev, 0, (tf) => {
      resource(tf, 'aws_lb', 'alb_edge').internal = true;
      delete at(tf, 'resource').aws_wafv2_web_acl_association;
      return tf;
    });
    expect(findings(edited)).toEqual([]);
  });
});
