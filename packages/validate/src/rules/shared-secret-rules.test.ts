import { join } from 'node:path';
import { loadModel } from '@routeplane/catalog';
import { renderDeck } from '@routeplane/render-deck';
import { repoRoot } from '@routeplane/test-support';
import { describe, expect, it } from 'vitest';
import { corrupt } from '../corrupt.fixture.js';
import type { TreeFile } from '../finding.js';
import { treeFromRendered } from '../rendered-files.js';
import { validateTree } from '../validate-tree.js';

const rule = 'xlayer/kong-backend-secret';
const file = 'deck/dev/kong.yaml';
const tree = treeFromRendered(
  renderDeck(loadModel(join(repoRoot, 'examples/backend-shared-secret/catalog.yaml'))),
);

type Doc = Record<string, unknown>;
type Route = { name: string; plugins?: { name: string; config: Doc }[] };

function findings(files: TreeFile[]): string[] {
  return validateTree({ files, waivers: [] })
    .filter((f) => f.rule === rule)
    .map((f) => `${f.file} ${f.object}: ${f.message}`);
}

/** users-api's routes in the rendered kong.yaml. */
function usersRoutes(deck: unknown): Route[] {
  const services = (deck as { services: { name: string; routes: Route[] }[] }).services;
  return services.find((s) => s.name === 'api-services.users-api')?.routes ?? [];
}

const secret = `X-Backend-Secret:\${{ env "DECK_USERS_API_SHARED_SECRET" }}`;
const message = `service api-services.users-api sends its backend ${secret} through its other routes, but this route does not (its request-transformer must remove the header, then add it from the same DECK_* variable)`;

describe(rule, () => {
  it('passes examples/backend-shared-secret and the shipped catalog', () => {
    expect(findings(tree)).toEqual([]);
    const shipped = treeFromRendered(renderDeck(loadModel(join(repoRoot, 'catalog.yaml'))));
    expect(findings(shipped)).toEqual([]);
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
      const copy = JSON.parse(JSON.stringify(routes[0])) as Route;
      copy.name = 'users-api-v2';
      edit(copy);
      routes.push(copy);
    });
    expect(findings(files)).toEqual([`${file} route users-api-v2: ${message}`]);
  });
});
