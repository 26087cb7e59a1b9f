import { CloudfrontDistribution } from '@cdktn/provider-aws/lib/cloudfront-distribution/index.js';
import { CloudfrontVpcOrigin } from '@cdktn/provider-aws/lib/cloudfront-vpc-origin/index.js';
import type { CloudfrontEntryModel, EcsFargateModel } from '@routeplane/catalog';
import { addAccessLogBucket, managedPolicies } from '../cloudfront.js';
import type { StackContext } from '../context.js';
import { addWaf } from '../waf.js';
import type { KongAlb } from './internal-alb.js';
import { albListenerPort } from './security-groups.js';

const originId = 'kong-internal-alb';

/**
 * CloudFront + WAF in front of the internal ALB through a CloudFront VPC origin: the ALB keeps no
 * public address, CloudFront reaches it over AWS's network (the ALB admits only CloudFront's
 * origin-facing ranges). Viewers use HTTPS only; nothing is cached; every viewer header but Host
 * reaches Kong.
 */
export function addCloudfrontEntry(
  ctx: StackContext,
  ecs: EcsFargateModel,
  entry: CloudfrontEntryModel,
  alb: KongAlb,
): CloudfrontDistribution {
  const { stack, env } = ctx;
  const webAcl = addWaf(ctx, entry.wafRateLimitPer5Minutes);
  const logs = addAccessLogBucket(ctx);
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
    defaultCacheBehavior: {
      targetOriginId: originId,
      viewerProtocolPolicy: 'https-only',
      allowedMethods: ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'],
      cachedMethods: ['GET', 'HEAD'],
      compress: true,
      cachePolicyId: managedPolicies.cachingDisabled,
      originRequestPolicyId: managedPolicies.allViewerExceptHostHeader,
      responseHeadersPolicyId: managedPolicies.securityHeaders,
    },
    viewerCertificate: {
      acmCertificateArn: entry.viewerCertificateArn,
      sslSupportMethod: 'sni-only',
      minimumProtocolVersion: 'TLSv1.2_2021',
    },
    restrictions: { geoRestriction: { restrictionType: 'none' } },
    loggingConfig: {
      bucket: logs.bucket.bucketDomainName,
      includeCookies: false,
      prefix: 'cloudfront/',
    },
    dependsOn: [logs.ownership],
  });
}
