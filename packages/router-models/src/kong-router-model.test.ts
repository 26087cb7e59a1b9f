import type { KongFile } from '@routeplane/deck-types';
import { describe, expect, it } from 'vitest';
import { kongExplain, kongSelect } from './kong-router-model.js';

/** Two services as routeplane renders them: exact regex + segment prefix per catalog path. */
const file: KongFile = {
  _format_version: '3.0',
  services: [
    { name: 'app1', routes: [{ name: 'app1', paths: ['~/app1$', '/app1/'] }] },
    {
      name: 'users',
      routes: [{ name: 'users', paths: ['~/api/users$', '/api/users/'], methods: ['GET'] }],
    },
    {
      name: 'tenant',
      routes: [{ name: 'tenant', paths: ['~/app1$', '/app1/'], hosts: ['*.tenant.example.com'] }],
    },
  ],
};

describe('kongExplain', () => {
  it('says why /app10 matches no route', () => {
    const result = kongExplain(file, { method: 'GET', path: '/app10', host: 'api.example.com' });
    expect(result.pick).toBe('none');
    const app1 = result.verdicts.filter((v) => v.route === 'app1');
    expect(app1.map((v) => v.reason)).toEqual(
      expect.arrayContaining([
        '/app10 does not match the regex /app1$ (anchored at the start)',
        '/app10 does not start with /app1/',
      ]),
    );
  });

  it.each([
    ['GET', '/app1', 'api.example.com', 'app1'],
    ['GET', '/app1/x', 'a.tenant.example.com', 'tenant'],
    ['GET', '/app1/x', 'A.TENANT.example.com:443', 'tenant'],
    ['GET', '/app1/x', 'tenant.example.com', 'app1'],
    ['POST', '/api/users', 'api.example.com', 'none'],
    ['GET', '/api/users?x=/y', 'api.example.com', 'users'],
  ])('%s %s with Host %s goes to %s', (method, path, host, want) => {
    const pick = kongSelect(file, method, path, host);
    expect(typeof pick === 'string' ? pick : pick.service).toBe(want);
  });

  it('ranks a host route over a plain one and names the loser as outranked', () => {
    const result = kongExplain(file, {
      method: 'GET',
      path: '/app1/',
      host: 'x.tenant.example.com',
    });
    expect(result.verdicts[0]).toMatchObject({ route: 'tenant', outcome: 'selected' });
    expect(
      result.verdicts.find((v) => v.route === 'app1' && v.outcome === 'outranked')?.reason,
    ).toMatch(/below route tenant's/);
  });

  it('reports a method mismatch before the path', () => {
    const result = kongExplain(file, { method: 'DELETE', path: '/api/users' });
    expect(result.verdicts.find((v) => v.route === 'users')?.reason).toBe(
      'method DELETE is not one of GET',
    );
  });
});

describe('header matches (the viewer-host header behind CloudFront)', () => {
  const viewer: KongFile = {
    _format_version: '3.0',
    services: [
      { name: 'any', routes: [{ name: 'any', paths: ['/app/'] }] },
      {
        name: 'api',
        routes: [
          {
            name: 'api',
            paths: ['/app/'],
            headers: {
              'X-Viewer-Host': ['api.example.com', '~*^.+\\.tenants\\.example\\.com(:[0-9]+)?$'],
            },
          },
        ],
      },
    ],
  };

  it.each([
    [{ 'x-viewer-host': 'api.example.com' }, 'api'],
    [{ 'X-VIEWER-HOST': 'API.example.COM' }, 'api'],
    [{ 'x-viewer-host': 'a.b.tenants.example.com:443' }, 'api'],
    [{ 'x-viewer-host': 'tenants.example.com' }, 'any'],
    [{ 'x-viewer-host': 'evil.example.com' }, 'any'],
    [{}, 'any'],
  ])('%o -> %s (a header match outranks a plain path)', (headers, service) => {
    expect(kongExplain(viewer, { method: 'GET', path: '/app/x', headers }).pick).toEqual({
      service,
    });
  });

  it('names the header that does not match', () => {
    const verdicts = kongExplain(viewer, { method: 'GET', path: '/app/x' }).verdicts;
    expect(verdicts.find((v) => v.route === 'api')?.reason).toBe(
      'header X-Viewer-Host is absent (wanted api.example.com, ~*^.+\\.tenants\\.example\\.com(:[0-9]+)?$)',
    );
  });
});
