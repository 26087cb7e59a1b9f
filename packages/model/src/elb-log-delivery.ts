/**
 * Who Elastic Load Balancing writes access logs as, by region: facts of AWS that the Terraform
 * renderer (the bucket policy) and validate (xlayer/kong-alb-edge) both need.
 */

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

/** Whether ELB delivers access logs in `region` as the region's own ELB account. */
export function elbLogsFromAccount(region: string): boolean {
  return elbAccountRegions.has(region);
}
