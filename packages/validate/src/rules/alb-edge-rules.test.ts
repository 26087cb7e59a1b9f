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
  ])('flags %s', (_name, edit, expected) => {
    const edited = corrupt(tree, dev, 0, (tf) => {
      edit(tf);
      return tf;
    });
    expect(findings(edited)).toEqual([`${dev} aws_lb.alb_edge: ${expected}`]);
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
