import { describe, expect, it } from 'vitest';
import { placeholder, withPlaceholders } from './helm-release.fixture.js';

describe('withPlaceholders', () => {
  it.each([
    ['plain', 'plain'],
    [`\${aws_vpc.vpc.id}`, placeholder('aws_vpc.vpc.id')],
    [`a \${x.y} b \${z}`, `a ${placeholder('x.y')} b ${placeholder('z')}`],
    [`\${join(",", [for e in x : {a = e}])}`, placeholder('join(",", [for e in x : {a = e}])')],
    [`literal $\${not}`, `literal \${not}`],
  ])('%s', (input, expected) => {
    expect(withPlaceholders(input)).toBe(expected);
  });

  it('rejects an unterminated interpolation', () => {
    expect(() => withPlaceholders(`\${a.b`)).toThrow(/unterminated/);
  });

  it('makes placeholders that need no quoting in YAML or JSON', () => {
    expect(placeholder('aws_eks_cluster.cluster.name')).toBe('tf-aws_eks_cluster-cluster-name');
  });
});
