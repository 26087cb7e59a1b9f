import { describe, expect, it } from 'vitest';
import { precedenceConflicts } from './route-precedence.js';

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
