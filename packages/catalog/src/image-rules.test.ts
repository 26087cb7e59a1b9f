import { describe, expect, it } from 'vitest';
import { shipped } from './testing/bad-catalogs.js';
import { catalogProblems } from './testing/catalog-problems.js';

const withImage = (image: string) => catalogProblems(shipped(['services.0.image', image]));
const digest = `sha256:${'a'.repeat(64)}`;

describe('services[].image (rule pinned-images)', () => {
  it.each([
    'registry.example.com:5000/team/app:1.2.3',
    'docker.io/library/latest:1.0',
    'docker.io/library/nginx:latest-alpine',
    `docker.io/library/nginx@${digest}`,
  ])('accepts %s', (image) => {
    expect(withImage(image)).toEqual([]);
  });

  it.each(['docker.io/library/nginx:latest', 'registry.example.com:5000/team/app:latest'])(
    'refuses %s, naming the image',
    (image) => {
      expect(withImage(image)).toEqual([
        expect.stringMatching(
          new RegExp(
            `^catalog\\.yaml:\\d+:\\d+ services\\[0\\]\\.image: must be pinned to a version tag or a digest, never "latest" .*, but "${image.replaceAll('.', '\\.')}" was given$`,
          ),
        ),
      ]);
    },
  );
});
