import { describe, expect, it } from 'vitest';
import { kongPathsForPrefix, normalizePathPrefix, pathProblem } from './route-paths.js';

describe('route paths', () => {
  it.each([
    ['/app1', ['~/app1$', '/app1/']],
    ['/api/users', ['~/api/users$', '/api/users/']],
    ['/v1.0/a+b', ['~/v1\\.0/a\\+b$', '/v1.0/a+b/']],
    ['/', ['/']],
  ])('translates PathPrefix %s to Kong paths', (prefix, expected) => {
    expect(kongPathsForPrefix(prefix)).toEqual(expected);
  });

  it.each([
    ['/api/', '/api'],
    ['/api//', '/api'],
    ['/', '/'],
    ['/api', '/api'],
  ])('normalises %s to %s', (path, expected) => {
    expect(normalizePathPrefix(path)).toBe(expected);
  });

  it.each([
    '/a',
    '/a/b-c_d.e~f',
    "/a!$&'()*+,;=:@",
    '/.well-known/acme',
    '/a/..b',
    '/a/b.',
    `/${'a'.repeat(1023)}`,
  ])('accepts %s', (path) => {
    expect(pathProblem(path)).toBeUndefined();
  });

  it.each([
    ['a', 'must start with "/"'],
    ['a/', 'must start with "/"'],
    ['/a?b', '"#" or "?"'],
    ['/a/.', '"/./"'],
    ['/a/../b', '"/../"'],
    ['/a//b', '"//"'],
    ['/a/./b', '"/./"'],
    ['/a/..', '"/../"'],
    ['/a%2Fb', 'percent-encoded'],
    ['/a#b', '"#"'],
    ['/a b', 'may contain only'],
    [`/${'a'.repeat(1024)}`, 'at most 1024'],
  ])('refuses %s', (path, message) => {
    expect(pathProblem(path)).toContain(message);
  });
});
