import { type CatalogEdit, fixtureEnvironment } from '@routeplane/catalog/testing';
import type { BackendModel } from '@routeplane/model';
import { describe, expect, it } from 'vitest';
import { nginxServerConfig } from './nginx-config.js';

function usersApi(edit?: CatalogEdit): BackendModel {
  const found = fixtureEnvironment(edit).services.find((s) => s.name === 'users-api');
  if (!found) throw new Error('fixture lost users-api');
  return found;
}

describe('nginxServerConfig', () => {
  it('answers each exact path, the health path and a JSON 404', () => {
    expect(nginxServerConfig(usersApi())).toMatchInlineSnapshot(`
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
    const config = nginxServerConfig(
      usersApi((c) => {
        const users = c.services.find((s) => s.name === 'users-api');
        if (users)
          users.responses = [{ path: '/api/users/health', contentType: 'text/plain', body }];
      }),
    );
    expect(config).toContain(`return 200 ${quoted};`);
    expect(config.includes('geo $routeplane_dollar')).toBe(body.includes('$'));
  });
});
