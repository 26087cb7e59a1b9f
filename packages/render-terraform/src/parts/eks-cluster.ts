import { CloudwatchLogGroup } from '@cdktn/provider-aws/lib/cloudwatch-log-group/index.js';
import { EksCluster } from '@cdktn/provider-aws/lib/eks-cluster/index.js';
import { IamRole } from '@cdktn/provider-aws/lib/iam-role/index.js';
import { IamRolePolicy } from '@cdktn/provider-aws/lib/iam-role-policy/index.js';
import { IamRolePolicyAttachment } from '@cdktn/provider-aws/lib/iam-role-policy-attachment/index.js';
import type { KmsKey } from '@cdktn/provider-aws/lib/kms-key/index.js';
import type { StackContext } from './context.js';
import { policy, trustPolicy } from './iam-policy.js';
import { rotatingKey } from './kms.js';
import { logRetentionDays, type Network } from './network.js';

/** Every EKS control plane log type. */
export const clusterLogTypes = ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'];

export function addEksCluster(ctx: StackContext, network: Network, logsKey: KmsKey): EksCluster {
  const { stack, env } = ctx;
  const name = env.aws.cluster.name;
  const secretsKey = rotatingKey(
    ctx,
    'eks_secrets',
    `routeplane ${env.name}: EKS secrets of ${name}`,
  );

  const role = new IamRole(stack, 'cluster_role', {
    name: `${name}-cluster`,
    assumeRolePolicy: trustPolicy('eks.amazonaws.com', ['sts:AssumeRole', 'sts:TagSession']),
  });
  const managed = new IamRolePolicyAttachment(stack, 'cluster_role_eks_policy', {
    role: role.name,
    policyArn: `arn:${ctx.partition}:iam::aws:policy/AmazonEKSClusterPolicy`,
  });
  // AmazonEKSClusterPolicy has no KMS rights: envelope encryption needs these on the one key.
  const kms = new IamRolePolicy(stack, 'cluster_role_secrets_key', {
    role: role.id,
    name: 'encrypt-secrets',
    policy: policy({
      Effect: 'Allow',
      Action: [
        'kms:Encrypt',
        'kms:Decrypt',
        'kms:ListGrants',
        'kms:DescribeKey',
        'kms:CreateGrant',
      ],
      Resource: secretsKey.arn,
    }),
  });

  // Created before the cluster so it is encrypted and expires; EKS would create it without either.
  const logGroup = new CloudwatchLogGroup(stack, 'cluster_log_group', {
    name: `/aws/eks/${name}/cluster`,
    retentionInDays: logRetentionDays,
    kmsKeyId: logsKey.arn,
  });

  const publicCidrs = env.aws.cluster.apiAccess.publicCidrs;
  const cluster = new EksCluster(stack, 'cluster', {
    name,
    version: env.aws.cluster.version,
    roleArn: role.arn,
    enabledClusterLogTypes: clusterLogTypes,
    encryptionConfig: { resources: ['secrets'], provider: { keyArn: secretsKey.arn } },
    vpcConfig: {
      subnetIds: network.privateSubnets.map((s) => s.id),
      endpointPrivateAccess: true,
      // Off unless aws.cluster.apiAccess names CIDRs; then only those reach the public endpoint.
      endpointPublicAccess: publicCidrs.length > 0,
      ...(publicCidrs.length > 0 ? { publicAccessCidrs: [...publicCidrs] } : {}),
    },
    accessConfig: {
      authenticationMode: 'API',
      // Admins come only from explicit access entries (cluster-admins.ts): no hidden creator entry.
      bootstrapClusterCreatorAdminPermissions: false,
    },
    dependsOn: [managed, kms, logGroup],
  });

  return cluster;
}
