import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadModelFromBytes } from './load-model.js';
import { CatalogError, formatProblem } from './problems.js';
import { shipped } from './testing/bad-catalogs.js';

const dir = mkdtempSync(join(tmpdir(), 'routeplane-custom-plugin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const goodHandler =
  'local H = { PRIORITY = 900, VERSION = "1.0.0" }\nfunction H:access(conf)\n  kong.service.request.set_header(conf.header, "1")\nend\nreturn H\n';
const goodSchema =
  'return { name = "tenant-header", fields = { { config = { type = "record", fields = { { header = { type = "string", default = "X-Tenant" } } } } } } }\n';

function plugin(name: string, handler: string, schema: string): void {
  mkdirSync(join(dir, name), { recursive: true });
  writeFileSync(join(dir, name, 'handler.lua'), handler);
  writeFileSync(join(dir, name, 'schema.lua'), schema);
}
plugin('good', goodHandler, goodSchema);
plugin('worker', 'local H = {}\nfunction H:init_worker() end\nreturn H\n', goodSchema);
plugin('timer', goodHandler, 'ngx.timer.at(0, print)\nreturn {}\n');
plugin('broken', 'local H = {\nreturn H\n', goodSchema);
writeFileSync(join(dir, 'good', 'latin1.lua'), new Uint8Array([0x2d, 0x2d, 0xe9, 0x0a]));

const catalog = (files: string, handler = 'handler.lua') =>
  shipped(
    [
      'kong.customPlugins',
      [{ name: 'tenant-header', handler: `${files}/${handler}`, schema: `${files}/schema.lua` }],
    ],
    ['routes.1.plugins', { custom: ['tenant-header'] }],
  );

const load = (text: string) =>
  loadModelFromBytes(new TextEncoder().encode(text), { displayName: 'catalog.yaml', baseDir: dir });

function problems(text: string): string[] {
  try {
    load(text);
  } catch (error) {
    if (error instanceof CatalogError) return error.problems.map(formatProblem);
    throw error;
  }
  return [];
}

describe('kong.customPlugins files', () => {
  it('carries the Lua of each plugin and the routes using it into every environment', () => {
    const model = load(catalog('good'));
    for (const env of model.environments) {
      expect(env.kong.customPlugins).toEqual([
        { name: 'tenant-header', handler: goodHandler, schema: goodSchema },
      ]);
      expect(env.routes.find((r) => r.name === 'app1')?.plugins.custom).toEqual(['tenant-header']);
    }
  });

  it('leaves the model without custom plugins when the catalog declares none', () => {
    const model = load(shipped());
    expect(model.environments.every((e) => e.kong.customPlugins === undefined)).toBe(true);
  });

  it.each([
    [
      'an init_worker phase',
      catalog('worker'),
      'customPlugins[0].handler: worker/handler.lua line 2 must not define an init_worker phase',
    ],
    [
      'an ngx.timer',
      catalog('timer'),
      'customPlugins[0].schema: timer/schema.lua line 1 must not use ngx.timer',
    ],
    [
      'a syntax error',
      catalog('broken'),
      'customPlugins[0].handler: broken/handler.lua line 2 is not Lua',
    ],
    [
      'a missing file',
      catalog('absent'),
      'customPlugins[0].handler: absent/handler.lua does not exist',
    ],
    [
      'a file that is not UTF-8',
      catalog('good', 'latin1.lua'),
      'customPlugins[0].handler: good/latin1.lua is not UTF-8',
    ],
    ['a directory', catalog('good', '.'), 'customPlugins[0].handler: good/. cannot be read'],
  ])('refuses a plugin with %s, naming the file and the line', (_name, text, expected) => {
    const found = problems(text);
    expect(
      found.some((p) => p.includes(expected)),
      found.join('\n'),
    ).toBe(true);
  });
});
