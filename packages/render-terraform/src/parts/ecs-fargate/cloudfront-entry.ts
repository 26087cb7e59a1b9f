import { CloudfrontDistribution } from '@cdktn/provider-aws/lib/cloudfront-distribution/index.js';
import { CloudfrontVpcOrigin } from '@cdktn/provider-aws/lib/cloudfront-vpc-origin/index.js';
import type { CloudfrontEntryModel, EcsFargateModel } from '@routeplane/model';
import { addAccessLogBucket, viewerSettings } from '../cloudfront.js';
import type { StackContext } from '../context.js';
import { addViewerHostFunction } from '../viewer-host-function.js';
import { addWaf } from '../waf.js';
import type { KongAlb } from './internal-alb.js';
import { albListenerPort } from './security-groups.js';

const originId = 'kong-internal-alb';

/**
 * CloudFront + WAF in front of the internal ALB through a CloudFront VPC origin: the ALB keeps no
 * public address, CloudFront reaches it over AWS's network (the ALB admits only CloudFront's
 * origin-facing ranges). Towards viewers it is configured like the dedicated kind's distribution.
 */
export function addCloudfrontEntry(
  ctx: StackContext,
  ecs: EcsFargateModel,
  entry: CloudfrontEntryModel,
  alb: KongAlb,
): CloudfrontDistribution {
  const { stack, env } = ctx;
  const webAcl = addWaf(ctx, entry.wafRateLimitPer5Minutes);
  const logs = addAccessLogBucket(ctx, !ecs.deletionProtection);
  const vpcOrigin = new CloudfrontVpcOrigin(stack, 'kong_vpc_origin', {
    vpcOriginEndpointConfig: [
      {
        name: ecs.name,
        arn: alb.alb.arn,
        httpPort: albListenerPort,
        httpsPort: 443,
        // The ALB listens on HTTP inside Kong's VPC; the viewer side is HTTPS only.
        originProtocolPolicy: 'http-only',
        originSslProtocols: [{ items: ['TLSv1.2'], quantity: 1 }],
      },
    ],
  });
  return new CloudfrontDistribution(stack, 'distribution', {
    comment: `routeplane ${env.name}: ${entry.domainName} -> Kong on ECS Fargate`,
    enabled: true,
    isIpv6Enabled: true,
    httpVersion: 'http2and3',
    aliases: [entry.domainName],
    webAclId: webAcl.arn,
    origin: [
      {
        originId,
        domainName: alb.alb.dnsName,
        vpcOriginConfig: { vpcOriginId: vpcOrigin.id },
      },
    ],
    ...viewerSettings(originId, entry.viewerCertificateArn, logs, addViewerHostFunction(ctx).arn),
  });
}
