import type { RouteCatalog as CatalogData } from '@routeplane/catalog';
import { fixtureEnvironment } from '@routeplane/catalog/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { haveTerraform, terraformScratch } from '../terraform-cli.fixture.js';
import { resource, synth } from '../terraform-json.fixture.js';

function devBehindAlb(c: CatalogData): void {
  const [dev] = c.environments;
  if (dev) dev.aws = { ...dev.aws, edge: { kind: 'alb' } };
}

type Precondition = { condition: string; error_message: string };

/**
 * The ALB targets' expressions under real Terraform: the rendered local (home group picked from
 * the dataplane_groups set by region), each attachment's target_id and its precondition, with the
 * Konnect configuration (a provider resource, which needs the network) replaced by a variable of
 * the same shape.
 */
describe.runIf(haveTerraform())('the ALB targets under real Terraform', () => {
  const env = fixtureEnvironment(devBehindAlb);
  const tf = synth(env);
  const groups = 'konnect_cloud_gateway_configuration.cloud_gateway_configuration.dataplane_groups';
  const local = String(tf.locals?.kong_private_ips).replace(groups, 'var.dataplane_groups');
  const attachments = [0, 1, 2].map((i) =>
    resource(tf, 'aws_lb_target_group_attachment', `alb_kong_target_${i}`),
  );
  const scratch = terraformScratch(
    {
      variable: {
        dataplane_groups: {
          type: 'set(object({ region = string, private_ip_addresses = list(string) }))',
        },
      },
      locals: { kong_private_ips: local },
      resource: {
        terraform_data: Object.fromEntries(
          attachments.map((a, i) => [
            `target_${i}`,
            {
              input: a.target_id,
              lifecycle: {
                precondition: (a.lifecycle as { precondition: Precondition[] }).precondition,
              },
            },
          ]),
        ),
      },
      output: {
        targets: { value: attachments.map((_, i) => `\${terraform_data.target_${i}.output}`) },
      },
    },
    process.env.PATH ?? '',
  );
  afterAll(() => scratch.remove());
  const groupsVar = (home: string[]) =>
    `-var=dataplane_groups=${JSON.stringify([
      { region: 'us-west-2', private_ip_addresses: ['10.9.0.1', '10.9.0.2', '10.9.0.3'] },
      { region: env.aws.region, private_ip_addresses: home },
    ])}`;

  it("targets the home region's three IPs, whatever the set's order", () => {
    scratch.run('init', '-input=false');
    scratch.run(
      'apply',
      '-auto-approve',
      '-input=false',
      groupsVar(['192.168.2.10', '192.168.0.10', '192.168.1.10']),
    );
    expect(JSON.parse(scratch.run('output', '-json', 'targets'))).toEqual([
      '192.168.0.10',
      '192.168.1.10',
      '192.168.2.10',
    ]);
  });

  it.each([
    ['none yet', []],
    ['two', ['192.168.0.10', '192.168.1.10']],
  ])('stops with a clear message when Konnect reports %s', (_name, home) => {
    expect(() => scratch.run('plan', '-input=false', groupsVar(home))).toThrow(
      `Kong's ${env.aws.region} data-plane group must report 3 private IPs`,
    );
  });
});

/**
 * The access-log bucket policy as Terraform evaluates it: the rendered string, its references to
 * the bucket, the account and the ELB account replaced by variables, must decode to the policy ELB
 * delivery needs, with the object path under the ALB's prefix and the account.
 */
describe.runIf(haveTerraform())('the ALB access-log bucket policy under real Terraform', () => {
  const tf = synth(fixtureEnvironment(devBehindAlb));
  const rendered = String(resource(tf, 'aws_s3_bucket_policy', 'alb_access_logs_policy').policy)
    .replaceAll('aws_s3_bucket.alb_access_logs.arn', 'var.bucket_arn')
    .replaceAll('data.aws_caller_identity.current.account_id', 'var.account_id')
    .replaceAll('data.aws_elb_service_account.elb_service_account.arn', 'var.elb_account_arn');
  const variable = { type: 'string' };
  const scratch = terraformScratch(
    {
      variable: { bucket_arn: variable, account_id: variable, elb_account_arn: variable },
      output: { policy: { value: `\${jsondecode(${JSON.stringify(rendered)})}` } },
    },
    process.env.PATH ?? '',
  );
  afterAll(() => scratch.remove());

  it('decodes to ELB delivery scoped to alb/AWSLogs/<account>/ and a TLS-only deny', () => {
    scratch.run('init', '-input=false');
    scratch.run(
      'apply',
      '-auto-approve',
      '-input=false',
      '-var=bucket_arn=arn:aws:s3:::cluster-dev-alb-logs-1',
      '-var=account_id=111122223333',
      '-var=elb_account_arn=arn:aws:iam::156460612806:root',
    );
    const policy = JSON.parse(scratch.run('output', '-json', 'policy'));
    expect(policy.Statement).toEqual([
      {
        Sid: 'ElbAccessLogDelivery',
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::156460612806:root' },
        Action: 's3:PutObject',
        Resource: 'arn:aws:s3:::cluster-dev-alb-logs-1/alb/AWSLogs/111122223333/*',
      },
      {
        Sid: 'TlsOnly',
        Effect: 'Deny',
        Principal: { AWS: '*' },
        Action: 's3:*',
        Resource: ['arn:aws:s3:::cluster-dev-alb-logs-1', 'arn:aws:s3:::cluster-dev-alb-logs-1/*'],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
    ]);
  });
});
