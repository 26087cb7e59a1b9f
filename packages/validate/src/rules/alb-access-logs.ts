import { elbLogDeliveryService, elbLogsFromAccount } from '@routeplane/model';
import { arr, get, isObject, type JsonObject, obj, str } from '../json.js';
import { resourcesOf } from './dedicated-gateway-rules.js';

/** Who ELB writes logs as in a region: its ELB account, or (launched from August 2022) a service. */
interface LogWriter {
  readonly key: 'AWS' | 'Service';
  readonly matches: (principal: string) => boolean;
  readonly shown: string;
}

function logWriterIn(region: string | undefined): LogWriter {
  return region === undefined || elbLogsFromAccount(region)
    ? {
        key: 'AWS',
        matches: (p) => p.includes('aws_elb_service_account.'),
        shown: `the region's ELB account (aws_elb_service_account)`,
      }
    : { key: 'Service', matches: (p) => p === elbLogDeliveryService, shown: elbLogDeliveryService };
}

/** The region of the configuration's default (unaliased) AWS provider. */
function providerRegion(tf: unknown): string | undefined {
  return str(
    arr(tf, 'provider', 'aws').find((p) => isObject(p) && p.alias === undefined),
    'region',
  );
}

/** A block Terraform JSON may write as an object or as a one-element list. */
function block(value: unknown, key: string): JsonObject | undefined {
  return obj(value, key) ?? arr(value, key).find(isObject);
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/**
 * Whether a statement lets ELB put log objects under `logs` (`<bucket arn>/<prefix>/AWSLogs/`):
 * an Allow of s3:PutObject to whom ELB writes as in the region, on that path or a wildcard
 * covering it.
 */
function grantsDelivery(statement: unknown, logs: string, writer: LogWriter): boolean {
  if (str(statement, 'Effect') !== 'Allow') return false;
  const actions = list(get(statement, 'Action'));
  if (!actions.some((a) => a === 's3:PutObject' || a === 's3:*')) return false;
  const principals = list(get(statement, 'Principal', writer.key)).filter(
    (p) => typeof p === 'string' && writer.matches(p),
  );
  if (principals.length === 0) return false;
  return list(get(statement, 'Resource')).some(
    (r) =>
      typeof r === 'string' &&
      (r.startsWith(logs) || (r.endsWith('*') && logs.startsWith(r.slice(0, -1)))),
  );
}

function parsedPolicy(policy: JsonObject): unknown {
  try {
    // Stryker disable BlockStatement: only the catch block follows; empty, it returns undefined too
    return JSON.parse(str(policy, 'policy') ?? '');
  } catch {
    // Stryker restore BlockStatement
    return undefined;
  }
}

/**
 * Problems of an edge ALB's access logs: logging on, into a bucket of this configuration that is
 * not SSE-KMS encrypted (ELB writes SSE-S3 only), whose policy lets ELB deliver under the prefix,
 * and the ALB created after that policy (AWS tests write access when logging is turned on).
 */
export function accessLogProblems(tf: unknown, alb: JsonObject): string[] {
  const logging = block(alb, 'access_logs');
  if (logging?.enabled !== true) return ['access logs are not enabled'];
  const target = str(logging, 'bucket') ?? '';
  const bucket = resourcesOf(tf, 'aws_s3_bucket').find(
    ([name]) =>
      target === `\${aws_s3_bucket.${name}.id}` || target === `\${aws_s3_bucket.${name}.bucket}`,
  )?.[0];
  if (bucket === undefined)
    return [
      `access logs go to ${target || 'no bucket'}, not to an aws_s3_bucket of this configuration`,
    ];
  const problems: string[] = [];
  const owns = (r: JsonObject) => (str(r, 'bucket') ?? '').includes(`aws_s3_bucket.${bucket}.`);
  const kms = resourcesOf(tf, 'aws_s3_bucket_server_side_encryption_configuration')
    .filter(([, c]) => owns(c))
    .flatMap(([, c]) => arr(c, 'rule'))
    .map((rule) => str(block(rule, 'apply_server_side_encryption_by_default'), 'sse_algorithm'))
    .find((algorithm) => algorithm !== undefined && algorithm !== 'AES256');
  if (kms !== undefined)
    problems.push(
      `bucket ${bucket} encrypts with ${kms}, but ELB access logs take SSE-S3 (AES256) only`,
    );
  const prefix = str(logging, 'prefix') ?? '';
  const path = `${prefix === '' ? '' : `${prefix}/`}AWSLogs/`;
  const logs = `\${aws_s3_bucket.${bucket}.arn}/${path}`;
  const region = providerRegion(tf);
  const writer = logWriterIn(region);
  const policies = resourcesOf(tf, 'aws_s3_bucket_policy').filter(([, p]) => owns(p));
  const granting = policies.find(([, p]) =>
    arr(parsedPolicy(p), 'Statement').some((s) => grantsDelivery(s, logs, writer)),
  )?.[0];
  if (granting === undefined)
    problems.push(
      `no policy of bucket ${bucket} lets ELB, which writes as ${writer.shown} in ${region ?? 'its region'}, put objects under ${path}`,
    );
  else if (!arr(alb, 'depends_on').includes(`aws_s3_bucket_policy.${granting}`))
    problems.push(
      `it does not depend on aws_s3_bucket_policy.${granting}, and AWS refuses to turn logging on before ELB may write`,
    );
  return problems;
}
