import { describe, expect, it } from 'vitest';
import {
  gatewayExplain,
  gatewayHostnameMatches,
  gatewaySelect,
} from './gateway-api-router-model.js';

const routes = [
  { name: 'app1', backend: 'sample-apps/sample-app-1', prefixes: ['/app1'], methods: [] },
  { name: 'api', backend: 'api/all', prefixes: ['/api'], methods: [] },
  { name: 'users', backend: 'api/users', prefixes: ['/api/users'], methods: ['GET'] },
];

describe('gatewayExplain', () => {
  it('selects the longest PathPrefix and says why the shorter one loses', () => {
    const { pick, verdicts } = gatewayExplain(routes, 'GET', '/api/users/1');
    expect(pick).toEqual({ backend: 'api/users' });
    expect(verdicts.map((v) => [v.name, v.outcome])).toEqual([
      ['users', 'selected'],
      ['api', 'outranked'],
      ['app1', 'no-match'],
    ]);
  });

  it.each([
    ['GET', '/app10', 'none', '/app10 is not below the PathPrefix /app1 (whole segments)'],
    ['POST', '/api/users', 'api/all', 'method POST is not one of GET'],
  ])('%s %s', (method, path, backend, usersOrApp1Reason) => {
    const { pick, verdicts } = gatewayExplain(routes, method, path);
    expect(typeof pick === 'string' ? pick : pick.backend).toBe(backend);
    expect(verdicts.map((v) => v.reason)).toContain(usersOrApp1Reason);
  });
});

describe('hostnames', () => {
  const hosted = [
    { backend: 'a/exact', prefixes: ['/x'], methods: [], hostnames: ['api.example.com'] },
    { backend: 'a/wild', prefixes: ['/y'], methods: [], hostnames: ['*.example.com'] },
    { backend: 'a/any', prefixes: ['/z'], methods: [] },
  ];
  it.each([
    ['api.example.com', '/x', 'a/exact'],
    ['API.Example.com:443', '/x', 'a/exact'],
    ['web.example.com', '/x', 'none'],
    ['web.example.com', '/y', 'a/wild'],
    ['a.b.example.com', '/y', 'a/wild'],
    ['example.com', '/y', 'none'],
    ['badexample.com', '/y', 'none'],
    ['other.org', '/z', 'a/any'],
  ])('Host %s, GET %s -> %s', (host, path, backend) => {
    const pick = gatewaySelect(hosted, 'GET', path, host);
    expect(typeof pick === 'string' ? pick : pick.backend).toBe(backend);
  });

  it('ignores hostnames when no Host is given', () => {
    expect(gatewaySelect(hosted, 'GET', '/x')).toEqual({ backend: 'a/exact' });
  });

  it.each([
    ['*.example.com', 'example.com', false],
    ['*.example.com', '.example.com', false],
    ['gateway.internal.example.com', 'GATEWAY.internal.example.com:8443', true],
  ])('%s matches %s: %s', (pattern, host, expected) => {
    expect(gatewayHostnameMatches(pattern, host)).toBe(expected);
  });
});

describe('gatewayExplain with a Host', () => {
  it('says which hostnames refused it', () => {
    const route = { name: 'r', backend: 'a/b', prefixes: ['/'], methods: [], hostnames: ['x.io'] };
    const { pick, verdicts } = gatewayExplain([route], 'GET', '/', 'y.io');
    expect(pick).toBe('none');
    expect(verdicts[0]?.reason).toBe('host y.io is not one of the hostnames x.io');
  });
});
