import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadModel } from '@routeplane/catalog';
import { repoRoot } from '@routeplane/test-support';
import { describe, expect, it } from 'vitest';
import { renderedExample } from './rendered-example.fixture.js';
import { refuseProtectedEnvironment } from './teardown-preflight.js';

type Resources = Record<string, Record<string, Record<string, unknown>>>;

/**
 * What AWS refuses to delete as rendered, once the environment has run: a bucket that holds
 * objects without force_destroy (BucketNotEmpty), a repository that holds images without
 * force_delete (RepositoryNotEmptyException), a load balancer with deletion protection. The other
 * rendered types destroy deletes whatever they hold: the private hosted zone holds only
 * Terraform's own records, ElastiCache takes no final snapshot, Secrets Manager secrets and KMS
 * keys are scheduled for deletion.
 */
const blocks: Record<string, (r: Record<string, unknown>) => boolean> = {
  aws_s3_bucket: (r) => r.force_destroy !== true,
  aws_ecr_repository: (r) => r.force_delete !== true,
  aws_lb: (r) => r.enable_deletion_protection === true,
};

function blockers(root: string, env: string): string[] {
  const tf = JSON.parse(
    readFileSync(join(root, 'generated/terraform', env, 'main.tf.json'), 'utf8'),
  ) as { resource: Resources };
  return Object.entries(blocks).flatMap(([type, blocking]) =>
    Object.entries(tf.resource[type] ?? {})
      .filter(([, r]) => blocking(r))
      .map(([name]) => `${type}.${name}`),
  );
}

/** Per catalog, per environment: what a plain `terraform destroy` would stop at. */
const cases: [string, string | undefined, Record<string, string[]>][] = [
  // The shipped catalog: dev is unprotected, prod keeps its CloudFront logs.
  ['the shipped catalog', undefined, { dev: [], prod: ['aws_s3_bucket.access_logs'] }],
  [
    'alb-edge',
    'alb-edge',
    {
      dev: ['aws_s3_bucket.alb_access_logs', 'aws_lb.alb_edge'],
      prod: ['aws_s3_bucket.access_logs'],
    },
  ],
  ['no-edge', 'no-edge', { dev: [], prod: ['aws_s3_bucket.access_logs'] }],
  [
    'ecs-fargate',
    'ecs-fargate',
    {
      sandbox: ['aws_ecr_repository.kong_image_repository'],
      dev: ['aws_ecr_repository.kong_image_repository'],
      test: ['aws_s3_bucket.access_logs', 'aws_ecr_repository.kong_image_repository'],
      prod: ['aws_ecr_repository.kong_image_repository'],
    },
  ],
];

describe('what terraform destroy stops at, and routeplane teardown', () => {
  it.each(cases)(
    '%s: only protected environments keep anything, and teardown refuses exactly those',
    async (_name, example, expected) => {
      const root = example === undefined ? repoRoot : (await renderedExample(example)).root;
      const catalog = join(
        repoRoot,
        example === undefined ? '' : `examples/${example}`,
        'catalog.yaml',
      );
      const envs = readdirSync(join(root, 'generated/terraform')).sort();
      expect(envs).toEqual(Object.keys(expected).sort());
      for (const env of envs) expect([env, blockers(root, env)]).toEqual([env, expected[env]]);
      for (const env of loadModel(catalog).environments) {
        const refused = (() => {
          try {
            refuseProtectedEnvironment(env);
            return false;
          } catch {
            return true;
          }
        })();
        expect([env.name, refused]).toEqual([env.name, (expected[env.name] ?? []).length > 0]);
      }
    },
    120_000,
  );
});
