import { S3Bucket } from '@cdktn/provider-aws/lib/s3-bucket/index.js';
import { S3BucketLifecycleConfiguration } from '@cdktn/provider-aws/lib/s3-bucket-lifecycle-configuration/index.js';
import { S3BucketOwnershipControls } from '@cdktn/provider-aws/lib/s3-bucket-ownership-controls/index.js';
import { S3BucketPublicAccessBlock } from '@cdktn/provider-aws/lib/s3-bucket-public-access-block/index.js';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktn/provider-aws/lib/s3-bucket-server-side-encryption-configuration/index.js';
import type { StackContext } from './context.js';
import { logRetentionDays } from './network.js';

export interface LogBucketProps {
  /** Construct id of the bucket; its settings take `<id>_public_access`, `<id>_encryption`, ... */
  readonly id: string;
  /** Name prefix (S3 appends a unique suffix) and Name tag. */
  readonly name: string;
  /**
   * BucketOwnerPreferred where the writer sets ACLs (CloudFront standard logs), BucketOwnerEnforced
   * (ACLs off) where it does not.
   */
  readonly objectOwnership: 'BucketOwnerPreferred' | 'BucketOwnerEnforced';
  /**
   * Whether `terraform destroy` deletes the bucket with the logs in it (false: destroy stops at a
   * bucket that holds logs). Required: every edge decides it from its deletion protection.
   */
  readonly forceDestroy: boolean;
}

export interface LogBucket {
  readonly bucket: S3Bucket;
  readonly publicAccess: S3BucketPublicAccessBlock;
  readonly ownership: S3BucketOwnershipControls;
}

/**
 * An access-log bucket of the edge: never public, encrypted with SSE-S3 (the only server-side
 * encryption ELB access logs accept: "Enable access logs for your Application Load Balancer",
 * bucket requirements), logs expire after logRetentionDays.
 */
export function addLogBucket(ctx: StackContext, props: LogBucketProps): LogBucket {
  const { stack } = ctx;
  const { id } = props;
  const bucket = new S3Bucket(stack, id, {
    bucketPrefix: `${props.name}-`,
    forceDestroy: props.forceDestroy,
    tags: { Name: props.name },
  });
  const publicAccess = new S3BucketPublicAccessBlock(stack, `${id}_public_access`, {
    bucket: bucket.id,
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
  });
  new S3BucketServerSideEncryptionConfigurationA(stack, `${id}_encryption`, {
    bucket: bucket.id,
    rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }],
  });
  new S3BucketLifecycleConfiguration(stack, `${id}_expiry`, {
    bucket: bucket.id,
    rule: [
      {
        id: 'expire',
        status: 'Enabled',
        filter: [{ prefix: '' }],
        expiration: [{ days: logRetentionDays }],
      },
    ],
  });
  const ownership = new S3BucketOwnershipControls(stack, `${id}_ownership`, {
    bucket: bucket.id,
    rule: { objectOwnership: props.objectOwnership },
  });
  return { bucket, publicAccess, ownership };
}
