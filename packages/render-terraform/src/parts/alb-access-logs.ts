import type { LbAccessLogs } from '@cdktn/provider-aws/lib/lb/index.js';
import { S3BucketPolicy } from '@cdktn/provider-aws/lib/s3-bucket-policy/index.js';
import type { StackContext } from './context.js';
import { elbLogWriter } from './elb-log-delivery.js';
import { policy } from './iam-policy.js';
import { addLogBucket, type LogBucket } from './log-bucket.js';

/** Key prefix of the edge ALB's logs; ELB appends `AWSLogs/<account id>/...` (it must not contain AWSLogs). */
export const albLogPrefix = 'alb';

export interface AlbAccessLogs extends LogBucket {
  /** The ALB must depend on it: AWS tests write access when logging is turned on. */
  readonly policy: S3BucketPolicy;
  /** The ALB's `access_logs` block. */
  readonly accessLogs: LbAccessLogs;
}

/**
 * The edge ALB's access-log bucket (an addLogBucket with ACLs off: ELB sets none) and its policy:
 * ELB may put objects under `alb/AWSLogs/<this account>/` only, and nobody may reach the bucket
 * without TLS. `removableWithLogs` is the edge's deletionProtection turned around: an edge that
 * may be destroyed takes its logs with it (otherwise destroy stops at the non-empty bucket).
 */
export function addAlbAccessLogs(ctx: StackContext, removableWithLogs: boolean): AlbAccessLogs {
  const logs = addLogBucket(ctx, {
    id: 'alb_access_logs',
    name: `${ctx.env.aws.cluster.name}-alb-logs`,
    objectOwnership: 'BucketOwnerEnforced',
    forceDestroy: removableWithLogs,
  });
  const { bucket } = logs;
  const bucketPolicy = new S3BucketPolicy(ctx.stack, 'alb_access_logs_policy', {
    bucket: bucket.id,
    policy: policy(
      {
        Sid: 'ElbAccessLogDelivery',
        Effect: 'Allow',
        Principal: elbLogWriter(ctx),
        Action: 's3:PutObject',
        Resource: `${bucket.arn}/${albLogPrefix}/AWSLogs/${ctx.accountId}/*`,
      },
      {
        Sid: 'TlsOnly',
        Effect: 'Deny',
        Principal: { AWS: '*' },
        Action: 's3:*',
        Resource: [bucket.arn, `${bucket.arn}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
    ),
    // S3 refuses concurrent changes to one bucket's access settings (OperationAborted).
    dependsOn: [logs.publicAccess],
  });
  return {
    ...logs,
    policy: bucketPolicy,
    accessLogs: { bucket: bucket.id, prefix: albLogPrefix, enabled: true },
  };
}
