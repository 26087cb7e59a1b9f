import { describe, expect, it } from 'vitest';
import { gatewayExplain } from './gateway-api-router-model.js';

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
