import { describe, expect, it } from 'vitest';
import { backend } from './model.fixture.js';
import { nginxServerConfig } from './nginx-config.js';

describe('nginxServerConfig', () => {
  it('answers each exact path, the health path and a JSON 404', () => {
    const b = {
      ...backend('users-api', 'api-services', ['/api/users'], '/api/users/health'),
      containerPort: 8080,
    };
    expect(nginxServerConfig(b)).toMatchInlineSnapshot(`
      "# users-api: sample responses from the catalog
      server {
        listen 8080;
        server_name _;
        server_tokens off;

        location = /api/users {
          default_type 'application/json';
          return 200 '{"app":"users-api","path":"/api/users"}';
        }

        location = /api/users/health {
          default_type 'application/json';
          return 200 '{"status":"healthy"}';
        }

        location / {
          default_type 'application/json';
          return 404 '{"error":"not found"}';
        }
      }
      "
    `);
  });

  it.each([
    ["it's", String.raw`'it\'s'`],
    [String.raw`a\b`, String.raw`'a\\b'`],
    // nginx syntax, not a JS template: `${name}` reads the variable holding a literal dollar.
    ['cost $5', `'cost $\{routeplane_dollar}5'`],
  ])('quotes %j safely', (body, quoted) => {
    const b = backend('s', 'ns', [], '/healthz');
    const config = nginxServerConfig({
      ...b,
      responses: [{ path: '/x', status: 200, contentType: 'text/plain', body }],
    });
    expect(config).toContain(`return 200 ${quoted};`);
    expect(config.includes('geo $routeplane_dollar')).toBe(body.includes('$'));
  });
});
