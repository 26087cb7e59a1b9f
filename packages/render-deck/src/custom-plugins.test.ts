import { join } from 'node:path';
import { fixtureModel } from '@routeplane/catalog/testing';
import { repoRoot } from '@routeplane/test-support';
import { describe, expect, it } from 'vitest';
import { describeOfficialDeckSchema } from './deck-schema.fixture.js';
import { renderDeck, renderKongFile } from './render-deck.js';

const example = join(repoRoot, 'examples/custom-plugin/plugins/tenant-header');

/** The fixture with tenant-header declared and enabled on users-api beside its own plugins. */
const model = fixtureModel((c) => {
  c.kong.customPlugins = [
    {
      name: 'tenant-header',
      handler: join(example, 'handler.lua'),
      schema: join(example, 'schema.lua'),
    },
  ];
  const users = c.routes.find((r) => r.name === 'users-api');
  if (users) users.plugins = { ...users.plugins, custom: ['tenant-header'] };
});

describe('routes[].plugins.custom in kong.yaml', () => {
  const dev = model.environments.find((e) => e.name === 'dev');
  if (dev === undefined) throw new Error('no dev environment');
  const routes = (renderKongFile(dev).services ?? []).flatMap((s) => s.routes ?? []);

  it('enables the plugin by name with the schema.lua defaults, sorted among the route plugins', () => {
    const plugins = routes.find((r) => r.name === 'users-api')?.plugins ?? [];
    expect(plugins.find((p) => p.name === 'tenant-header')).toEqual({
      name: 'tenant-header',
      tags: ['routeplane'],
    });
    const names = plugins.map((p) => p.name);
    expect(names.length).toBeGreaterThan(1);
    expect(names).toEqual([...names].sort());
  });

  it('leaves the routes that do not name it alone', () => {
    const elsewhere = routes.filter((r) => r.plugins?.some((p) => p.name === 'tenant-header'));
    expect(elsewhere.map((r) => r.name)).toEqual(['users-api']);
  });
});

describeOfficialDeckSchema('a custom plugin against the official decK schema', renderDeck(model));
