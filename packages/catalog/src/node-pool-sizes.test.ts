import { describe, expect, it } from 'vitest';
import { shipped } from './testing/bad-catalogs.js';
import { catalogProblems } from './testing/catalog-problems.js';

/** aws.nodePools (rule networks): minSize <= desiredSize <= maxSize, each bound on its own. */
describe('aws.nodePools sizes', () => {
  const sizes = (min: number, desired: number, max: number) =>
    shipped(
      ['aws.nodePools.system.minSize', min],
      ['aws.nodePools.system.desiredSize', desired],
      ['aws.nodePools.system.maxSize', max],
    );

  it.each([
    [3, 2, 5],
    [2, 6, 5],
  ])(
    'refuses %i <= %i <= %i, pointing at the pool (prod keeps its own pools)',
    (min, desired, max) => {
      const problems = catalogProblems(sizes(min, desired, max));
      expect(problems).toEqual([
        expect.stringMatching(
          new RegExp(
            `^catalog\\.yaml:\\d+:5 aws\\.nodePools\\.system: needs minSize <= desiredSize <= maxSize, but ${min} <= ${desired} <= ${max} was given \\(environment dev\\)$`,
          ),
        ),
      ]);
    },
  );

  it.each([
    [2, 2, 5],
    [2, 5, 5],
    [3, 3, 3],
  ])('accepts %i <= %i <= %i', (min, desired, max) => {
    expect(catalogProblems(sizes(min, desired, max))).toEqual([]);
  });
});
