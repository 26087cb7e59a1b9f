import { fixtureEnvironment } from '@routeplane/catalog/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { clusterLogTypes } from './parts/eks-cluster.js';
import {
  parsed,
  ref,
  resource,
  resources,
  synth,
  type TerraformJson,
} from './terraform-json.fixture.js';

/** The checkov-style list of the issue: each row names the property and checks it. */
describe('security properties of the rendered Terraform', () => {
  let tf: TerraformJson;
  beforeAll(() => {
    tf = synth(fixtureEnvironment());
  });

  it('encrypts EKS secrets with a rotating customer managed key', () => {
    const cluster = resource(tf, 'aws_eks_cluster', 'cluster');
    expect(cluster.encryption_config).toEqual({
      resources: ['secrets'],
      provider: { key_arn: ref('aws_kms_key.eks_secrets.arn') },
    });
    expect(resource(tf, 'aws_kms_key', 'eks_secrets').enable_key_rotation).toBe(true);
  });

  it('turns on every control plane log type into an encrypted, retained log group', () => {
    expect(clusterLogTypes).toHaveLength(5);
    const cluster = resource(tf, 'aws_eks_cluster', 'cluster');
    expect(cluster.enabled_cluster_log_types).toEqual(clusterLogTypes);
    expect(resource(tf, 'aws_cloudwatch_log_group', 'cluster_log_group')).toMatchObject({
      name: '/aws/eks/cluster-dev/cluster',
      kms_key_id: ref('aws_kms_key.logs.arn'),
    });
    expect(cluster.depends_on).toContain('aws_cloudwatch_log_group.cluster_log_group');
  });

  it.each([
    { cidrs: [], expected: { endpoint_private_access: true, endpoint_public_access: false } },
    {
      cidrs: ['203.0.113.0/24'],
      expected: {
        endpoint_private_access: true,
        endpoint_public_access: true,
        public_access_cidrs: ['203.0.113.0/24'],
      },
    },
  ])('keeps the endpoint private, public only for catalog CIDRs $cidrs', ({ cidrs, expected }) => {
    const env = fixtureEnvironment((c) => {
      // A runner network on the private endpoint keeps the catalog applyable without public CIDRs.
      c.aws.cluster.apiAccess = {
        publicCidrs: [...cidrs],
        privateSources: { cidrs: ['10.99.0.0/24'] },
      };
    });
    const vpcConfig = resource(synth(env), 'aws_eks_cluster', 'cluster').vpc_config as Record<
      string,
      unknown
    >;
    expect(vpcConfig).toMatchObject(expected);
    if (cidrs.length === 0) expect(vpcConfig).not.toHaveProperty('public_access_cidrs');
  });

  it('requires IMDSv2 with hop limit 1 on every node, through the node groups launch templates', () => {
    const templates = resources(tf, 'aws_launch_template');
    expect(Object.keys(templates)).toHaveLength(2);
    for (const template of Object.values(templates)) {
      expect(template.metadata_options).toEqual({
        http_endpoint: 'enabled',
        http_tokens: 'required',
        http_put_response_hop_limit: 1,
        instance_metadata_tags: 'disabled',
      });
    }
    for (const [name, group] of Object.entries(resources(tf, 'aws_eks_node_group'))) {
      const pool = name.replace('_node_group', '');
      expect(group.launch_template).toEqual({
        id: `\${aws_launch_template.${pool}_launch_template.id}`,
        version: `\${aws_launch_template.${pool}_launch_template.latest_version}`,
      });
    }
  });

  it('logs all VPC traffic to an encrypted log group', () => {
    expect(resource(tf, 'aws_flow_log', 'flow_log')).toMatchObject({
      vpc_id: ref('aws_vpc.vpc.id'),
      traffic_type: 'ALL',
      log_destination: ref('aws_cloudwatch_log_group.flow_log_group.arn'),
      iam_role_arn: ref('aws_iam_role.flow_log_role.arn'),
    });
  });

  it('encrypts and retains every log group for a year', () => {
    const groups = Object.values(resources(tf, 'aws_cloudwatch_log_group'));
    expect(groups).toHaveLength(3);
    for (const group of groups) {
      expect(group.kms_key_id).toMatch(/^\$\{aws_kms_key\.\w+\.arn\}$/);
      expect(group.retention_in_days).toBeGreaterThanOrEqual(365);
    }
  });

  it('rotates every KMS key', () => {
    const keys = Object.values(resources(tf, 'aws_kms_key'));
    expect(keys.length).toBeGreaterThanOrEqual(3);
    for (const key of keys) expect(key.enable_key_rotation).toBe(true);
  });

  it('strips every rule from the default security group', () => {
    const group = resource(tf, 'aws_default_security_group', 'default_security_group');
    expect(group).not.toHaveProperty('ingress');
    expect(group).not.toHaveProperty('egress');
  });

  it('has no all-ports or all-protocols security group rule anywhere', () => {
    const rules = [
      ...Object.values(resources(tf, 'aws_vpc_security_group_ingress_rule')),
      ...Object.values(resources(tf, 'aws_vpc_security_group_egress_rule')),
      ...Object.values(resources(tf, 'aws_security_group_rule')),
      ...Object.values(resources(tf, 'aws_security_group')).flatMap((group) => [
        ...((group.ingress as Record<string, unknown>[] | undefined) ?? []),
        ...((group.egress as Record<string, unknown>[] | undefined) ?? []),
      ]),
    ];
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      expect(rule.ip_protocol ?? rule.protocol).toBe('tcp');
      expect(rule.from_port).toBe(rule.to_port);
      expect(rule.from_port).not.toBe(0);
    }
  });

  it('admits only the HTTPS listener port from Kong, and nothing else from anywhere', () => {
    const ingress = Object.values(resources(tf, 'aws_vpc_security_group_ingress_rule'));
    expect(ingress).toEqual([
      expect.objectContaining({
        cidr_ipv4: '192.168.0.0/16',
        from_port: 443,
        to_port: 443,
        ip_protocol: 'tcp',
        security_group_id: ref('aws_security_group.gateway_nlb_security_group.id'),
      }),
    ]);
    expect(resource(tf, 'aws_security_group', 'gateway_nlb_security_group').tags).toEqual({
      Name: 'cluster-dev-gateway-nlb',
    });
  });

  it('serves viewers over TLSv1.2_2021 with SNI and HTTPS only', () => {
    const distribution = resource(tf, 'aws_cloudfront_distribution', 'distribution');
    expect(distribution.viewer_certificate).toEqual({
      acm_certificate_arn: 'arn:aws:acm:us-east-1:111122223333:certificate/viewer',
      ssl_support_method: 'sni-only',
      minimum_protocol_version: 'TLSv1.2_2021',
    });
    expect(distribution.default_cache_behavior).toMatchObject({
      viewer_protocol_policy: 'https-only',
      cache_policy_id: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
      origin_request_policy_id: 'b689b0a8-53d0-40ab-baf2-68738e2966ac',
      response_headers_policy_id: '67f7725c-6f97-4210-82d7-5512b31e9d03',
    });
    expect(distribution.logging_config).toMatchObject({
      bucket: ref('aws_s3_bucket.access_logs.bucket_domain_name'),
    });
  });

  it('presents the client certificate to Kong inside custom_origin_config (origin mTLS)', () => {
    const [origin] = resource(tf, 'aws_cloudfront_distribution', 'distribution').origin as Record<
      string,
      unknown
    >[];
    expect(origin).not.toHaveProperty('origin_mtls_config');
    expect(origin?.custom_origin_config).toEqual({
      http_port: 80,
      https_port: 443,
      origin_protocol_policy: 'https-only',
      origin_ssl_protocols: ['TLSv1.2'],
      origin_mtls_config: {
        client_certificate_arn: 'arn:aws:acm:us-east-1:111122223333:certificate/origin-client',
      },
    });
    expect(origin?.custom_header).toEqual([
      { name: 'X-Origin-Verify', value: ref('var.cloudfront_origin_secret') },
    ]);
    expect(tf.variable?.cloudfront_origin_secret).toMatchObject({ sensitive: true });
  });

  it('protects CloudFront with a us-east-1 WAF: managed groups, rate limit, logging', () => {
    const acl = resource(tf, 'aws_wafv2_web_acl', 'web_acl');
    expect(acl).toMatchObject({ scope: 'CLOUDFRONT', provider: 'aws.us_east_1' });
    expect(resource(tf, 'aws_cloudfront_distribution', 'distribution').web_acl_id).toBe(
      ref('aws_wafv2_web_acl.web_acl.arn'),
    );
    const rules = acl.rule as {
      name: string;
      statement: Record<string, Record<string, unknown>>;
    }[];
    expect(rules.map((r) => r.name)).toEqual([
      'rate-limit-per-ip',
      'AWSManagedRulesAmazonIpReputationList',
      'AWSManagedRulesCommonRuleSet',
      'AWSManagedRulesKnownBadInputsRuleSet',
      'AWSManagedRulesSQLiRuleSet',
    ]);
    expect(rules[0]?.statement.rate_based_statement?.limit).toBe(2000);
    expect(rules[2]?.statement.managed_rule_group_statement?.rule_action_override).toEqual([
      { name: 'SizeRestrictions_BODY', action_to_use: { count: {} } },
    ]);
    expect(
      resource(tf, 'aws_wafv2_web_acl_logging_configuration', 'web_acl_logging'),
    ).toMatchObject({
      provider: 'aws.us_east_1',
      resource_arn: ref('aws_wafv2_web_acl.web_acl.arn'),
      log_destination_configs: [ref('aws_cloudwatch_log_group.web_acl_log_group.arn')],
      redacted_fields: [{ single_header: { name: 'authorization' } }],
    });
    const group = resource(tf, 'aws_cloudwatch_log_group', 'web_acl_log_group');
    expect(group.name).toMatch(/^aws-waf-logs-/);
    expect(group.provider).toBe('aws.us_east_1');
  });

  it('gives the logs KMS keys to the Logs service of their own region only', () => {
    const edge = parsed<{ Statement: { Principal: Record<string, string> }[] }>(
      resource(tf, 'aws_kms_key', 'edge_logs').policy,
    );
    expect(edge.Statement[1]?.Principal).toEqual({ Service: 'logs.us-east-1.amazonaws.com' });
    expect(resource(tf, 'aws_kms_key', 'edge_logs').provider).toBe('aws.us_east_1');
    const regional = parsed<{ Statement: { Principal: Record<string, string> }[] }>(
      resource(tf, 'aws_kms_key', 'logs').policy,
    );
    expect(regional.Statement[1]?.Principal).toEqual({ Service: 'logs.eu-west-1.amazonaws.com' });
  });
});
