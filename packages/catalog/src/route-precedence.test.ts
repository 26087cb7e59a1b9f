import { describe, expect, it } from 'vitest';
import { hostShadowConflicts, precedenceConflicts } from './route-precedence.js';

const route = (name: string, paths: string[], methods: string[] = [], hosts: string[] = []) => ({
  name,
  paths,
  methods,
  hosts,
});

describe('precedenceConflicts', () => {
  it('finds a shorter prefix with more criteria in front of a longer one', () => {
    expect(
      precedenceConflicts([route('broad', ['/api'], ['GET']), route('narrow', ['/api/users'])]),
    ).toEqual([{ broad: 'broad', narrow: 'narrow', path: '/api/users' }]);
  });

  it('treats / as a prefix of everything', () => {
    expect(
      precedenceConflicts([route('root', ['/'], [], ['a.example.com']), route('x', ['/x'])]),
    ).toEqual([{ broad: 'root', narrow: 'x', path: '/x' }]);
  });

  it("counts a shorter prefix whose methods include one of the longer route's", () => {
    expect(
      precedenceConflicts([
        route('broad', ['/api'], ['GET', 'POST'], ['h']),
        route('narrow', ['/api/users'], ['POST']),
      ]),
    ).toEqual([{ broad: 'broad', narrow: 'narrow', path: '/api/users' }]);
  });

  it.each([
    ['equal criteria', [route('a', ['/api'], ['GET']), route('b', ['/api/users'], ['POST'])]],
    [
      'equal criteria that overlap',
      [route('a', ['/api'], ['GET']), route('b', ['/api/users'], ['GET'])],
    ],
    [
      'methods with no method in common',
      [route('a', ['/api'], ['GET'], ['h']), route('b', ['/api/users'], ['POST'])],
    ],
    [
      'hosts with no host in common',
      [route('a', ['/api'], ['GET'], ['h1']), route('b', ['/api/users'], [], ['h2'])],
    ],
    ['one route with a path under its own other path', [route('a', ['/api', '/api/users'])]],
    [
      'disjoint methods',
      [route('a', ['/api'], ['GET']), route('b', ['/api/users'], ['POST'], ['h'])],
    ],
    ['no segment prefix', [route('a', ['/app'], ['GET']), route('b', ['/app1'])]],
    ['longer route has more criteria', [route('a', ['/api']), route('b', ['/api/users'], ['GET'])]],
  ])('accepts %s', (_name, routes) => {
    expect(precedenceConflicts(routes)).toEqual([]);
  });
});

describe('hostShadowConflicts', () => {
  it('finds a longer prefix with hosts under a shorter one that takes other hosts', () => {
    expect(
      hostShadowConflicts([
        route('app', ['/app']),
        route('admin', ['/app/admin'], [], ['admin.example.com']),
      ]),
    ).toEqual([{ broad: 'app', narrow: 'admin', path: '/app/admin' }]);
  });

  it.each([
    [
      'a wildcard over an exact host',
      [route('a', ['/'], [], ['*.example.com']), route('b', ['/b'], [], ['b.example.com'])],
      1,
    ],
    [
      'the same hosts',
      [route('a', ['/'], [], ['x.example.com']), route('b', ['/b'], [], ['x.example.com'])],
      0,
    ],
    [
      'no hosts on the longer prefix',
      [route('a', ['/'], [], ['x.example.com']), route('b', ['/b'])],
      0,
    ],
    [
      'disjoint methods',
      [route('a', ['/'], ['GET']), route('b', ['/b'], ['POST'], ['x.example.com'])],
      0,
    ],
    ['no segment prefix', [route('a', ['/app']), route('b', ['/app1'], [], ['x.example.com'])], 0],
  ])('%s: %i conflict(s)', (_, routes, count) => {
    expect(hostShadowConflicts(routes)).toHaveLength(count);
  });
});

describe('hostShadowConflicts: methods and partly covered hosts', () => {
  it('counts a shorter prefix without methods: it takes every method of the longer one', () => {
    expect(
      hostShadowConflicts([
        route('app', ['/app']),
        route('admin', ['/app/admin'], ['GET'], ['admin.example.com']),
      ]),
    ).toEqual([{ broad: 'app', narrow: 'admin', path: '/app/admin' }]);
  });

  it('counts a shorter prefix with a host the longer one lacks', () => {
    expect(
      hostShadowConflicts([
        route('app', ['/app'], [], ['a.example.com', 'b.example.com']),
        route('admin', ['/app/admin'], [], ['a.example.com']),
      ]),
    ).toEqual([{ broad: 'app', narrow: 'admin', path: '/app/admin' }]);
  });
});
