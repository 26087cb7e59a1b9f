import { DataAwsElbServiceAccount } from '@cdktn/provider-aws/lib/data-aws-elb-service-account/index.js';
import type { StackContext } from './context.js';

/**
 * Regions where ELB writes access logs as the region's own Elastic Load Balancing account: those
 * AWS launched before August 2022, and exactly the keys of `accountIDPerRegionMap` in the AWS
 * provider (internal/service/elb/service_account_data_source.go), so `aws_elb_service_account`
 * answers for each of them and fails ("unsupported AWS Region") for every other one.
 */
export const elbAccountRegions: ReadonlySet<string> = new Set([
  'af-south-1',
  'ap-east-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-south-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ca-central-1',
  'cn-north-1',
  'cn-northwest-1',
  'eu-central-1',
  'eu-north-1',
  'eu-south-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'me-south-1',
  'sa-east-1',
  'us-east-1',
  'us-east-2',
  'us-gov-east-1',
  'us-gov-west-1',
  'us-west-1',
  'us-west-2',
]);

/** The service that writes access logs in regions launched from August 2022 (e.g. me-central-1). */
export const elbLogDeliveryService = 'logdelivery.elasticloadbalancing.amazonaws.com';

/**
 * Who ELB access logs arrive as, for the bucket policy: the region's Elastic Load Balancing
 * account (its ARN from `aws_elb_service_account`, so the account ids stay the provider's) in the
 * regions that have one, the log delivery service everywhere else. AWS documents one or the
 * other per region, never both ("Enable access logs for your Application Load Balancer", step 2),
 * and the data source would fail the plan in a newer region, so the renderer picks by region.
 */
export function elbLogWriter(
  ctx: StackContext,
): { readonly AWS: string } | { readonly Service: string } {
  if (!elbAccountRegions.has(ctx.env.aws.region)) return { Service: elbLogDeliveryService };
  return { AWS: new DataAwsElbServiceAccount(ctx.stack, 'elb_service_account').arn };
}
