import type { EksCluster } from '@cdktn/provider-aws/lib/eks-cluster/index.js';
import { EksPodIdentityAssociation } from '@cdktn/provider-aws/lib/eks-pod-identity-association/index.js';
import { IamPolicy } from '@cdktn/provider-aws/lib/iam-policy/index.js';
import { IamRole } from '@cdktn/provider-aws/lib/iam-role/index.js';
import { IamRolePolicyAttachment } from '@cdktn/provider-aws/lib/iam-role-policy-attachment/index.js';
import type { ITerraformDependable } from 'cdktn';
import type { HelmProvider } from '../bindings/helm-provider.js';
import { HelmRelease } from '../bindings/helm-release.js';
import type { StackContext } from './context.js';
import { trustPolicy } from './iam-policy.js';
import { helmValues, systemScheduling } from './kubernetes-access.js';
import { lbControllerPolicy } from './lb-controller-policy.js';
import type { Network } from './network.js';

const namespace = 'kube-system';
const serviceAccount = 'aws-load-balancer-controller';

/** AWS Load Balancer Controller: IAM role bound by EKS Pod Identity, Helm release on system nodes. */
export function addLbController(
  ctx: StackContext,
  network: Network,
  cluster: EksCluster,
  helm: HelmProvider,
  after: readonly ITerraformDependable[],
): HelmRelease {
  const { stack, env } = ctx;
  const name = env.aws.cluster.name;
  const role = new IamRole(stack, 'lb_controller_role', {
    name: `${name}-aws-load-balancer-controller`,
    assumeRolePolicy: trustPolicy('pods.eks.amazonaws.com', ['sts:AssumeRole', 'sts:TagSession']),
  });
  const rolePolicy = new IamPolicy(stack, 'lb_controller_policy', {
    name: `${name}-aws-load-balancer-controller`,
    policy: lbControllerPolicy(ctx.partition, env.aws.region, ctx.accountId),
  });
  const attachment = new IamRolePolicyAttachment(stack, 'lb_controller_policy_attachment', {
    role: role.name,
    policyArn: rolePolicy.arn,
  });
  const association = new EksPodIdentityAssociation(stack, 'lb_controller_pod_identity', {
    clusterName: cluster.name,
    namespace,
    serviceAccount,
    roleArn: role.arn,
  });

  return new HelmRelease(
    stack,
    'lb_controller_release',
    {
      name: 'aws-load-balancer-controller',
      repository: 'https://aws.github.io/eks-charts',
      chart: 'aws-load-balancer-controller',
      version: env.versions.awsLoadBalancerControllerChart,
      namespace,
      values: [
        helmValues({
          clusterName: cluster.name,
          // Given explicitly: with IMDS hop limit 1 the controller cannot look them up.
          region: env.aws.region,
          vpcId: network.vpc.id,
          replicaCount: 2,
          serviceAccount: { create: true, name: serviceAccount },
          ...systemScheduling(ctx),
        }),
      ],
      atomic: true,
      cleanup_on_fail: true,
      wait: true,
    },
    { provider: helm, dependsOn: [association, attachment, ...after] },
  );
}
