import { join } from 'node:path';
import { loadModel } from '@routeplane/catalog';
import { renderDeck } from '@routeplane/render-deck';
import { repoRoot } from '@routeplane/test-support';
import { describe, expect, it } from 'vitest';
import { corrupt } from '../corrupt.fixture.js';
import { ruleFindings } from '../example-tree.fixture.js';
import type { TreeFile } from '../finding.js';
import { treeFromRendered } from '../rendered-files.js';

const rule = 'xlayer/kong-backend-secret';
const file = 'deck/dev/kong.yaml';
const tree = treeFromRendered(
  renderDeck(loadModel(join(repoRoot, 'examples/backend-shared-secret/catalog.yaml'))),
);

type Doc = Record<string, unknown>;
type Route = { name: string; plugins?: { name: string; config: Doc }[] };

const findings = (files: TreeFile[]): string[] => ruleFindings(rule, files);

/** users-api's routes in the rendered kong.yaml. */
function usersRoutes(deck: unknown): Route[] {
  const services = (deck as { services: { name: string; routes: Route[] }[] }).services;
  return services.find((s) => s.name === 'api-services.users-api')?.routes ?? [];
}

/** users-api's first route, copied under another name and changed. */
function copyOfFirst(
  routes: Route[],
  name: string,
  edit: (route: Route) => void = () => {},
): Route {
  const copy = structuredClone(routes[0]) as Route;
  copy.name = name;
  edit(copy);
  return copy;
}

/** The config of a route's request-transformer, as arrays to push onto. */
function transformer(route: Route): { add: { headers: unknown[] }; remove: { headers: string[] } } {
  const config = route.plugins?.find((p) => p.name === 'request-transformer')?.config;
  if (config === undefined) throw new Error(`route ${route.name} renders no request-transformer`);
  return config as { add: { headers: unknown[] }; remove: { headers: string[] } };
}

const apiKey = `X-Api-Key:\${{ env "DECK_USERS_API_KEY" }}`;
const secret = `X-Backend-Secret:\${{ env "DECK_USERS_API_SHARED_SECRET" }}`;
const lacks = (service: string, headers: string) =>
  `service ${service} sends its backend ${headers} through its other routes, but this route does not (its request-transformer must remove the header, then add it from the same DECK_* variable)`;
const message = lacks('api-services.users-api', secret);

describe(rule, () => {
  // The shipped catalog's clean run is shipped-catalog.test.ts's: one render per file here.
  it('passes examples/backend-shared-secret', () => {
    expect(findings(tree)).toEqual([]);
  });

  it.each<[string, (route: Route) => void]>([
    [
      'without request-transformer',
      (route) => {
        route.plugins = (route.plugins ?? []).filter((p) => p.name !== 'request-transformer');
      },
    ],
    [
      'adding the header without removing the client value first',
      (route) => {
        const rt = route.plugins?.find((p) => p.name === 'request-transformer');
        if (rt) delete rt.config.remove;
      },
    ],
    [
      'adding a literal value',
      (route) => {
        const rt = route.plugins?.find((p) => p.name === 'request-transformer');
        if (rt) rt.config.add = { headers: ['X-Backend-Secret:hunter2'] };
      },
    ],
  ])('flags a second route %s', (_name, edit) => {
    const files = corrupt(tree, file, 0, (deck): undefined => {
      const routes = usersRoutes(deck);
      routes.push(copyOfFirst(routes, 'users-api-v2', edit));
    });
    expect(findings(files)).toEqual([`${file} route users-api-v2: ${message}`]);
  });

  it('lists every header a route lacks, sorted, whichever route sets them first', () => {
    const files = corrupt(tree, file, 0, (deck): undefined => {
      const routes = usersRoutes(deck);
      const both = copyOfFirst(routes, 'users-api-v2', (route) => {
        transformer(route).remove.headers.push('X-Api-Key');
        transformer(route).add.headers.unshift(apiKey);
      });
      const none = copyOfFirst(routes, 'users-api-v3', (route) => {
        route.plugins = (route.plugins ?? []).filter((p) => p.name !== 'request-transformer');
      });
      routes.push(both, none);
    });
    expect(findings(files)).toEqual([
      `${file} route users-api: ${lacks('api-services.users-api', apiKey)}`,
      `${file} route users-api-v3: ${lacks('api-services.users-api', `${apiKey}, ${secret}`)}`,
    ]);
  });

  it('names an unnamed route and service "?"', () => {
    const files = corrupt(tree, file, 0, (deck): undefined => {
      const services = (deck as { services: Doc[] }).services;
      const users = services.find((s) => s.name === 'api-services.users-api');
      if (users === undefined) throw new Error('no users-api service rendered');
      delete users.name;
      const routes = users.routes as Route[];
      routes.push(
        copyOfFirst(routes, '', (route) => {
          delete (route as Partial<Route>).name;
          route.plugins = [];
        }),
      );
    });
    expect(findings(files)).toEqual([`${file} route ?: ${lacks('?', secret)}`]);
  });

  it.each<[string, (routes: unknown[]) => void]>([
    [
      'a second route with a non-string header entry besides the secret',
      (routes) => {
        routes.push(
          copyOfFirst(routes as Route[], 'users-api-v2', (route) => {
            transformer(route).add.headers.push(42);
          }),
        );
      },
    ],
    [
      'an entry that is no route (the schema rules report it)',
      (routes) => {
        routes.push(null);
      },
    ],
  ])('accepts %s', (_name, edit) => {
    const files = corrupt(tree, file, 0, (deck): undefined => {
      edit(usersRoutes(deck));
    });
    expect(findings(files)).toEqual([]);
  });
});
