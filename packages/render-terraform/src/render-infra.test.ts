import { join } from 'node:path';
import { loadModel } from '@routeplane/catalog';
import { fixtureEnvironment, fixtureModel } from '@routeplane/catalog/testing';
import { repoRoot } from '@routeplane/test-support';
import { describe, expect, it } from 'vitest';
import { renderInfra } from './render-infra.js';
import { ref, resource, synth, type TerraformJson } from './terraform-json.fixture.js';

describe('renderInfra on the shipped catalog', () => {
  const model = loadModel(join(repoRoot, 'catalog.yaml'));
  const files = renderInfra(model);

  it('renders one Terraform JSON file per environment under generated/terraform/<env>', () => {
    expect(files.map((f) => f.path)).toEqual(
      model.environments.map((env) => `generated/terraform/${env.name}/main.tf.json`),
    );
    for (const file of files) expect(file.content.kind).toBe('json');
  });

  it('gives every environment its own state, cluster, control plane and rate limits', () => {
    const values = files.map((f) =>
      f.content.kind === 'json' ? f.content.value : {},
    ) as TerraformJson[];
    model.environments.forEach((env, index) => {
      const tf = values[index];
      if (!tf) throw new Error(`no Terraform for ${env.name}`);
      expect(tf.terraform.backend.s3).toMatchObject({
        bucket: env.aws.state.bucket,
        key: `${env.aws.state.keyPrefix}/terraform.tfstate`,
        use_lockfile: true,
      });
      expect(resource(tf, 'aws_eks_cluster', 'cluster').name).toBe(env.aws.cluster.name);
      expect(resource(tf, 'konnect_gateway_control_plane', 'control_plane').name).toBe(
        env.kong.controlPlaneName,
      );
      const config = resource(
        tf,
        'konnect_cloud_gateway_configuration',
        'cloud_gateway_configuration',
      );
      expect(JSON.stringify(config)).toContain(`"base_rps":${env.kong.dataPlane.baseRps}`);
    });
  });

  it('is deterministic: two renders are byte-identical', () => {
    expect(JSON.stringify(renderInfra(model))).toBe(JSON.stringify(files));
  });

  it('contains no absolute path, construct metadata or cdktn stack trace', () => {
    const text = JSON.stringify(files);
    for (const forbidden of ['"//"', repoRoot, '/tmp/', '/home/', 'node_modules', 'stackTrace']) {
      expect(text).not.toContain(forbidden);
    }
  });
});

describe('terraform settings', () => {
  const tf = synth(fixtureEnvironment());

  it('pins every provider to an exact version', () => {
    expect(tf.terraform.required_providers).toEqual({
      aws: { source: 'hashicorp/aws', version: '6.66.0' },
      helm: { source: 'hashicorp/helm', version: '3.1.2' },
      konnect: { source: 'kong/konnect', version: '3.19.0' },
    });
    expect(tf.terraform.required_version).toBe('>= 1.10.0');
  });

  it('keeps state in S3 with the native lock file', () => {
    expect(tf.terraform.backend.s3).toEqual({
      bucket: 'state-bucket',
      region: 'eu-west-1',
      key: 'routeplane/dev/terraform.tfstate',
      encrypt: true,
      use_lockfile: true,
    });
  });

  it('configures helm from the cluster with aws eks get-token, no kubeconfig', () => {
    expect(tf.provider.helm).toEqual([
      {
        kubernetes: {
          host: ref('aws_eks_cluster.cluster.endpoint'),
          cluster_ca_certificate: ref(
            'base64decode(aws_eks_cluster.cluster.certificate_authority[0].data)',
          ),
          exec: {
            api_version: 'client.authentication.k8s.io/v1beta1',
            command: 'aws',
            args: [
              'eks',
              'get-token',
              '--cluster-name',
              ref('aws_eks_cluster.cluster.name'),
              '--region',
              'eu-west-1',
            ],
          },
        },
      },
    ]);
    expect(tf.provider.konnect).toEqual([{ server_url: 'https://eu.api.konghq.com' }]);
  });

  it('locks the AWS providers to the catalog account when it names one', () => {
    // the fixture's prod names its account, dev does not
    const named = synth(fixtureEnvironment(undefined, 'prod'));
    for (const provider of named.provider.aws ?? []) {
      expect(provider.allowed_account_ids).toEqual(['444455556666']);
    }
    for (const provider of tf.provider.aws ?? [])
      expect(provider).not.toHaveProperty('allowed_account_ids');
  });

  it('renders every environment of a multi-environment model', () => {
    expect(renderInfra(fixtureModel()).map((f) => f.path)).toEqual([
      'generated/terraform/dev/main.tf.json',
      'generated/terraform/prod/main.tf.json',
    ]);
  });
});

describe('renderInfra without a terraform binary', () => {
  it('synthesizes with no terraform on PATH (generate must not need one)', () => {
    const saved = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      const files = renderInfra(fixtureModel());
      expect(files.length).toBeGreaterThan(0);
      const json = JSON.stringify(files.map((f) => f.content));
      expect(json).toContain('"terraform_data"');
    } finally {
      process.env.PATH = saved;
    }
  });
});
