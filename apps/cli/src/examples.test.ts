import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { haveSharedCrds, repoRoot, sharedCrdsDir } from '@routeplane/test-support';
import { describe, expect, it } from 'vitest';
import type { CommandIo } from './io.js';
import { main } from './main.js';
import { renderedExample } from './rendered-example.fixture.js';

interface Captured extends CommandIo {
  readonly stdout: string[];
  readonly stderr: string[];
}

function captureIo(env: Record<string, string | undefined> = {}): Captured {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    cwd: repoRoot,
    env,
    stdout,
    stderr,
    out: (t) => stdout.push(t),
    err: (t) => stderr.push(t),
  };
}

type Terraform = {
  terraform: { required_providers: Record<string, unknown> };
  resource: Record<string, Record<string, Record<string, unknown>>>;
};

const readTerraform = (root: string, env: string): Terraform =>
  JSON.parse(readFileSync(join(root, `generated/terraform/${env}/main.tf.json`), 'utf8'));

const groupsOf = (tf: Terraform) =>
  tf.resource.konnect_cloud_gateway_configuration?.cloud_gateway_configuration
    ?.dataplane_groups as Record<string, unknown>[];

/** What each example must render beyond a clean tree: the option it demonstrates. */
const examples: Record<string, (root: string, stderr: string) => void | Promise<void>> = {
  'custom-mode': (root, stderr) => {
    expect(groupsOf(readTerraform(root, 'dev')).map((g) => g.autoscale)).toEqual([
      {
        configuration_data_plane_group_autoscale_static: {
          kind: 'static',
          instance_type: 'small',
          requested_instances: 2,
        },
      },
    ]);
    expect(stderr).toMatch(/^warning: .*environments\[0\]\.dataPlaneCustomMode: custom mode/m);
  },
  'multi-region': (root) => {
    const prod = readTerraform(root, 'prod');
    expect(groupsOf(prod).map((g) => g.region)).toEqual(['us-east-1', 'us-west-2']);
    expect(Object.keys(prod.resource.aws_ec2_transit_gateway_peering_attachment ?? {})).toEqual([
      'transit_gateway_peering_us_west_2',
    ]);
    expect(groupsOf(readTerraform(root, 'dev')).map((g) => g.region)).toEqual(['us-east-1']);
  },
  'vpc-peering': (root) => {
    for (const env of ['dev', 'prod']) {
      const tf = readTerraform(root, env);
      expect(Object.keys(tf.resource.aws_vpc_peering_connection_accepter ?? {})).toEqual([
        'kong_vpc_peering_accepter',
      ]);
      expect(tf.resource.aws_ec2_transit_gateway).toBeUndefined();
    }
  },
  'private-endpoint': (root) => {
    const prod = readTerraform(root, 'prod');
    expect(Object.keys(prod.resource.aws_vpclattice_resource_gateway ?? {})).toEqual([
      'kong_resource_gateway',
    ]);
    expect(prod.resource.aws_ec2_transit_gateway).toBeUndefined();
    // Kong maps the certificate's name (kong.upstream.privateDnsZone) to the shared resource.
    expect(JSON.stringify(prod.resource.konnect_cloud_gateway_transit_gateway)).toContain(
      '"domain_name":"gateway.internal.example.com"',
    );
    expect(prod.resource.konnect_cloud_gateway_private_dns).toBeUndefined();
    // dev keeps the shipped Transit Gateway: connectivity is per environment.
    expect(Object.keys(readTerraform(root, 'dev').resource.aws_ec2_transit_gateway ?? {})).toEqual([
      'transit_gateway',
    ]);
  },
  // The trust rule is packages/validate's workload-identity-rules.test.ts; here: one role per env.
  'workload-identity': (root) => {
    const roleOf = (env: string, id: string) =>
      readTerraform(root, env).resource.aws_iam_role?.[id];
    expect(roleOf('dev', 'kong_workload_identity_kong_dev_s3_reader')).toMatchObject({
      name: 'kong-dev-s3-reader',
      path: '/',
    });
    const prod = roleOf('prod', 'kong_workload_identity_kong_prod_pricing_invoker');
    expect(prod).toMatchObject({ name: 'kong-prod-pricing-invoker', path: '/kong/' });
    const trust = JSON.parse(String(prod?.assume_role_policy)) as {
      Statement: { Principal: { AWS: string[] } }[];
    };
    expect(trust.Statement[0]?.Principal.AWS.map((p) => p.replace(/.*:role\//, ''))).toEqual([
      `\${konnect_cloud_gateway_network.cloud_gateway_network.id}`,
      `\${konnect_cloud_gateway_network.cloud_gateway_network_us_west_2.id}`,
    ]);
  },
  // The consistency rule is packages/validate's alb-edge-rules.test.ts; here: dev behind an ALB.
  'alb-edge': async (root, stderr) => {
    // Only the keys an ALB reads: no unread CloudFront key left behind (loader rule edge-keys).
    expect(stderr).not.toContain('warning:');
    const dev = readTerraform(root, 'dev');
    expect(dev.resource.aws_cloudfront_distribution).toBeUndefined();
    expect(dev.resource.konnect_cloud_gateway_custom_domain).toBeUndefined();
    // Logged to the environment's bucket and protected from deletion (the default).
    expect(dev.resource.aws_lb?.alb_edge).toMatchObject({
      internal: false,
      enable_deletion_protection: true,
      access_logs: { bucket: `\${aws_s3_bucket.alb_access_logs.id}`, enabled: true },
    });
    expect(dev.resource.aws_wafv2_web_acl?.web_acl).toMatchObject({ scope: 'REGIONAL' });
    expect(Object.keys(dev.resource.aws_lb_target_group_attachment ?? {})).toHaveLength(3);
    expect(
      dev.resource.konnect_cloud_gateway_configuration?.cloud_gateway_configuration?.api_access,
    ).toBe('private');
    expect(readTerraform(root, 'prod').resource.aws_lb).toBeUndefined();
    const kong = readFileSync(join(root, 'deck/dev/kong.yaml'), 'utf8');
    expect(kong).toMatch(/^\s+hosts:\n\s+- api\.dev\.example\.com\n\s+- api\.example\.com$/m);
    expect(kong).not.toContain('X-Viewer-Host');
    expect(kong).not.toContain('pre-function');
    // explain enters through the ALB and follows the client's Host into Kong.
    const io = captureIo();
    const catalog = join('examples', 'alb-edge', 'catalog.yaml');
    const args = [
      '--root',
      root,
      '--env',
      'dev',
      '--host',
      'api.dev.example.com',
      '--format',
      'json',
    ];
    await main(['explain', '--catalog', catalog, ...args, '/app2/orders'], io);
    const trace = JSON.parse(io.stdout.join('')) as { outcome: string; hops: { title: string }[] };
    expect([trace.outcome, trace.hops[0]?.title]).toEqual(['delivered', 'ALB and regional WAF']);
  },
  // The consistency rule is packages/validate's no-edge-rules.test.ts; here: dev has no edge.
  'no-edge': async (root, stderr) => {
    // Only the key Kong's own endpoint reads: no unread CloudFront key left behind (edge-keys).
    expect(stderr).not.toContain('warning:');
    const dev = readTerraform(root, 'dev');
    expect(dev.resource.aws_cloudfront_distribution).toBeUndefined();
    expect(dev.resource.aws_wafv2_web_acl).toBeUndefined();
    expect(groupsOf(dev)[0]).not.toHaveProperty('environment');
    expect(
      Object.keys(readTerraform(root, 'prod').resource.aws_cloudfront_distribution ?? {}),
    ).toEqual(['distribution']);
    const kong = readFileSync(join(root, 'deck/dev/kong.yaml'), 'utf8');
    expect(kong).toMatch(
      /^\s+hosts:\n\s+- api\.example\.com\n\s+- proxy\.kong-cloud-gw-dev\.example\.com$/m,
    );
    expect(kong).not.toContain('X-Viewer-Host');
    expect(kong).not.toContain('pre-function');
    expect(readFileSync(join(root, 'deck/prod/kong.yaml'), 'utf8')).toContain('X-Viewer-Host:');
    // explain follows the client's own Host into Kong: a listed one reaches app2, others stop.
    const outcome = async (host: string) => {
      const io = captureIo();
      const catalog = join('examples', 'no-edge', 'catalog.yaml');
      const args = ['--root', root, '--env', 'dev', '--host', host, '--format', 'json'];
      await main(['explain', '--catalog', catalog, ...args, '/app2/orders'], io);
      const trace = JSON.parse(io.stdout.join('')) as {
        outcome: string;
        hops: { title: string }[];
      };
      return [trace.outcome, trace.hops[0]?.title];
    };
    const edge = "Kong's public endpoint (no edge)";
    expect(await outcome('proxy.kong-cloud-gw-dev.example.com')).toEqual(['delivered', edge]);
    expect(await outcome('other.example.com')).toEqual(['rejected', edge]);
  },
  // Issue 18's end-to-end checks are ecs-fargate-example.test.ts; here: no Konnect cloud gateway.
  'ecs-fargate': (root) => {
    for (const env of ['dev', 'prod']) {
      const tf = readTerraform(root, env);
      expect(tf.terraform.required_providers).toHaveProperty('aws');
      expect(Object.keys(tf.resource.aws_ecs_service ?? {}).length).toBeGreaterThan(0);
      expect(tf.resource.konnect_cloud_gateway_configuration).toBeUndefined();
      expect(tf.resource.aws_ec2_transit_gateway).toBeUndefined();
    }
  },
  // Issue 17's checks against the official schemas are packages/validate's waypoint-example.test.ts.
  waypoint: (root) => {
    const waypoint = readFileSync(
      join(root, 'generated/k8s/dev/waypoints/orders/orders-api.yaml'),
      'utf8',
    );
    expect(waypoint).toContain('name: orders-api-waypoint');
    expect(waypoint).toContain('gatewayClassName: istio-waypoint');
  },
  'custom-domain-dns': (root) => {
    const records = (env: string) =>
      Object.values(readTerraform(root, env).resource.aws_route53_record ?? {})
        .filter((r) => r.type === 'CNAME' && String(r.name).startsWith('_acme') === false)
        .map((r) => [r.name, r.records]);
    expect(records('prod')).toContainEqual([
      'proxy.kong-cloud-gw-prod.example.com',
      ['prod-9876543210.edge.gateways.example.net'],
    ]);
    const dev = readTerraform(root, 'dev').resource.aws_route53_record ?? {};
    expect(dev.kong_domain_acme_challenge_record).toMatchObject({
      name: '_acme-challenge.proxy.kong-cloud-gw-dev.example.com',
      records: ['dev-0123456789.acme.gateways.example.net'],
    });
  },
  'backend-shared-secret': async (root) => {
    const kong = readFileSync(join(root, 'deck/prod/kong.yaml'), 'utf8');
    expect(kong).toContain(`- X-Backend-Secret:\${{ env "DECK_USERS_API_SHARED_SECRET" }}`);
    const io = captureIo();
    const catalog = join('examples', 'backend-shared-secret', 'catalog.yaml');
    expect(await main(['deck-env', '--catalog', catalog, '--env', 'prod'], io)).toBe(0);
    expect(io.stdout).toContain(
      'DECK_USERS_API_SHARED_SECRET\tthe shared secret Kong sends in header X-Backend-Secret to backend api-services/users-api',
    );
  },
  // The Lua checks are packages/catalog's custom-plugin-*.test.ts; here: upload, then use by name.
  'custom-plugin': (root) => {
    for (const env of ['dev', 'prod']) {
      const uploads = readTerraform(root, env).resource.konnect_gateway_custom_plugin_streaming;
      expect(Object.keys(uploads ?? {})).toEqual(['custom_plugin_tenant_header']);
      expect(uploads?.custom_plugin_tenant_header).toMatchObject({
        control_plane_id: `\${konnect_gateway_control_plane.control_plane.id}`,
        name: 'tenant-header',
        handler: readFileSync(
          join(repoRoot, 'examples/custom-plugin/plugins/tenant-header/handler.lua'),
          'utf8',
        ),
      });
      const kong = readFileSync(join(root, `deck/${env}/kong.yaml`), 'utf8');
      expect(kong.match(/- name: tenant-header\n/g)).toHaveLength(1);
    }
  },
  // The rule checks are packages/validate's rate-limit-rules.test.ts; here: add-on, link, DECK_ id.
  'managed-cache': async (root) => {
    type AddOnConfig = { managed_cache: { capacity_config: { tiered: { tier: string } } } };
    const tiers = ['dev', 'prod'].map((env) => {
      const addOn = readTerraform(root, env).resource.konnect_cloud_gateway_addon?.managed_cache;
      return (addOn?.config as AddOnConfig | undefined)?.managed_cache.capacity_config.tiered.tier;
    });
    expect(tiers).toEqual(['micro', 'medium']);
    const kong = readFileSync(join(root, 'deck/prod/kong.yaml'), 'utf8');
    expect(kong).toContain('- name: rate-limiting-advanced\n');
    expect(kong).toContain(`- id: \${{ env "DECK_MANAGED_CACHE_PARTIAL_ID" }}\n`);
    expect(kong).toContain('- rate-limit-per-node-accepted\n');
    const io = captureIo();
    const catalog = join('examples', 'managed-cache', 'catalog.yaml');
    expect(await main(['deck-env', '--catalog', catalog, '--env', 'dev'], io)).toBe(0);
    expect(io.stdout.join('\n')).toContain(
      'DECK_MANAGED_CACHE_PARTIAL_ID\tthe id of the Redis partial Konnect created for add-on kong-cloud-gw-dev-managed-cache',
    );
  },
  // The request-level proof (CloudFront function + Kong router model) is viewer-hosts-example.test.ts.
  'viewer-hosts': (root) => {
    const dev = readTerraform(root, 'dev');
    expect(Object.keys(dev.resource.aws_cloudfront_function ?? {})).toEqual(['viewer_host']);
    const kong = readFileSync(join(root, 'deck/dev/kong.yaml'), 'utf8');
    expect(kong).toContain('X-Viewer-Host:');
    expect(kong).not.toMatch(/^\s+hosts:/m);
  },
};

describe('the example catalogs', () => {
  it('has a check for every directory under examples/', () => {
    const dirs = readdirSync(join(repoRoot, 'examples'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect(dirs).toEqual(Object.keys(examples).sort());
  });

  const shipped = readTerraform(repoRoot, 'dev');

  it.each(Object.entries(examples))(
    '%s renders with generate --root, passes validate and holds its option',
    async (name, check) => {
      const generate = await renderedExample(name);
      expect(generate.code).toBe(0);
      const { root, catalog } = generate;

      const env = haveSharedCrds() ? { ROUTEPLANE_CRDS: sharedCrdsDir } : {};
      const validate = captureIo(env);
      const code = await main(
        ['validate', '--catalog', catalog, '--root', root, '--no-external', '--format', 'json'],
        validate,
      );
      const report = JSON.parse(validate.stdout.join('')) as { findings: unknown[] };
      expect(report.findings).toEqual([]);
      expect(code).toBe(0);

      // Held as the shipped catalog's Terraform is: the same exact pin for every provider both use
      // (Kong on ECS Fargate adds its own; waypoint renders dev only).
      const pins = shipped.terraform.required_providers;
      for (const envName of readdirSync(join(root, 'generated/terraform'))) {
        const own = readTerraform(root, envName).terraform.required_providers;
        const common = Object.keys(own).filter((p) => p in pins);
        expect(common.length).toBeGreaterThan(0);
        for (const provider of common) expect(own[provider]).toEqual(pins[provider]);
      }
      await check(root, generate.stderr.join('\n'));
    },
    120_000,
  );
});
