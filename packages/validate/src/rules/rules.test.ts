import { describe, expect, it } from 'vitest';
import { rules } from './index.js';

describe('the rule table', () => {
  it('has unique, namespaced ids and a description for every rule', () => {
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of rules) {
      expect(rule.id).toMatch(/^(schema|xlayer|policy)\/[a-z0-9-]+$/);
      expect(rule.description.length).toBeGreaterThan(10);
    }
  });
});
