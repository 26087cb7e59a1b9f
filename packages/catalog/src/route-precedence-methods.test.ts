import { describe, expect, it } from 'vitest';
import { hostShadowConflicts } from './route-precedence.js';

const route = (name: string, paths: string[], methods: string[] = [], hosts: string[] = []) => ({
  name,
  paths,
  methods,
  hosts,
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
