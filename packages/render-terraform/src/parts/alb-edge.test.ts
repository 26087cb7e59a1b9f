import type { RouteCatalog as CatalogData } from '@routeplane/catalog';
import { fixtureEnvironment } from '@routeplane/catalog/testing';
import { elbLogDeliveryService, kongBehindCloudfront } from '@routeplane/model';
import { describe, expect, it } from 'vitest';
import { parsed, ref, resource, resources, synth } from '../terraform-json.fixture.js';
import { albLogPrefix } from './alb-access-logs.js';
import { albTlsPolicy } from './alb-edge.js';
import { managedGroups } from './waf.js';

/** dev behind an ALB (prod keeps CloudFront, so the origin secret stays in use). */
function devBehindAlb(
  publicZone?: string,
  more: { deletionProtection?: boolean; region?: string } = {},
) {
  return (c: CatalogData): void => {
    const [dev] = c.environments;
    const { region, ...edge } = more;
    if (dev)
      dev.aws = {
        ...dev.aws,
        ...(region === undefined ? {} : { region }),
        edge: { kind: 'alb', ...(publicZone ? { publicZone } : {}), ...edge },
      };
  };
}

const config = 'konnect_cloud_gateway_configuration.cloud_gateway_configuration';

describe('aws.edge.kind alb', () => {
  const env = fixtureEnvironment(devBehindAlb('example.com'));
  const tf = synth(env);

  it('renders an internet-facing ALB in the public subnets, and no CloudFront or custom domain', () => {
    expect(resource(tf, 'aws_lb', 'alb_edge')).toMatchObject({
      internal: false,
      load_balancer_type: 'application',
      drop_invalid_header_fields: true,
      subnets: env.aws.availabilityZoneIds
        .map((id) => id.replace(/-/g, '_'))
        .map((az) => ref(`aws_subnet.public_subnet_${az}.id`)),
    });
    expect(resources(tf, 'aws_cloudfront_distribution')).toEqual({});
    expect(resources(tf, 'konnect_cloud_gateway_custom_domain')).toEqual({});
  });

  it('makes Kong private and trusts X-Forwarded-For from the ALB subnets only', () => {
    const cfg = resource(tf, 'konnect_cloud_gateway_configuration', 'cloud_gateway_configuration');
    expect(cfg.api_access).toBe('private');
    const groups = cfg.dataplane_groups as { environment?: { name: string; value: string }[] }[];
    const trusted = groups[0]?.environment?.find((e) => e.name === 'KONG_TRUSTED_IPS')?.value;
    expect(trusted).toBe(
      [12, 13, 14].map((i) => ref(`cidrsubnet("${env.aws.vpcCidr}", 4, ${i})`)).join(','),
    );
    expect(tf.data.aws_ec2_managed_prefix_list).toBeUndefined();
  });

  it('serves HTTPS with a TLS 1.3/1.2 policy and its own validated certificate, and redirects HTTP', () => {
    const https = resource(tf, 'aws_lb_listener', 'alb_https_listener');
    expect(albTlsPolicy).toMatch(/^ELBSecurityPolicy-TLS13-1-2-/);
    expect(https).toMatchObject({
      port: 443,
      protocol: 'HTTPS',
      ssl_policy: albTlsPolicy,
      certificate_arn: ref(
        'aws_acm_certificate_validation.alb_certificate_validation.certificate_arn',
      ),
      default_action: [
        { type: 'forward', target_group_arn: ref('aws_lb_target_group.alb_kong_targets.arn') },
      ],
    });
    expect(resource(tf, 'aws_lb_listener', 'alb_http_redirect').default_action).toEqual([
      { type: 'redirect', redirect: { protocol: 'HTTPS', port: '443', status_code: 'HTTP_301' } },
    ]);
    expect(resource(tf, 'aws_acm_certificate', 'alb_certificate')).toMatchObject({
      domain_name: 'api.dev.example.com',
      validation_method: 'DNS',
    });
    expect(
      resource(tf, 'aws_acm_certificate_validation', 'alb_certificate_validation'),
    ).toMatchObject({
      validation_record_fqdns: [ref('aws_route53_record.alb_certificate_validation_record.fqdn')],
    });
    expect(resource(tf, 'aws_route53_record', 'alb_alias')).toMatchObject({
      name: 'api.dev.example.com',
      type: 'A',
      alias: { name: ref('aws_lb.alb_edge.dns_name'), zone_id: ref('aws_lb.alb_edge.zone_id') },
    });
  });

  it('without a public zone writes no record and leaves validation to whoever owns the DNS', () => {
    const own = synth(fixtureEnvironment(devBehindAlb()));
    expect(resources(own, 'aws_route53_record')).toEqual({});
    expect(
      resource(own, 'aws_acm_certificate_validation', 'alb_certificate_validation'),
    ).not.toHaveProperty('validation_record_fqdns');
  });

  it("targets the home group's private IPs, one per AZ, outside the VPC, guarded by a precondition", () => {
    const local = tf.locals?.kong_private_ips ?? '';
    expect(local).toBe(
      `\${sort(flatten([for g in ${config}.dataplane_groups : g.private_ip_addresses if g.region == "${env.aws.region}"]))}`,
    );
    const attachments = resources(tf, 'aws_lb_target_group_attachment');
    expect(Object.keys(attachments)).toEqual([
      'alb_kong_target_0',
      'alb_kong_target_1',
      'alb_kong_target_2',
    ]);
    expect(attachments.alb_kong_target_1).toMatchObject({
      target_id: ref('element(local.kong_private_ips, 1)'),
      port: 443,
      availability_zone: 'all',
      lifecycle: { precondition: [{ condition: ref('length(local.kong_private_ips) == 3') }] },
    });
    expect(resource(tf, 'aws_lb_target_group', 'alb_kong_targets')).toMatchObject({
      target_type: 'ip',
      protocol: 'HTTPS',
      port: 443,
      health_check: { protocol: 'HTTPS', path: '/', matcher: '200-499' },
    });
  });

  it('routes the public subnets to Kong over the private connection (Transit Gateway or peering)', () => {
    expect(resource(tf, 'aws_route', 'alb_kong_route')).toMatchObject({
      route_table_id: ref('aws_route_table.public_route_table.id'),
      destination_cidr_block: '192.168.0.0/16',
      transit_gateway_id: ref('aws_ec2_transit_gateway.transit_gateway.id'),
      depends_on: ['aws_ec2_transit_gateway_vpc_attachment.transit_gateway_vpc_attachment'],
    });
    const peered = synth(
      fixtureEnvironment((c) => {
        devBehindAlb()(c);
        const [dev] = c.environments;
        if (dev) dev.connectivity = 'vpcPeering';
      }),
    );
    expect(resource(peered, 'aws_route', 'alb_kong_route')).toMatchObject({
      vpc_peering_connection_id: ref(
        'aws_vpc_peering_connection_accepter.kong_vpc_peering_accepter.id',
      ),
    });
  });

  it('admits 443 and 80 from the internet and sends only 443 to Kong', () => {
    const ingress = resources(tf, 'vpc_security_group_ingress_rule');
    const own = Object.entries(resources(tf, 'aws_vpc_security_group_ingress_rule'))
      .filter(
        ([, r]) => r.security_group_id === ref('aws_security_group.alb_edge_security_group.id'),
      )
      .map(([, r]) => [r.cidr_ipv4, r.from_port, r.to_port]);
    expect(ingress).toEqual({});
    expect(own.sort()).toEqual([
      ['0.0.0.0/0', 443, 443],
      ['0.0.0.0/0', 80, 80],
    ]);
    const egress = Object.values(resources(tf, 'aws_vpc_security_group_egress_rule')).filter(
      (r) => r.security_group_id === ref('aws_security_group.alb_edge_security_group.id'),
    );
    expect(egress.map((r) => [r.cidr_ipv4, r.ip_protocol, r.from_port, r.to_port])).toEqual([
      ['192.168.0.0/16', 'tcp', 443, 443],
    ]);
  });

  it("protects the ALB with a REGIONAL WAF carrying CloudFront's rules, logged in the region", () => {
    const acl = resource(tf, 'aws_wafv2_web_acl', 'web_acl');
    expect(acl).toMatchObject({
      scope: 'REGIONAL',
      description: 'routeplane dev: ALB in front of Kong',
    });
    // The environment's own region, not CloudFront's us-east-1 alias.
    expect(acl.provider).toBe('aws');
    const rules = acl.rule as { name: string }[];
    expect(rules.map((r) => r.name)).toEqual([
      'rate-limit-per-ip',
      ...managedGroups.map((g) => g.name),
    ]);
    expect(resource(tf, 'aws_wafv2_web_acl_association', 'alb_web_acl_association')).toEqual({
      resource_arn: ref('aws_lb.alb_edge.arn'),
      web_acl_arn: ref('aws_wafv2_web_acl.web_acl.arn'),
    });
    const key = parsed<{ Statement: { Principal: { Service?: string } }[] }>(
      resource(tf, 'aws_kms_key', 'edge_logs').policy,
    );
    expect(key.Statement.map((s) => s.Principal.Service)).toContain(
      `logs.${env.aws.region}.amazonaws.com`,
    );
  });

  it('leaves the model without the CloudFront origin check and with hosts matched natively', () => {
    expect(env.aws.edge?.kind).toBe('alb');
    expect(env.kong.cloudfrontOriginHeader).toBeUndefined();
    expect(env.kong.requiredEnv).not.toContain('DECK_CLOUDFRONT_ORIGIN_SECRET');
    expect(kongBehindCloudfront(env)).toBe(false);
  });
});

describe('the edge ALB keeps access logs and is protected from deletion', () => {
  const env = fixtureEnvironment(devBehindAlb());
  const tf = synth(env);
  const bucketId = ref('aws_s3_bucket.alb_access_logs.id');
  const bucketArn = ref('aws_s3_bucket.alb_access_logs.arn');
  type Statement = { Sid: string; Effect: string; Principal: Record<string, string> } & Record<
    string,
    unknown
  >;
  const statements = (json: typeof tf) =>
    parsed<{ Statement: Statement[] }>(
      resource(json, 'aws_s3_bucket_policy', 'alb_access_logs_policy').policy,
    ).Statement;

  it("logs every request to the environment's own bucket, after its policy exists", () => {
    expect(resource(tf, 'aws_lb', 'alb_edge')).toMatchObject({
      access_logs: { bucket: bucketId, prefix: albLogPrefix, enabled: true },
      depends_on: ['aws_s3_bucket_policy.alb_access_logs_policy'],
    });
    expect(albLogPrefix).not.toContain('AWSLogs');
    expect(resource(tf, 'aws_s3_bucket', 'alb_access_logs')).toMatchObject({
      bucket_prefix: `${env.aws.cluster.name}-alb-logs-`,
    });
  });

  it('encrypts with SSE-S3 (ELB refuses SSE-KMS), blocks public access, disables ACLs, expires logs', () => {
    expect(
      resource(
        tf,
        'aws_s3_bucket_server_side_encryption_configuration',
        'alb_access_logs_encryption',
      ).rule,
    ).toEqual([{ apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' } }]);
    expect(
      resource(tf, 'aws_s3_bucket_public_access_block', 'alb_access_logs_public_access'),
    ).toEqual({
      bucket: bucketId,
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(
      resource(tf, 'aws_s3_bucket_ownership_controls', 'alb_access_logs_ownership').rule,
    ).toEqual({ object_ownership: 'BucketOwnerEnforced' });
    expect(
      resource(tf, 'aws_s3_bucket_lifecycle_configuration', 'alb_access_logs_expiry').rule,
    ).toMatchObject([{ status: 'Enabled', expiration: [{ days: 365 }] }]);
  });

  it("lets the region's ELB account put objects under its own account's prefix only, over TLS only", () => {
    const [delivery, tls] = statements(tf);
    expect(delivery).toEqual({
      Sid: 'ElbAccessLogDelivery',
      Effect: 'Allow',
      Principal: { AWS: ref('data.aws_elb_service_account.elb_service_account.arn') },
      Action: 's3:PutObject',
      Resource: `${bucketArn}/alb/AWSLogs/${ref('data.aws_caller_identity.current.account_id')}/*`,
    });
    expect(tf.data.aws_elb_service_account).toEqual({ elb_service_account: {} });
    expect(tls).toMatchObject({
      Effect: 'Deny',
      Action: 's3:*',
      Resource: [bucketArn, `${bucketArn}/*`],
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    });
    // S3 aborts concurrent changes to one bucket's access settings.
    expect(resource(tf, 'aws_s3_bucket_policy', 'alb_access_logs_policy').depends_on).toEqual([
      'aws_s3_bucket_public_access_block.alb_access_logs_public_access',
    ]);
  });

  it.each([
    ['us-east-1', { AWS: ref('data.aws_elb_service_account.elb_service_account.arn') }],
    ['us-gov-west-1', { AWS: ref('data.aws_elb_service_account.elb_service_account.arn') }],
    ['ap-southeast-3', { AWS: ref('data.aws_elb_service_account.elb_service_account.arn') }],
    // Launched from August 2022: no ELB account, and aws_elb_service_account fails the plan there.
    ['me-central-1', { Service: elbLogDeliveryService }],
    ['ap-south-2', { Service: elbLogDeliveryService }],
    ['mx-central-1', { Service: elbLogDeliveryService }],
  ])('in %s grants delivery to %j', (region, principal) => {
    const regional = synth(fixtureEnvironment(devBehindAlb(undefined, { region })));
    expect(statements(regional)[0]?.Principal).toEqual(principal);
    expect(regional.data.aws_elb_service_account === undefined).toBe('Service' in principal);
  });

  it('is protected from deletion by default, and destroy keeps its logs', () => {
    expect(resource(tf, 'aws_lb', 'alb_edge').enable_deletion_protection).toBe(true);
    expect(resource(tf, 'aws_s3_bucket', 'alb_access_logs').force_destroy).toBe(false);
  });

  it('with deletionProtection false lets destroy remove the ALB and its bucket with the logs', () => {
    const removable = synth(
      fixtureEnvironment(devBehindAlb(undefined, { deletionProtection: false })),
    );
    expect(resource(removable, 'aws_lb', 'alb_edge').enable_deletion_protection).toBe(false);
    expect(resource(removable, 'aws_s3_bucket', 'alb_access_logs').force_destroy).toBe(true);
  });

  it('leaves a CloudFront environment without an ALB log bucket', () => {
    const cloudfront = synth(fixtureEnvironment());
    expect(resources(cloudfront, 'aws_s3_bucket_policy')).toEqual({});
    expect(Object.keys(resources(cloudfront, 'aws_s3_bucket'))).toEqual(['access_logs']);
    expect(
      resource(cloudfront, 'aws_s3_bucket_ownership_controls', 'access_logs_ownership').rule,
    ).toEqual({ object_ownership: 'BucketOwnerPreferred' });
  });
});
