import { AppautoscalingPolicy } from '@cdktn/provider-aws/lib/appautoscaling-policy/index.js';
import { AppautoscalingTarget } from '@cdktn/provider-aws/lib/appautoscaling-target/index.js';
import type { EcrRepository } from '@cdktn/provider-aws/lib/ecr-repository/index.js';
import { EcsCluster } from '@cdktn/provider-aws/lib/ecs-cluster/index.js';
import { EcsService } from '@cdktn/provider-aws/lib/ecs-service/index.js';
import { EcsTaskDefinition } from '@cdktn/provider-aws/lib/ecs-task-definition/index.js';
import { IamRole } from '@cdktn/provider-aws/lib/iam-role/index.js';
import { IamRolePolicy } from '@cdktn/provider-aws/lib/iam-role-policy/index.js';
import type { KmsKey } from '@cdktn/provider-aws/lib/kms-key/index.js';
import type { EcsFargateModel } from '@routeplane/model';
import type { StackContext } from '../context.js';
import { policy } from '../iam-policy.js';
import type { DataPlaneIdentity } from './data-plane-identity.js';
import { encryptedLogGroup } from './encrypted-log-group.js';
import type { KongAlb } from './internal-alb.js';
import { kongContainer } from './kong-container.js';
import type { KongNetwork } from './kong-network.js';
import type { KongSecurityGroups } from './security-groups.js';

/**
 * The ALB (web subnets) always; behind CloudFront also CloudFront's origin-facing ranges, which
 * change and are read from the AWS managed prefix list at plan time, never pasted.
 */
function trustedProxies(ecs: EcsFargateModel, groups: KongSecurityGroups): string {
  const albSubnets = ecs.subnets.web.join(',');
  if (groups.cloudfrontRanges === undefined) return albSubnets;
  return `${albSubnets},\${join(",", [for entry in ${groups.cloudfrontRanges.fqn}.entries : entry.cidr])}`;
}

/** Trust for ECS tasks of this account only (confused-deputy guard). */
function ecsTasksTrust(ctx: StackContext): string {
  return policy({
    Effect: 'Allow',
    Principal: { Service: 'ecs-tasks.amazonaws.com' },
    Action: 'sts:AssumeRole',
    Condition: { StringEquals: { 'aws:SourceAccount': ctx.accountId } },
  });
}

/**
 * ECS cluster, task definition, service and autoscaling of the Kong data planes. The execution
 * role may pull this one repository, write this one log group and read this one secret; the task
 * role has no permission at all (Kong calls no AWS API).
 */
export function addKongService(
  ctx: StackContext,
  ecs: EcsFargateModel,
  parts: {
    readonly network: KongNetwork;
    readonly groups: KongSecurityGroups;
    readonly alb: KongAlb;
    readonly repository: EcrRepository;
    readonly identity: DataPlaneIdentity;
    readonly logsKey: KmsKey;
  },
): EcsService {
  const { stack, env } = ctx;
  const logs = encryptedLogGroup(ctx, 'kong_log_group', `/ecs/${ecs.name}`, parts.logsKey);
  const executionRole = new IamRole(stack, 'kong_execution_role', {
    name: `${ecs.name}-execution`,
    assumeRolePolicy: ecsTasksTrust(ctx),
  });
  new IamRolePolicy(stack, 'kong_execution_role_policy', {
    role: executionRole.id,
    name: 'pull-log-read-key',
    policy: policy(
      { Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' },
      {
        Effect: 'Allow',
        Action: [
          'ecr:BatchCheckLayerAvailability',
          'ecr:BatchGetImage',
          'ecr:GetDownloadUrlForLayer',
        ],
        Resource: parts.repository.arn,
      },
      {
        Effect: 'Allow',
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: `${logs.arn}:*`,
      },
      {
        Effect: 'Allow',
        Action: 'secretsmanager:GetSecretValue',
        Resource: parts.identity.keySecret.arn,
      },
    ),
  });
  const taskRole = new IamRole(stack, 'kong_task_role', {
    name: `${ecs.name}-task`,
    assumeRolePolicy: ecsTasksTrust(ctx),
  });

  const cluster = new EcsCluster(stack, 'kong_cluster', {
    name: ecs.name,
    setting: [{ name: 'containerInsights', value: 'enabled' }],
  });
  const task = new EcsTaskDefinition(stack, 'kong_task', {
    family: ecs.name,
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: String(ecs.tasks.cpu),
    memory: String(ecs.tasks.memory),
    runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: 'ARM64' },
    executionRoleArn: executionRole.arn,
    taskRoleArn: taskRole.arn,
    // Task storage for Kong's prefix and /tmp: the root file system is read-only.
    volume: [{ name: 'kong-prefix' }, { name: 'tmp' }],
    containerDefinitions: JSON.stringify([
      kongContainer(ctx, ecs, {
        image: `${parts.repository.repositoryUrl}:${env.kong.dataPlane.version}`,
        logGroup: logs.name,
        identity: parts.identity,
        trustedIps: trustedProxies(ecs, parts.groups),
      }),
    ]),
  });
  const service = new EcsService(stack, 'kong_service', {
    name: ecs.name,
    cluster: cluster.arn,
    taskDefinition: task.arn,
    launchType: 'FARGATE',
    desiredCount: ecs.tasks.minCount,
    deploymentMinimumHealthyPercent: 100,
    deploymentMaximumPercent: 200,
    deploymentCircuitBreaker: { enable: true, rollback: true },
    healthCheckGracePeriodSeconds: 60,
    enableExecuteCommand: false,
    propagateTags: 'SERVICE',
    networkConfiguration: {
      subnets: parts.network.app.map((s) => s.id),
      securityGroups: [parts.groups.tasks.id],
      assignPublicIp: false,
    },
    loadBalancer: [
      {
        targetGroupArn: parts.alb.targetGroup.arn,
        containerName: 'kong',
        containerPort: ecs.proxyPort,
      },
    ],
    // Autoscaling owns the count after the first apply.
    lifecycle: { ignoreChanges: ['desired_count'] },
    dependsOn: [parts.alb.listener],
  });
  addAutoscaling(ctx, ecs, cluster, service, parts.alb);
  return service;
}

function addAutoscaling(
  ctx: StackContext,
  ecs: EcsFargateModel,
  cluster: EcsCluster,
  service: EcsService,
  alb: KongAlb,
): void {
  const target = new AppautoscalingTarget(ctx.stack, 'kong_scaling_target', {
    serviceNamespace: 'ecs',
    resourceId: `service/${cluster.name}/${service.name}`,
    scalableDimension: 'ecs:service:DesiredCount',
    minCapacity: ecs.tasks.minCount,
    maxCapacity: ecs.tasks.maxCount,
  });
  const tracking = (id: string, metric: string, value: number, resourceLabel?: string) =>
    new AppautoscalingPolicy(ctx.stack, id, {
      name: `${ecs.name}-${id.replaceAll('_', '-')}`,
      policyType: 'TargetTrackingScaling',
      serviceNamespace: target.serviceNamespace,
      resourceId: target.resourceId,
      scalableDimension: target.scalableDimension,
      targetTrackingScalingPolicyConfiguration: {
        targetValue: value,
        scaleInCooldown: 300,
        scaleOutCooldown: 60,
        predefinedMetricSpecification: {
          predefinedMetricType: metric,
          ...(resourceLabel === undefined ? {} : { resourceLabel }),
        },
      },
    });
  tracking('cpu', 'ECSServiceAverageCPUUtilization', ecs.tasks.targetCpuPercent);
  tracking(
    'requests',
    'ALBRequestCountPerTarget',
    ecs.tasks.targetRequestsPerTarget,
    `${alb.alb.arnSuffix}/${alb.targetGroup.arnSuffix}`,
  );
}
