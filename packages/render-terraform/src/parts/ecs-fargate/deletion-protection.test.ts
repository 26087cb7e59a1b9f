import { loadModelFromBytes } from '@routeplane/catalog';
import type { Edit } from '@routeplane/catalog/testing/bad-catalogs';
import { ecsExample } from '@routeplane/catalog/testing/ecs-fargate-catalogs';
import { describe, expect, it } from 'vitest';
import { resource, resources, synth } from '../../terraform-json.fixture.js';

/** One environment of the ECS Fargate example after `edits` (test: CloudFront entry; dev: API Gateway). */
function rendered(name: string, ...edits: readonly Edit[]) {
  const model = loadModelFromBytes(new TextEncoder().encode(ecsExample(...edits)), {
    displayName: 'catalog.yaml',
    baseDir: '.',
  });
  const env = model.environments.find((e) => e.name === name);
  if (!env) throw new Error(`no environment ${name}`);
  return { env, tf: synth(env) };
}

const key = 'kong.dataPlane.ecsFargate.deletionProtection';

describe('kong.dataPlane.ecsFargate.deletionProtection', () => {
  it('keeps the image repository and the entry logs by default (destroy stops at them)', () => {
    const { env, tf } = rendered('test');
    expect(env.kong.ecsFargate?.deletionProtection).toBe(true);
    expect(resource(tf, 'aws_ecr_repository', 'kong_image_repository').force_delete).toBe(false);
    expect(resource(tf, 'aws_s3_bucket', 'access_logs').force_destroy).toBe(false);
  });

  it.each<[string, readonly Edit[], boolean]>([
    ['top-level false', [[key, false]], false],
    ["an environment's own false", [[`environments.2.${key}`, false]], false],
    [
      "an environment's own true over a top-level false",
      [
        [key, false],
        [`environments.2.${key}`, true],
      ],
      true,
    ],
  ])('%s: force_delete and force_destroy are its opposite', (_name, edits, protection) => {
    const { env, tf } = rendered('test', ...edits);
    expect(env.kong.ecsFargate?.deletionProtection).toBe(protection);
    expect(resource(tf, 'aws_ecr_repository', 'kong_image_repository').force_delete).toBe(
      !protection,
    );
    expect(resource(tf, 'aws_s3_bucket', 'access_logs').force_destroy).toBe(!protection);
  });

  it('with the API Gateway entry governs the repository alone (no log bucket)', () => {
    const { tf } = rendered('dev', [key, false]);
    expect(resource(tf, 'aws_ecr_repository', 'kong_image_repository').force_delete).toBe(true);
    expect(resources(tf, 'aws_s3_bucket')).toEqual({});
  });
});
