import { fixtureEnvironment } from '@routeplane/catalog/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { haveTerraform, terraformScratch } from '../terraform-cli.fixture.js';
import { ref, resource, resources, synth } from '../terraform-json.fixture.js';

const admins = [
  'arn:aws:iam::111122223333:role/PlatformAdmin',
  'arn:aws:iam::111122223333:role/TerraformRunner',
];
const tf = synth(
  fixtureEnvironment((c) => {
    c.aws.cluster.admins = admins;
  }),
);

describe('cluster admins: explicit access entries, never the creator bootstrap entry', () => {
  it('creates the cluster without the implicit creator entry (no 409 for an admin who runs Terraform)', () => {
    expect(resource(tf, 'aws_eks_cluster', 'cluster').access_config).toMatchObject({
      bootstrap_cluster_creator_admin_permissions: false,
    });
  });

  it('gives every admin, the runner included, one entry and one cluster-admin association', () => {
    const entries = Object.values(resources(tf, 'aws_eks_access_entry'));
    expect(entries.map((e) => e.principal_arn).sort()).toEqual([...admins].sort());
    expect(Object.keys(resources(tf, 'aws_eks_access_policy_association'))).toHaveLength(2);
  });

  it('fails the plan when the identity running Terraform is not an admin', () => {
    const gate = resource(tf, 'terraform_data', 'cluster_admin_access');
    const [precondition] = (gate.lifecycle as { precondition: Record<string, string>[] })
      .precondition;
    expect(precondition?.condition).toBe(
      `\${contains(${JSON.stringify(admins)}, data.aws_iam_session_context.terraform_runner.issuer_arn)}`,
    );
    expect(precondition?.error_message).toContain('is not in aws.cluster.admins');
    expect(tf.data.aws_iam_session_context?.terraform_runner).toEqual({
      arn: ref('data.aws_caller_identity.current.arn'),
    });
  });

  it('installs every Helm release only once the admins have access', () => {
    const gate = 'terraform_data.cluster_admin_access';
    expect(resource(tf, 'terraform_data', 'cluster_admin_access').depends_on).toEqual([
      'aws_eks_access_policy_association.admin_access_policy_0',
      'aws_eks_access_policy_association.admin_access_policy_1',
    ]);
    // Every release waits for the gate, directly or through the release it depends on.
    const releases = resources(tf, 'helm_release');
    const waits = (name: string): boolean => {
      const deps = (releases[name]?.depends_on ?? []) as string[];
      return deps.includes(gate) || deps.some((d) => waits(d.replace(/^helm_release\./, '')));
    };
    for (const name of Object.keys(releases)) expect(waits(name), name).toBe(true);
  });
});

describe.runIf(haveTerraform())('the runner precondition under real Terraform', () => {
  // The gate with the session context replaced by a variable: the AWS provider needs the network.
  const { depends_on: _associations, ...gate } = resource(
    tf,
    'terraform_data',
    'cluster_admin_access',
  );
  const config = JSON.parse(
    JSON.stringify({
      variable: { runner: { type: 'string' } },
      resource: { terraform_data: { cluster_admin_access: gate } },
    }).replaceAll('data.aws_iam_session_context.terraform_runner.issuer_arn', 'var.runner'),
  ) as unknown;
  const scratch = terraformScratch(config, process.env.PATH ?? '');
  afterAll(() => scratch.remove());

  it('plans for an admin and stops any other identity with a message naming it', () => {
    scratch.run('init', '-input=false');
    expect(scratch.run('plan', '-input=false', `-var=runner=${admins[1]}`)).toContain('1 to add');
    const stranger = 'arn:aws:iam::111122223333:role/Stranger';
    expect(() => scratch.run('plan', '-input=false', `-var=runner=${stranger}`)).toThrow(
      `The identity running Terraform (${stranger}) is not in aws.cluster.admins of environment dev`,
    );
  });
});
