import {
  CloudfrontDistribution,
  type CloudfrontDistributionConfig,
} from '@cdktn/provider-aws/lib/cloudfront-distribution/index.js';
import type { Wafv2WebAcl } from '@cdktn/provider-aws/lib/wafv2-web-acl/index.js';
import type { CloudfrontEdgeModel } from '@routeplane/model';
import { TerraformVariable } from 'cdktn';
import type { StackContext } from './context.js';
import { addLogBucket, type LogBucket } from './log-bucket.js';
import { addViewerHostFunction } from './viewer-host-function.js';

/** AWS managed CloudFront policies (fixed ids, the same in every account). */
export const managedPolicies = {
  cachingDisabled: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
  allViewerExceptHostHeader: 'b689b0a8-53d0-40ab-baf2-68738e2966ac',
  securityHeaders: '67f7725c-6f97-4210-82d7-5512b31e9d03',
} as const;

const originId = 'kong-dedicated-cloud-gateway';

/**
 * CloudFront in front of the Kong proxy endpoint: HTTPS only on both sides, CloudFront presents
 * the catalog's client certificate to Kong (origin mTLS), nothing is cached, every viewer header
 * but Host reaches Kong (Kong's TLS name is its own domain; the viewer's Host travels in
 * viewerHostHeader), access logs go to S3.
 */
export function addCloudfront(
  ctx: StackContext,
  edge: CloudfrontEdgeModel,
  webAcl: Wafv2WebAcl,
): CloudfrontDistribution {
  const { stack, env } = ctx;
  const logs = addAccessLogBucket(ctx, !edge.deletionProtection);

  const originHeader = env.kong.cloudfrontOriginHeader;
  const customHeader =
    originHeader === undefined
      ? []
      : [
          {
            name: originHeader.name,
            // The same secret decK gives Kong as DECK_*: supplied at plan time, never rendered.
            value: new TerraformVariable(stack, 'cloudfront_origin_secret', {
              type: 'string',
              sensitive: true,
              nullable: false,
              description: `Value of the ${originHeader.name} header CloudFront sends to Kong (same value as ${originHeader.valueEnv})`,
            }).stringValue,
          },
        ];

  return new CloudfrontDistribution(stack, 'distribution', {
    comment: `routeplane ${env.name}: ${edge.domainName} -> Kong`,
    enabled: true,
    isIpv6Enabled: true,
    httpVersion: 'http2and3',
    aliases: [edge.domainName],
    webAclId: webAcl.arn,
    origin: [
      {
        originId,
        domainName: edge.kongProxyDomain,
        customHeader,
        customOriginConfig: {
          httpPort: 80,
          httpsPort: 443,
          originProtocolPolicy: 'https-only',
          originSslProtocols: ['TLSv1.2'],
          originMtlsConfig: { clientCertificateArn: edge.originClientCertificateArn },
        },
      },
    ],
    ...viewerSettings(originId, edge.viewerCertificateArn, logs, addViewerHostFunction(ctx).arn),
  });
}

/**
 * What every routeplane distribution shares towards viewers: HTTPS only (TLSv1.2_2021, SNI), every
 * method, nothing cached, every viewer header but Host to the origin (the viewer's Host rides in
 * the header the viewer-host function sets), security response headers, access logs to the bucket
 * of addAccessLogBucket.
 */
export function viewerSettings(
  originId: string,
  viewerCertificateArn: string,
  logs: LogBucket,
  viewerHostFunctionArn: string,
): Pick<
  CloudfrontDistributionConfig,
  'defaultCacheBehavior' | 'viewerCertificate' | 'restrictions' | 'loggingConfig' | 'dependsOn'
> {
  return {
    defaultCacheBehavior: {
      targetOriginId: originId,
      viewerProtocolPolicy: 'https-only',
      allowedMethods: ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'],
      cachedMethods: ['GET', 'HEAD'],
      compress: true,
      cachePolicyId: managedPolicies.cachingDisabled,
      originRequestPolicyId: managedPolicies.allViewerExceptHostHeader,
      responseHeadersPolicyId: managedPolicies.securityHeaders,
      functionAssociation: [{ eventType: 'viewer-request', functionArn: viewerHostFunctionArn }],
    },
    viewerCertificate: {
      acmCertificateArn: viewerCertificateArn,
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
  };
}

/**
 * CloudFront standard logs set ACLs on their objects, so the bucket keeps ACLs on
 * (BucketOwnerPreferred). CloudFront writes logs from the first request and S3 refuses to delete a
 * bucket that holds any, so destroy stops here unless `removableWithLogs` (force_destroy) lets it
 * delete them with the bucket.
 */
export function addAccessLogBucket(ctx: StackContext, removableWithLogs: boolean): LogBucket {
  return addLogBucket(ctx, {
    id: 'access_logs',
    name: `${ctx.env.aws.cluster.name}-edge-logs`,
    objectOwnership: 'BucketOwnerPreferred',
    forceDestroy: removableWithLogs,
  });
}
