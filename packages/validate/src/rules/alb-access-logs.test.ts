import { describe, expect, it } from 'vitest';
import { albFindingsAfter, albRule, type Doc, onAlb, resource } from '../alb-edge.fixture.js';
import { at, list } from '../corrupt.fixture.js';

/**
 * The access-log part of xlayer/kong-alb-edge (alb-access-logs.ts) on examples/alb-edge's dev
 * Terraform: one edit per case, with the exact finding on the ALB it must cause or none.
 */
const logsArn = `\${aws_s3_bucket.alb_access_logs.arn}`;
const accessLogs = (tf: Doc): Doc => at(tf, 'resource', 'aws_lb', 'alb_edge', 'access_logs');
const noGrant = (writer: string, region = 'us-east-1', path = 'alb/AWSLogs/') =>
  `no policy of bucket alb_access_logs lets ELB, which writes as ${writer} in ${region}, put objects under ${path}`;
const elbAccount = "the region's ELB account (aws_elb_service_account)";
const deliveryService = 'logdelivery.elasticloadbalancing.amazonaws.com';

/** The configuration's default (unaliased) AWS provider. */
function defaultProvider(tf: Doc): Doc {
  const home = list(tf, 'provider', 'aws').find((p) => (p as Doc).alias === undefined);
  if (home === undefined) throw new Error('no default aws provider rendered');
  return home as Doc;
}

/** Edits the policy statement that lets ELB deliver logs. */
function editDelivery(tf: Doc, edit: (statement: Doc) => void): void {
  const bucketPolicy = resource(tf, 'aws_s3_bucket_policy', 'alb_access_logs_policy');
  const document = JSON.parse(String(bucketPolicy.policy)) as { Statement: Doc[] };
  const delivery = document.Statement.find((s) => s.Sid === 'ElbAccessLogDelivery');
  if (delivery === undefined) throw new Error('no ElbAccessLogDelivery statement rendered');
  edit(delivery);
  bucketPolicy.policy = JSON.stringify(document);
}

describe(albRule, () => {
  it.each<[string, (tf: Doc) => void, string]>([
    [
      'no access logs',
      (tf) => {
        delete resource(tf, 'aws_lb', 'alb_edge').access_logs;
      },
      'access logs are not enabled',
    ],
    [
      'access logs turned off',
      (tf) => {
        accessLogs(tf).enabled = false;
      },
      'access logs are not enabled',
    ],
    [
      'access logs to a bucket this configuration does not hold',
      (tf) => {
        accessLogs(tf).bucket = 'someone-elses-bucket';
      },
      'access logs go to someone-elses-bucket, not to an aws_s3_bucket of this configuration',
    ],
    [
      'an SSE-KMS log bucket (ELB cannot write to it)',
      (tf) => {
        resource(
          tf,
          'aws_s3_bucket_server_side_encryption_configuration',
          'alb_access_logs_encryption',
        ).rule = [{ apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms' } }];
      },
      'bucket alb_access_logs encrypts with aws:kms, but ELB access logs take SSE-S3 (AES256) only',
    ],
    [
      'no bucket policy',
      (tf) => {
        delete at(tf, 'resource').aws_s3_bucket_policy;
      },
      noGrant(elbAccount),
    ],
    [
      'a policy granting some other principal',
      (tf) => {
        editDelivery(tf, (s) => {
          s.Principal = { AWS: 'arn:aws:iam::111122223333:root' };
        });
      },
      noGrant(elbAccount),
    ],
    [
      'a policy granting another path than the prefix',
      (tf) => {
        editDelivery(tf, (s) => {
          s.Resource = String(s.Resource).replace('/alb/', '/other/');
        });
      },
      noGrant(elbAccount),
    ],
    [
      'a policy denying instead of allowing',
      (tf) => {
        editDelivery(tf, (s) => {
          s.Effect = 'Deny';
        });
      },
      noGrant(elbAccount),
    ],
    [
      'a policy granting only reads',
      (tf) => {
        editDelivery(tf, (s) => {
          s.Action = 's3:GetObject';
        });
      },
      noGrant(elbAccount),
    ],
    [
      'an ALB created before its bucket policy (AWS refuses to turn logging on)',
      (tf) => {
        delete resource(tf, 'aws_lb', 'alb_edge').depends_on;
      },
      'it does not depend on aws_s3_bucket_policy.alb_access_logs_policy, and AWS refuses to turn logging on before ELB may write',
    ],
    [
      'access logs naming no bucket',
      (tf) => {
        delete accessLogs(tf).bucket;
      },
      'access logs go to no bucket, not to an aws_s3_bucket of this configuration',
    ],
    [
      'an SSE-KMS rule after a rule with no default encryption',
      (tf) => {
        resource(
          tf,
          'aws_s3_bucket_server_side_encryption_configuration',
          'alb_access_logs_encryption',
        ).rule = [
          { bucket_key_enabled: true },
          { apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms' } },
        ];
      },
      'bucket alb_access_logs encrypts with aws:kms, but ELB access logs take SSE-S3 (AES256) only',
    ],
    [
      'the bucket policy attached to another bucket',
      (tf) => {
        resource(tf, 'aws_s3_bucket_policy', 'alb_access_logs_policy').bucket =
          `\${aws_s3_bucket.audit_logs.id}`;
      },
      noGrant(elbAccount),
    ],
    [
      "a policy from a data source's document (not readable here)",
      (tf) => {
        resource(tf, 'aws_s3_bucket_policy', 'alb_access_logs_policy').policy =
          `\${data.aws_iam_policy_document.alb_access_logs.json}`;
      },
      noGrant(elbAccount),
    ],
    [
      'a policy granting the prefix itself instead of the objects under it',
      (tf) => {
        editDelivery(tf, (s) => {
          s.Resource = `${logsArn}/alb`;
        });
      },
      noGrant(elbAccount),
    ],
    [
      'a policy whose Resource is no ARN',
      (tf) => {
        editDelivery(tf, (s) => {
          s.Resource = [42];
        });
      },
      noGrant(elbAccount),
    ],
    [
      'logging without a prefix while the policy grants the old prefix',
      (tf) => {
        delete accessLogs(tf).prefix;
      },
      noGrant(elbAccount, 'us-east-1', 'AWSLogs/'),
    ],
    [
      'no bucket policy, with no region on the default provider',
      (tf) => {
        delete defaultProvider(tf).region;
        delete at(tf, 'resource').aws_s3_bucket_policy;
      },
      noGrant(elbAccount, 'its region'),
    ],
  ])('flags %s', (_name, edit, expected) => {
    expect(albFindingsAfter(edit)).toEqual([onAlb(expected)]);
  });

  it.each<[string, (tf: Doc) => void]>([
    [
      's3:PutObject among other actions',
      (tf) => {
        editDelivery(tf, (s) => {
          s.Action = ['s3:GetObject', 's3:PutObject'];
        });
      },
    ],
    [
      'every S3 action (s3:*)',
      (tf) => {
        editDelivery(tf, (s) => {
          s.Action = 's3:*';
        });
      },
    ],
    [
      'the log path among other resources',
      (tf) => {
        editDelivery(tf, (s) => {
          s.Resource = [`${logsArn}/other/*`, s.Resource];
        });
      },
    ],
    [
      'logging without a prefix, delivered under AWSLogs/',
      (tf) => {
        delete accessLogs(tf).prefix;
        editDelivery(tf, (s) => {
          s.Resource = `${logsArn}/AWSLogs/*`;
        });
      },
    ],
    [
      "a default provider with no region (the ELB account's grant)",
      (tf) => {
        delete defaultProvider(tf).region;
      },
    ],
    [
      'an aliased provider in a newer region listed first',
      (tf) => {
        list(tf, 'provider', 'aws').unshift({ alias: 'uae', region: 'me-central-1' });
      },
    ],
    [
      'another bucket encrypted with KMS',
      (tf) => {
        at(tf, 'resource', 'aws_s3_bucket_server_side_encryption_configuration').audit_encryption =
          {
            bucket: `\${aws_s3_bucket.audit_logs.id}`,
            rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms' } }],
          };
      },
    ],
    [
      'delivery granted on a wildcard covering the prefix',
      (tf) => {
        editDelivery(tf, (s) => {
          s.Resource = [`${logsArn}/*`];
          s.Action = ['s3:PutObject'];
        });
      },
    ],
    [
      'the bucket named by its bucket attribute',
      (tf) => {
        accessLogs(tf).bucket = `\${aws_s3_bucket.alb_access_logs.bucket}`;
      },
    ],
    [
      'access_logs written as a one-block list',
      (tf) => {
        const alb = resource(tf, 'aws_lb', 'alb_edge');
        alb.access_logs = [alb.access_logs];
      },
    ],
  ])('accepts %s', (_name, edit) => {
    expect(albFindingsAfter(edit)).toEqual([]);
  });

  const elbAccountArn = `\${data.aws_elb_service_account.elb_service_account.arn}`;
  it.each<[string, string, Doc, string[]]>([
    // AWS documents the account for regions launched before August 2022, the service after.
    [
      'the log delivery service in us-east-1',
      'us-east-1',
      { Service: deliveryService },
      [noGrant(elbAccount)],
    ],
    [
      'the ELB account in me-central-1',
      'me-central-1',
      { AWS: elbAccountArn },
      [noGrant(deliveryService, 'me-central-1')],
    ],
    [
      'another service in me-central-1',
      'me-central-1',
      { Service: 'logging.s3.amazonaws.com' },
      [noGrant(deliveryService, 'me-central-1')],
    ],
    ['the log delivery service in me-central-1', 'me-central-1', { Service: deliveryService }, []],
  ])('judges delivery granted to %s', (_name, region, principal, expected) => {
    const grant = (tf: Doc) => {
      defaultProvider(tf).region = region;
      editDelivery(tf, (s) => {
        s.Principal = principal;
      });
    };
    expect(albFindingsAfter(grant)).toEqual(expected.map(onAlb));
  });
});
