import type { EnvironmentModel } from '@routeplane/model';
import { UsageError } from './user-error.js';

/** Where a protected environment stops `terraform destroy`, and the key that lifts it. */
interface Protection {
  /** The catalog key, as the user writes it. */
  readonly key: string;
  /** What destroy cannot delete while the key is true. */
  readonly subject: string;
  /** Why AWS refuses it. */
  readonly refusal: string;
  /** How `terraform destroy` ends then. */
  readonly outcome: string;
  /** What the apply with the key false changes: what destroy then deletes. */
  readonly unprotected: string;
}

const cloudfrontLogs =
  'S3 refuses to delete a bucket that holds objects (BucketNotEmpty) unless it is force_destroy, and CloudFront writes logs there from the first request';

/**
 * The protection of each environment shape, undefined when nothing stops its destroy. An edge of
 * kind `none` renders neither a load balancer nor a log bucket: the key does not apply to it.
 */
function protectionOf(env: EnvironmentModel): Protection | undefined {
  const ecs = env.kong.ecsFargate;
  if (ecs !== undefined) {
    if (!ecs.deletionProtection) return undefined;
    const withLogs = ecs.entry.kind === 'cloudfront';
    return {
      key: 'kong.dataPlane.ecsFargate.deletionProtection',
      subject: `its Kong image repository${withLogs ? " and its CloudFront entry's access-log bucket are" : ' is'}`,
      refusal: `ECR refuses to delete a repository that holds images (RepositoryNotEmptyException) unless it is force_delete${withLogs ? `, and ${cloudfrontLogs}` : ''}`,
      outcome: `fail and leave ${withLogs ? 'them' : 'it'} behind`,
      unprotected: `this lets destroy delete the repository with its images${withLogs ? ' and the log bucket with its logs' : ''}`,
    };
  }
  const edge = env.aws.edge;
  if (edge === undefined || edge.kind === 'none' || !edge.deletionProtection) return undefined;
  const key = 'aws.edge.deletionProtection';
  return edge.kind === 'alb'
    ? {
        key,
        subject: 'its edge ALB is',
        refusal: 'AWS refuses to delete it',
        outcome: 'stop halfway',
        unprotected: "this also lets destroy delete the ALB's log bucket with its logs",
      }
    : {
        key,
        subject: 'its CloudFront access-log bucket is',
        refusal: cloudfrontLogs,
        outcome: 'fail and leave the bucket behind',
        unprotected: 'this makes the log bucket force_destroy, so destroy deletes it with its logs',
      };
}

/**
 * Refuses a teardown `terraform destroy` could not finish: it would stop at what the environment
 * protects after removing much of the rest. The catalog's value is what the last apply set only
 * if it was applied: the message says so.
 */
export function refuseProtectedEnvironment(env: EnvironmentModel): void {
  const protection = protectionOf(env);
  if (protection === undefined) return;
  const { key, subject, refusal, outcome, unprotected } = protection;
  throw new UsageError(
    `environment ${env.name}: ${subject} protected from deletion (${key} is true), and ${refusal}, so terraform destroy would ${outcome}. Set ${key}: false for ${env.name}, run routeplane generate and terraform apply (${unprotected}: copy them first to keep them), then run teardown again`,
  );
}
