import { describe, expect, it } from 'vitest';
import { semanticRules } from './semantic-rules.js';
import { badCatalogs } from './testing/bad-catalogs.js';
import { catalogProblemRecords } from './testing/catalog-problems.js';
import { badEcsFargateCatalogs } from './testing/ecs-fargate-catalogs.js';

/**
 * Rules that are not semantic rules but still report problems: the parser, the schema and the
 * custom plugins' Lua files.
 */
const loaderRules = ['yaml', 'schema', 'custom-plugin-code'];

describe('the bad-catalog tables', () => {
  const fired = new Map<string, string[]>();
  for (const [name, text] of [...badCatalogs, ...badEcsFargateCatalogs]) {
    for (const problem of catalogProblemRecords(text)) {
      fired.set(problem.rule, [...(fired.get(problem.rule) ?? []), name]);
    }
  }

  it.each([...loaderRules, ...semanticRules.map((r) => r.id)])(
    'makes rule %s fire at least once',
    (rule) => {
      expect(fired.get(rule), `no bad catalog triggers rule ${rule}`).toBeDefined();
    },
  );

  it('gives every problem a rule id the loader knows', () => {
    const known = new Set([...loaderRules, ...semanticRules.map((r) => r.id)]);
    expect([...fired.keys()].filter((rule) => !known.has(rule))).toEqual([]);
  });

  it('has no two rules sharing an id', () => {
    const ids = semanticRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
