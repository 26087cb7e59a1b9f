import { loadModel } from '@routeplane/catalog';
import { ecsFargateCatalogPath } from '@routeplane/catalog/testing/ecs-fargate-catalogs';
import { describe, expect, it } from 'vitest';
import { parsed, ref, resource, resources, synth } from '../../terraform-json.fixture.js';

const model = loadModel(ecsFargateCatalogPath);
const envNamed = (name: string) => {
  const env = model.environments.find((e) => e.name === name);
  if (!env) throw new Error(`no environment ${name}`);
  return env;
};
const prod = synth(envNamed('prod'));
const sg = (name: string) => ref(`aws_security_group.kong_${name}_security_group.id`);

type Rule = Record<string, unknown>;
const rulesOf = (type: string): Rule[] => Object.values(resources(prod, type));

describe('ECS Fargate data plane: security group paths', () => {
  const ingress = rulesOf('aws_vpc_security_group_ingress_rule');
  const egress = rulesOf('aws_vpc_security_group_egress_rule');
  const edge = (from: string, to: string, port: number) => ({
    egress: egress.filter(
      (r) =>
        r.security_group_id === from &&
        r.referenced_security_group_id === to &&
        r.from_port === port &&
        r.to_port === port,
    ).length,
    ingress: ingress.filter(
      (r) =>
        r.security_group_id === to &&
        r.referenced_security_group_id === from &&
        r.from_port === port &&
        r.to_port === port,
    ).length,
  });

  it.each([
    ['VPC link -> ALB', 'vpc_link', 'alb', 80],
    ['ALB -> Kong proxy', 'alb', 'tasks', 8000],
    ['ALB -> Kong status (health check)', 'alb', 'tasks', 8100],
    ['Kong tasks -> Redis', 'tasks', 'redis', 6379],
  ])('%s is open on both sides, on that one port', (_name, from, to, port) => {
    expect(edge(sg(from), sg(to), port)).toEqual({ egress: 1, ingress: 1 });
  });

  it('admits into Redis and the ALB nothing but those edges, and Redis sends nothing', () => {
    expect(ingress.filter((r) => r.security_group_id === sg('redis'))).toHaveLength(1);
    expect(egress.filter((r) => r.security_group_id === sg('redis'))).toHaveLength(0);
    expect(ingress.filter((r) => r.security_group_id === sg('alb'))).toHaveLength(1);
    expect(ingress.filter((r) => r.security_group_id === sg('tasks'))).toHaveLength(2);
  });

  it("Kong tasks -> the gateway NLB: 443 to each EKS private subnet, admitted by the NLB from Kong's task subnets only", () => {
    const toGateway = egress.filter(
      (r) =>
        r.security_group_id === sg('tasks') &&
        String(r.description).startsWith('Kong to the gateway'),
    );
    expect(toGateway.map((r) => r.cidr_ipv4)).toEqual([
      ref('aws_subnet.private_subnet_use1_az1.cidr_block'),
      ref('aws_subnet.private_subnet_use1_az2.cidr_block'),
      ref('aws_subnet.private_subnet_use1_az4.cidr_block'),
    ]);
    const nlb = ingress.filter(
      (r) => r.security_group_id === ref('aws_security_group.gateway_nlb_security_group.id'),
    );
    expect(nlb.map((r) => [r.cidr_ipv4, r.from_port])).toEqual([
      ['10.40.4.0/23', 443],
      ['10.40.6.0/23', 443],
    ]);
    // EKS routes back to Kong's task subnets only, over the peering.
    const back = Object.entries(resources(prod, 'aws_route')).filter(([n]) =>
      n.startsWith('eks_to_kong_'),
    );
    expect(new Set(back.map(([, r]) => r.destination_cidr_block))).toEqual(
      new Set(['10.40.4.0/23', '10.40.6.0/23']),
    );
  });

  it("puts the VPC link ENIs in Kong's app subnets", () => {
    expect(resource(prod, 'aws_apigatewayv2_vpc_link', 'kong_vpc_link').subnet_ids).toEqual([
      ref('aws_subnet.kong_app_subnet_use1_az1.id'),
      ref('aws_subnet.kong_app_subnet_use1_az2.id'),
    ]);
    expect(resource(prod, 'aws_apigatewayv2_route', 'kong_proxy_route').route_key).toBe(
      'ANY /{proxy+}',
    );
  });
});

describe('ECS Fargate data plane: identity and secret injection', () => {
  const task = resource(prod, 'aws_ecs_task_definition', 'kong_task');
  const [container] = parsed<Record<string, unknown>[]>(task.container_definitions);
  const env = (container?.environment ?? []) as { name: string; value: string }[];

  it('injects the private key only through ECS secrets from Secrets Manager', () => {
    expect(container?.secrets).toEqual([
      {
        name: 'KONG_CLUSTER_CERT_KEY',
        valueFrom: ref('aws_secretsmanager_secret.data_plane_key_secret.arn'),
      },
    ]);
    expect(env.map((e) => e.name)).not.toContain('KONG_CLUSTER_CERT_KEY');
    expect(JSON.stringify(env)).not.toContain('private_key_pem');
    expect(JSON.stringify(prod)).not.toMatch(/BEGIN [A-Z ]*PRIVATE KEY/);
    expect(
      resource(prod, 'aws_secretsmanager_secret_version', 'data_plane_key_secret_value')
        .secret_string,
    ).toBe(ref('tls_private_key.data_plane_key.private_key_pem'));
  });

  it('lets the execution role read that one secret and the task role nothing', () => {
    const policy = parsed<{ Statement: { Action: unknown; Resource: unknown }[] }>(
      resource(prod, 'aws_iam_role_policy', 'kong_execution_role_policy').policy,
    );
    expect(policy.Statement).toContainEqual(
      expect.objectContaining({
        Action: 'secretsmanager:GetSecretValue',
        Resource: ref('aws_secretsmanager_secret.data_plane_key_secret.arn'),
      }),
    );
    expect(Object.keys(resources(prod, 'aws_iam_role_policy'))).not.toContain(
      'kong_task_role_policy',
    );
  });

  it('runs Kong as a hybrid data plane, non-root, read-only, pinned to its control plane', () => {
    const byName = Object.fromEntries(env.map((e) => [e.name, e.value]));
    expect(byName).toMatchObject({
      KONG_ROLE: 'data_plane',
      KONG_DATABASE: 'off',
      KONG_CLUSTER_MTLS: 'pki',
      KONG_KONNECT_MODE: 'on',
      KONG_CLUSTER_CERT: ref('tls_self_signed_cert.data_plane_cert.cert_pem'),
    });
    expect(container).toMatchObject({ user: 'kong', readonlyRootFilesystem: true });
    expect(
      resource(
        prod,
        'konnect_gateway_data_plane_client_certificate',
        'data_plane_client_certificate',
      ),
    ).toMatchObject({
      cert: ref('tls_self_signed_cert.data_plane_cert.cert_pem'),
      control_plane_id: ref('konnect_gateway_control_plane.control_plane.id'),
      title: 'kong-fargate-prod-kong',
    });
    expect(resource(prod, 'konnect_gateway_control_plane', 'control_plane')).toMatchObject({
      cloud_gateway: false,
      auth_type: 'pinned_client_certs',
    });
  });

  it('rolls back failed deployments and keeps at least 2 tasks in prod', () => {
    expect(resource(prod, 'aws_ecs_service', 'kong_service')).toMatchObject({
      deployment_circuit_breaker: { enable: true, rollback: true },
      desired_count: 2,
    });
    expect(resource(prod, 'aws_appautoscaling_target', 'kong_scaling_target').min_capacity).toBe(2);
  });

  it('renders no Dedicated Cloud Gateway resource and no CloudFront', () => {
    for (const type of [
      'konnect_cloud_gateway_network',
      'konnect_cloud_gateway_configuration',
      'aws_cloudfront_distribution',
      'aws_ram_resource_share',
    ]) {
      expect(resources(prod, type)).toEqual({});
    }
  });
});

describe('ECS Fargate data plane: the CloudFront + WAF entry (the example test environment)', () => {
  const test = synth(envNamed('test'));
  const ingress = Object.values(resources(test, 'aws_vpc_security_group_ingress_rule'));
  const albGroup = ref('aws_security_group.kong_alb_security_group.id');

  it("admits into the ALB only CloudFront's origin-facing ranges, on the listener port", () => {
    expect(ingress.filter((r) => r.security_group_id === albGroup)).toEqual([
      expect.objectContaining({
        prefix_list_id: ref('data.aws_ec2_managed_prefix_list.kong_cloudfront_origin_facing.id'),
        from_port: 80,
        to_port: 80,
      }),
    ]);
    expect(test.data.aws_ec2_managed_prefix_list?.kong_cloudfront_origin_facing).toEqual({
      name: 'com.amazonaws.global.cloudfront.origin-facing',
    });
    expect(resources(test, 'aws_apigatewayv2_api')).toEqual({});
    expect(resources(test, 'aws_apigatewayv2_vpc_link')).toEqual({});
  });

  it('reaches the internal ALB through a VPC origin, HTTPS-only for viewers, behind the WAF', () => {
    expect(resource(test, 'aws_cloudfront_vpc_origin', 'kong_vpc_origin')).toMatchObject({
      vpc_origin_endpoint_config: [
        expect.objectContaining({ arn: ref('aws_lb.kong_alb.arn'), http_port: 80 }),
      ],
    });
    const distribution = resource(test, 'aws_cloudfront_distribution', 'distribution');
    expect(distribution).toMatchObject({
      aliases: ['api.test.example.com'],
      web_acl_id: ref('aws_wafv2_web_acl.web_acl.arn'),
      default_cache_behavior: expect.objectContaining({ viewer_protocol_policy: 'https-only' }),
      viewer_certificate: expect.objectContaining({ minimum_protocol_version: 'TLSv1.2_2021' }),
    });
    expect(JSON.stringify(resource(test, 'aws_wafv2_web_acl', 'web_acl'))).toContain(
      '"limit":2000',
    );
    expect(resource(test, 'aws_lb', 'kong_alb').internal).toBe(true);
  });

  it("makes Kong trust X-Forwarded-For from the ALB's subnets and CloudFront's ranges only", () => {
    const task = resource(test, 'aws_ecs_task_definition', 'kong_task');
    const [container] = parsed<{ environment: { name: string; value: string }[] }[]>(
      task.container_definitions,
    );
    expect(container?.environment.find((e) => e.name === 'KONG_TRUSTED_IPS')?.value).toBe(
      `10.40.0.0/24,10.40.1.0/24,${ref('join(",", [for entry in data.aws_ec2_managed_prefix_list.kong_cloudfront_origin_facing.entries : entry.cidr])')}`,
    );
  });
});

describe.each(model.environments.map((e) => [e.name]))(
  'ECS Fargate data plane: security properties of the example %s',
  (name) => {
    const tf = synth(envNamed(name));
    const all = (type: string) => Object.values(resources(tf, type));

    it('logs all traffic of both VPCs, encrypts and keeps every log group a year, rotates every key', () => {
      expect(new Set(all('aws_flow_log').map((f) => f.vpc_id))).toEqual(
        new Set([ref('aws_vpc.kong_vpc.id'), ref('aws_vpc.vpc.id')]),
      );
      for (const group of all('aws_cloudwatch_log_group')) {
        expect(group.kms_key_id).toMatch(/^\$\{aws_kms_key\.\w+\.arn\}$/);
        expect(group.retention_in_days).toBeGreaterThanOrEqual(365);
      }
      for (const key of all('aws_kms_key')) expect(key.enable_key_rotation).toBe(true);
    });

    it('opens no all-ports or all-protocols rule and strips both default security groups', () => {
      const rules = [
        ...all('aws_vpc_security_group_ingress_rule'),
        ...all('aws_vpc_security_group_egress_rule'),
      ];
      expect(all('aws_security_group_rule')).toEqual([]);
      for (const rule of rules) {
        expect(rule.ip_protocol).toBe('tcp');
        expect(rule.from_port).toBe(rule.to_port);
      }
      for (const group of all('aws_security_group')) {
        expect(group).not.toHaveProperty('ingress');
        expect(group).not.toHaveProperty('egress');
      }
      expect(all('aws_default_security_group')).toHaveLength(2);
      for (const group of all('aws_default_security_group')) {
        expect(group).not.toHaveProperty('ingress');
        expect(group).not.toHaveProperty('egress');
      }
    });

    it('keeps the image immutable and scanned, and Redis encrypted with AUTH from a sensitive variable', () => {
      expect(resource(tf, 'aws_ecr_repository', 'kong_image_repository')).toMatchObject({
        image_tag_mutability: 'IMMUTABLE',
        image_scanning_configuration: { scan_on_push: true },
      });
      expect(resource(tf, 'aws_elasticache_replication_group', 'kong_redis')).toMatchObject({
        at_rest_encryption_enabled: 'true',
        transit_encryption_enabled: true,
        auth_token: ref('var.redis_auth_token'),
      });
      expect(tf.variable?.redis_auth_token).toMatchObject({ sensitive: true, nullable: false });
      expect(resource(tf, 'aws_lb', 'kong_alb')).toMatchObject({
        internal: true,
        drop_invalid_header_fields: true,
      });
    });
  },
);
