import { DataAwsIamSessionContext } from '@cdktn/provider-aws/lib/data-aws-iam-session-context/index.js';
import { EksAccessEntry } from '@cdktn/provider-aws/lib/eks-access-entry/index.js';
import { EksAccessPolicyAssociation } from '@cdktn/provider-aws/lib/eks-access-policy-association/index.js';
import type { EksCluster } from '@cdktn/provider-aws/lib/eks-cluster/index.js';
import { TerraformData } from '../bindings/terraform-data.js';
import type { StackContext } from './context.js';

/**
 * Cluster admins are exactly the catalog's `aws.cluster.admins`, each with an explicit access
 * entry, and the cluster is created with `bootstrap_cluster_creator_admin_permissions: false`.
 * With the bootstrap entry on, EKS already holds an entry for the creating identity, so an explicit
 * entry for an admin who also runs Terraform fails with 409 ResourceInUseException; and that
 * bootstrap entry cannot be managed or revoked by Terraform afterwards. terraform-aws-modules/eks
 * (v20+, main.tf `access_config`) makes the same choice.
 *
 * The identity running Terraform must therefore be one of the admins (the Helm releases use it):
 * the returned gate checks that at plan time, so a wrong runner fails before anything is created
 * rather than with Unauthorized half-way through the apply.
 */
export function addClusterAdmins(ctx: StackContext, cluster: EksCluster): TerraformData {
  const { stack, env } = ctx;
  const associations = env.aws.cluster.admins.map((principalArn, index) => {
    const entry = new EksAccessEntry(stack, `admin_access_entry_${index}`, {
      clusterName: cluster.name,
      principalArn,
      type: 'STANDARD',
    });
    return new EksAccessPolicyAssociation(stack, `admin_access_policy_${index}`, {
      clusterName: cluster.name,
      principalArn: entry.principalArn,
      policyArn: `arn:${ctx.partition}:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy`,
      accessScope: { type: 'cluster' },
    });
  });
  // An assumed-role session ARN names the session; access entries name the role (issuer_arn).
  const runner = new DataAwsIamSessionContext(stack, 'terraform_runner', { arn: ctx.callerArn });
  const admins = JSON.stringify(env.aws.cluster.admins);
  return new TerraformData(
    stack,
    'cluster_admin_access',
    { input: { admins: [...env.aws.cluster.admins] } },
    {
      dependsOn: associations,
      lifecycle: {
        precondition: [
          {
            condition: `\${contains(${admins}, ${runner.fqn}.issuer_arn)}`,
            errorMessage: `The identity running Terraform (\${${runner.fqn}.issuer_arn}) is not in aws.cluster.admins of environment ${env.name}: add it there (the Helm releases install through it) or run Terraform as one of ${env.aws.cluster.admins.join(', ')}.`,
          },
        ],
      },
    },
  );
}
