import { CloudwatchLogGroup } from '@cdktn/provider-aws/lib/cloudwatch-log-group/index.js';
import type { KmsKey } from '@cdktn/provider-aws/lib/kms-key/index.js';
import type { StackContext } from '../context.js';
import { logRetentionDays } from '../network.js';

/** A log group encrypted with the region's logs key and kept as long as every other. */
export function encryptedLogGroup(
  ctx: StackContext,
  id: string,
  name: string,
  logsKey: KmsKey,
): CloudwatchLogGroup {
  return new CloudwatchLogGroup(ctx.stack, id, {
    name,
    retentionInDays: logRetentionDays,
    kmsKeyId: logsKey.arn,
  });
}
