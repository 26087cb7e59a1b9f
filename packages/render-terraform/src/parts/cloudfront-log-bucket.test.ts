import type { RouteCatalog as CatalogData } from '@routeplane/catalog';
import { fixtureEnvironment } from '@routeplane/catalog/testing';
import { describe, expect, it } from 'vitest';
import { ref, resource, resources, synth } from '../terraform-json.fixture.js';

/** dev's CloudFront edge with its own aws.edge.deletionProtection. */
function devProtection(deletionProtection: boolean) {
  return (c: CatalogData): void => {
    const [dev] = c.environments;
    if (dev) dev.aws = { ...dev.aws, edge: { ...dev.aws?.edge, deletionProtection } };
  };
}

describe('the CloudFront edge access-log bucket and aws.edge.deletionProtection', () => {
  it('keeps the logs by default: no force_destroy, so destroy stops at a bucket that holds logs', () => {
    const tf = synth(fixtureEnvironment());
    expect(resource(tf, 'aws_s3_bucket', 'access_logs').force_destroy).toBe(false);
  });

  it.each([
    [true, false],
    [false, true],
  ])('with deletionProtection %s renders force_destroy %s', (protection, forceDestroy) => {
    const tf = synth(fixtureEnvironment(devProtection(protection)));
    expect(resource(tf, 'aws_s3_bucket', 'access_logs').force_destroy).toBe(forceDestroy);
    // The distribution still logs into that bucket, and nothing else of the edge changes kind.
    expect(resource(tf, 'aws_cloudfront_distribution', 'distribution').logging_config).toEqual({
      bucket: ref('aws_s3_bucket.access_logs.bucket_domain_name'),
      include_cookies: false,
      prefix: 'cloudfront/',
    });
    expect(resources(tf, 'aws_lb')).toEqual({});
  });

  it('changes nothing else of the environment than force_destroy', () => {
    const kept = synth(fixtureEnvironment(devProtection(true)));
    const removable = synth(fixtureEnvironment(devProtection(false)));
    const { force_destroy: _kept, ...keptBucket } = resource(kept, 'aws_s3_bucket', 'access_logs');
    const { force_destroy: _removable, ...removableBucket } = resource(
      removable,
      'aws_s3_bucket',
      'access_logs',
    );
    expect(removableBucket).toEqual(keptBucket);
    const withoutBucket = (tf: typeof kept) => ({
      ...tf.resource,
      aws_s3_bucket: undefined,
    });
    expect(withoutBucket(removable)).toEqual(withoutBucket(kept));
  });
});
