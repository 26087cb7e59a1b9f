import type { EnvironmentModel } from '@routeplane/model';
import { UsageError } from './user-error.js';

interface ProtectedPart {
  /** What destroy cannot delete while the edge is protected. */
  readonly subject: string;
  /** Why AWS refuses it. */
  readonly refusal: string;
  /** What the apply with `deletionProtection: false` changes, the logs destroy then deletes. */
  readonly unprotected: string;
}

/**
 * Per edge kind, where a protected edge stops `terraform destroy`. `none` renders neither a load
 * balancer nor a log bucket: nothing of its edge stops destroy, and the key does not apply to it.
 */
const protectedParts: { readonly cloudfront: ProtectedPart; readonly alb: ProtectedPart } = {
  cloudfront: {
    subject: 'its CloudFront access-log bucket',
    refusal:
      'S3 refuses to delete a bucket that holds objects (BucketNotEmpty) unless it is force_destroy, and CloudFront writes logs there from the first request',
    unprotected: 'this makes the log bucket force_destroy, so destroy deletes it with its logs',
  },
  alb: {
    subject: 'its edge ALB',
    refusal: 'AWS refuses to delete it',
    unprotected: "this also lets destroy delete the ALB's log bucket with its logs",
  },
};

/**
 * Refuses a teardown `terraform destroy` could not finish: it would stop at the protected edge
 * after removing much of the rest. The catalog's value is what the last apply set only if it was
 * applied: the message says so.
 */
export function refuseProtectedEdge(env: EnvironmentModel): void {
  const edge = env.aws.edge;
  if (edge === undefined || edge.kind === 'none' || !edge.deletionProtection) return;
  const { subject, refusal, unprotected } = protectedParts[edge.kind];
  throw new UsageError(
    `environment ${env.name}: ${subject} is protected from deletion (aws.edge.deletionProtection is true), and ${refusal}, so terraform destroy would stop halfway. Set aws.edge.deletionProtection: false for ${env.name}, run routeplane generate and terraform apply (${unprotected}: copy them first to keep them), then run teardown again`,
  );
}
