import { describe, expect, it } from 'vitest';
import { cleanTree } from './clean-tree.fixture.js';
import { validateTree } from './validate-tree.js';

describe('clean tree', () => {
  it('has no findings', () => {
    expect(validateTree({ files: cleanTree(), waivers: [] })).toEqual([]);
  });
});
