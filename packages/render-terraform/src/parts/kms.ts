import { KmsAlias } from '@cdktn/provider-aws/lib/kms-alias/index.js';
import { KmsKey } from '@cdktn/provider-aws/lib/kms-key/index.js';
import type { AwsProvider } from '@cdktn/provider-aws/lib/provider/index.js';
import type { StackContext } from './context.js';
import { policy } from './iam-policy.js';

/** A customer managed key with rotation on (yearly, AWS's default period). */
export function rotatingKey(
  ctx: StackContext,
  id: string,
  description: string,
  keyPolicy?: string,
  provider?: AwsProvider,
): KmsKey {
  const key = new KmsKey(ctx.stack, id, {
    description,
    enableKeyRotation: true,
    deletionWindowInDays: 30,
    ...(keyPolicy === undefined ? {} : { policy: keyPolicy }),
    ...(provider === undefined ? {} : { provider }),
  });
  new KmsAlias(ctx.stack, `${id}_alias`, {
    name: `alias/${ctx.env.aws.cluster.name}-${id.replace(/_/g, '-')}`,
    targetKeyId: key.keyId,
    ...(provider === undefined ? {} : { provider }),
  });
  return key;
}

/**
 * Key for CloudWatch Logs groups in `region`: the account administers it, the regional Logs
 * service may use it only for log groups of this account.
 */
export function logsKey(
  ctx: StackContext,
  id: string,
  region: string,
  provider?: AwsProvider,
): KmsKey {
  const account = `arn:${ctx.partition}:iam::${ctx.accountId}:root`;
  const keyPolicy = policy(
    {
      Sid: 'AccountAdministers',
      Effect: 'Allow',
      Principal: { AWS: account },
      Action: 'kms:*',
      Resource: '*',
    },
    {
      Sid: 'CloudWatchLogsEncrypts',
      Effect: 'Allow',
      Principal: { Service: `logs.${region}.amazonaws.com` },
      Action: [
        'kms:Encrypt*',
        'kms:Decrypt*',
        'kms:ReEncrypt*',
        'kms:GenerateDataKey*',
        'kms:Describe*',
      ],
      Resource: '*',
      Condition: {
        ArnLike: {
          'kms:EncryptionContext:aws:logs:arn': `arn:${ctx.partition}:logs:${region}:${ctx.accountId}:log-group:*`,
        },
      },
    },
  );
  return rotatingKey(
    ctx,
    id,
    `routeplane ${ctx.env.name}: CloudWatch Logs in ${region}`,
    keyPolicy,
    provider,
  );
}
