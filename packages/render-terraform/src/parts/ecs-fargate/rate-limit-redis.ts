import { ElasticacheReplicationGroup } from '@cdktn/provider-aws/lib/elasticache-replication-group/index.js';
import { ElasticacheSubnetGroup } from '@cdktn/provider-aws/lib/elasticache-subnet-group/index.js';
import type { EcsFargateModel } from '@routeplane/model';
import { TerraformOutput, TerraformVariable } from 'cdktn';
import type { StackContext } from '../context.js';
import type { KongNetwork } from './kong-network.js';
import type { KongSecurityGroups } from './security-groups.js';

/**
 * Redis for the rate-limiting counters every Kong task shares: TLS in transit, encrypted at rest,
 * AUTH with a token supplied at plan time (the same value decK reads from the Redis password
 * variable), reachable only from the tasks' security group, in the data subnets.
 */
export function addRateLimitRedis(
  ctx: StackContext,
  ecs: EcsFargateModel,
  network: KongNetwork,
  groups: KongSecurityGroups,
): ElasticacheReplicationGroup {
  const { stack } = ctx;
  const authToken = new TerraformVariable(stack, 'redis_auth_token', {
    type: 'string',
    sensitive: true,
    nullable: false,
    description: `Redis AUTH token of the rate-limiting counters (same value as ${ecs.redis.passwordEnv})`,
  });
  const subnets = new ElasticacheSubnetGroup(stack, 'kong_redis_subnets', {
    name: `${ecs.name}-redis`,
    subnetIds: network.data.map((s) => s.id),
  });
  const failover = ecs.redis.numCacheClusters > 1;
  const redis = new ElasticacheReplicationGroup(stack, 'kong_redis', {
    replicationGroupId: `${ecs.name}-rl`.slice(0, 40),
    description: `Kong rate-limiting counters (${ctx.env.name})`,
    engine: 'redis',
    engineVersion: '7.1',
    nodeType: ecs.redis.nodeType,
    numCacheClusters: ecs.redis.numCacheClusters,
    port: ecs.redis.port,
    subnetGroupName: subnets.name,
    securityGroupIds: [groups.redis.id],
    atRestEncryptionEnabled: 'true',
    transitEncryptionEnabled: true,
    authToken: authToken.stringValue,
    automaticFailoverEnabled: failover,
    multiAzEnabled: failover,
    tags: { Name: `${ecs.name}-redis` },
  });
  new TerraformOutput(stack, 'redis_primary_endpoint', {
    value: redis.primaryEndpointAddress,
    description: `Value of ${ecs.redis.hostEnv} for decK`,
  });
  return redis;
}
