import type { KmsKey } from '@cdktn/provider-aws/lib/kms-key/index.js';
import type { EcsFargateModel } from '@routeplane/model';
import type { StackContext } from '../context.js';
import type { Network } from '../network.js';
import { addApiGatewayEntry } from './api-gateway-entry.js';
import { addCloudfrontEntry } from './cloudfront-entry.js';
import { addDataPlaneIdentity } from './data-plane-identity.js';
import { addKongImageRepository } from './image-repository.js';
import { addKongAlb } from './internal-alb.js';
import { addKongNetwork } from './kong-network.js';
import { addKongService } from './kong-service.js';
import { addRateLimitRedis } from './rate-limit-redis.js';
import { addKongSecurityGroups } from './security-groups.js';

/**
 * `kong.dataPlane.kind: ecsFargate`: Kong's VPC peered with the EKS VPC, its image, identity,
 * ECS service, internal ALB, rate-limiting Redis and the entry (API Gateway or CloudFront + WAF).
 */
export function addEcsFargateDataPlane(
  ctx: StackContext,
  ecs: EcsFargateModel,
  eks: Network,
  logsKey: KmsKey,
): void {
  const network = addKongNetwork(ctx, ecs, eks, logsKey);
  const groups = addKongSecurityGroups(ctx, ecs, network, eks);
  const alb = addKongAlb(ctx, ecs, network, groups);
  addRateLimitRedis(ctx, ecs, network, groups);
  const identity = addDataPlaneIdentity(ctx, ecs);
  const repository = addKongImageRepository(ctx, ecs);
  addKongService(ctx, ecs, { network, groups, alb, repository, identity, logsKey });
  if (ecs.entry.kind === 'apiGateway' && groups.vpcLink) {
    addApiGatewayEntry(ctx, ecs, ecs.entry, {
      network,
      vpcLinkGroup: groups.vpcLink,
      alb,
      logsKey,
    });
  } else if (ecs.entry.kind === 'cloudfront') {
    addCloudfrontEntry(ctx, ecs, ecs.entry, alb);
  }
}
