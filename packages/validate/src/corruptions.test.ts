import { describe, expect, it } from 'vitest';
import { corruptionCases as cases } from './corruption-cases.fixture.js';
import { validateTree } from './validate-tree.js';

describe('validateTree catches each corruption of a clean tree', () => {
  it.each(cases)('$name -> $rule', ({ files, rule, object, message, also = [] }) => {
    const findings = validateTree({ files, waivers: [] });
    expect(findings).toContainEqual(
      expect.objectContaining({ rule, object, message: expect.stringContaining(message) }),
    );
    // Exactly these findings: a corruption that also trips an unrelated rule is a bug somewhere.
    const pairs = (list: readonly (readonly [string, string])[]) =>
      list.map(([r, o]) => `${r} ${o}`).sort();
    expect(pairs(findings.map((f) => [f.rule, f.object]))).toEqual(
      pairs([[rule, object], ...also]),
    );
  });
});
