import { DataAwsElbServiceAccount } from '@cdktn/provider-aws/lib/data-aws-elb-service-account/index.js';
import { elbLogDeliveryService, elbLogsFromAccount } from '@routeplane/model';
import type { StackContext } from './context.js';

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
  if (!elbLogsFromAccount(ctx.env.aws.region)) return { Service: elbLogDeliveryService };
  return { AWS: new DataAwsElbServiceAccount(ctx.stack, 'elb_service_account').arn };
}
