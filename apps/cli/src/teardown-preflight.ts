import type { EnvironmentModel } from '@routeplane/model';
import { UsageError } from './user-error.js';

/**
 * Refuses a teardown `terraform destroy` could not finish: AWS refuses to delete a load balancer
 * with deletion protection on, and destroy would stop there after removing much of the rest. The
 * catalog's value is what the last apply set only if it was applied: the message says so.
 */
export function refuseProtectedEdge(env: EnvironmentModel): void {
  const edge = env.aws.edge;
  if (edge?.kind !== 'alb' || !edge.deletionProtection) return;
  throw new UsageError(
    `environment ${env.name}: its edge ALB is protected from deletion (aws.edge.deletionProtection is true), and AWS refuses to delete it, so terraform destroy would stop halfway. Set aws.edge.deletionProtection: false for ${env.name}, run routeplane generate and terraform apply (this also lets destroy delete the ALB's log bucket with its logs: copy them first to keep them), then run teardown again`,
  );
}
