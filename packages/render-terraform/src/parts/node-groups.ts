import type { EksCluster } from '@cdktn/provider-aws/lib/eks-cluster/index.js';
import { EksNodeGroup } from '@cdktn/provider-aws/lib/eks-node-group/index.js';
import { IamRole } from '@cdktn/provider-aws/lib/iam-role/index.js';
import { IamRolePolicyAttachment } from '@cdktn/provider-aws/lib/iam-role-policy-attachment/index.js';
import { LaunchTemplate } from '@cdktn/provider-aws/lib/launch-template/index.js';
import type { NodePoolModel } from '@routeplane/model';
import { Token } from 'cdktn';
import type { StackContext } from './context.js';
import { trustPolicy } from './iam-policy.js';
import type { Network } from './network.js';

export interface NodeGroups {
  readonly system: EksNodeGroup;
  readonly user: EksNodeGroup;
}

const nodePolicies = [
  'AmazonEKSWorkerNodePolicy',
  'AmazonEC2ContainerRegistryPullOnly',
  // The vpc-cni add-on runs with the node role.
  'AmazonEKS_CNI_Policy',
];

/** Graviton families (m7g, c8gd, ...) need the arm64 AMI. */
export function amiType(instanceTypes: readonly string[]): string {
  const arm = instanceTypes.every((type) => /^[a-z]+\d+g[a-z]*\./.test(type));
  return arm ? 'AL2023_ARM_64_STANDARD' : 'AL2023_x86_64_STANDARD';
}

export function addNodeGroups(
  ctx: StackContext,
  network: Network,
  cluster: EksCluster,
): NodeGroups {
  const { stack, env } = ctx;
  const role = new IamRole(stack, 'node_role', {
    name: `${env.aws.cluster.name}-node`,
    assumeRolePolicy: trustPolicy('ec2.amazonaws.com'),
  });
  const attachments = nodePolicies.map(
    (name) =>
      new IamRolePolicyAttachment(stack, `node_role_${name}`, {
        role: role.name,
        policyArn: `arn:${ctx.partition}:iam::aws:policy/${name}`,
      }),
  );

  const systemToleration = env.gateway.systemToleration;
  const group = (pool: 'system' | 'user', model: NodePoolModel): EksNodeGroup => {
    const template = new LaunchTemplate(stack, `${pool}_launch_template`, {
      name: `${env.aws.cluster.name}-${pool}`,
      updateDefaultVersion: true,
      metadataOptions: {
        httpEndpoint: 'enabled',
        httpTokens: 'required',
        // Hop limit 1: only host-network pods (Pod Identity agent, vpc-cni) reach IMDS. Ambient
        // pods and the load balancer controller use Pod Identity and are told region and VPC id.
        httpPutResponseHopLimit: 1,
        instanceMetadataTags: 'disabled',
      },
      blockDeviceMappings: [
        {
          deviceName: '/dev/xvda',
          ebs: {
            volumeSize: model.diskSizeGiB,
            volumeType: 'gp3',
            encrypted: 'true',
            deleteOnTermination: 'true',
          },
        },
      ],
      tagSpecifications: [
        { resourceType: 'instance', tags: { Name: `${env.aws.cluster.name}-${pool}` } },
      ],
    });
    return new EksNodeGroup(stack, `${pool}_node_group`, {
      clusterName: cluster.name,
      nodeGroupName: pool,
      version: cluster.version,
      nodeRoleArn: role.arn,
      subnetIds: network.privateSubnets.map((s) => s.id),
      amiType: amiType(model.instanceTypes),
      capacityType: 'ON_DEMAND',
      instanceTypes: [...model.instanceTypes],
      scalingConfig: {
        minSize: model.minSize,
        maxSize: model.maxSize,
        desiredSize: model.desiredSize,
      },
      updateConfig: { maxUnavailable: 1 },
      launchTemplate: { id: template.id, version: Token.asString(template.latestVersion) },
      labels: pool === 'system' ? { ...env.gateway.systemNodeSelector } : { 'node-role': 'user' },
      ...(pool === 'system'
        ? {
            taint: [
              {
                key: systemToleration.key,
                value: systemToleration.value ?? 'true',
                effect: 'NO_SCHEDULE',
              },
            ],
          }
        : {}),
      // The cluster autoscaler (or Karpenter) owns desired_size after the first apply.
      lifecycle: { ignoreChanges: ['scaling_config[0].desired_size'] },
      dependsOn: attachments,
    });
  };
  return {
    system: group('system', env.aws.nodePools.system),
    user: group('user', env.aws.nodePools.user),
  };
}
