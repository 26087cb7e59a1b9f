import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { elbName } from './elb-name.js';

const digestOf = (base: string) => createHash('sha256').update(base).digest('hex').slice(0, 6);
const elbNamePattern = /^[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?$/;

describe('elbName', () => {
  it.each([
    ['kong-cloud-gw-dev', 'edge', 'kong-cloud-gw-dev-edge'],
    // 27 + 1 + 4 = 32: the longest base kept whole.
    ['a'.repeat(27), 'edge', `${'a'.repeat(27)}-edge`],
    ['kong-cloud-gw-dev-kong', 'proxy', 'kong-cloud-gw-dev-kong-proxy'],
  ])('keeps %s-%s whole when it fits', (base, suffix, name) => {
    expect(elbName(base, suffix)).toBe(name);
  });

  it.each([
    ['a'.repeat(28), 'edge'],
    ['a'.repeat(63), 'edge'],
    ['a'.repeat(63), 'proxy'],
  ])('shortens %s and adds its digest before -%s', (base, suffix) => {
    const name = elbName(base, suffix);
    expect(name).toBe(`${base.slice(0, 32 - suffix.length - 8)}-${digestOf(base)}-${suffix}`);
    expect(name).toHaveLength(32);
  });

  it('drops the hyphens a cut leaves at the end of the kept part', () => {
    const base = `${'a'.repeat(19)}-${'b'.repeat(20)}`;
    expect(elbName(base, 'edge')).toBe(`${'a'.repeat(19)}-${digestOf(base)}-edge`);
  });

  it('names two long clusters that share their first characters apart', () => {
    const dev = `platform-payments-eu-west-1-cluster-dev`;
    const prod = `platform-payments-eu-west-1-cluster-prod`;
    expect(elbName(dev, 'edge')).not.toBe(elbName(prod, 'edge'));
  });

  it.each([
    [''.padEnd(63, 'ab-'), 'edge'],
    ['x', 'alb'],
    ['a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p-q-r-s-t', 'proxy'],
  ])('always gives a name Elastic Load Balancing accepts (%s, %s)', (base, suffix) => {
    const name = elbName(base, suffix);
    expect(name.length).toBeLessThanOrEqual(32);
    expect(name).toMatch(elbNamePattern);
    expect(name.endsWith(`-${suffix}`)).toBe(true);
  });
});
