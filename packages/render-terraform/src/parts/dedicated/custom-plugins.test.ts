import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureEnvironment } from '@routeplane/catalog/testing';
import { repoRoot } from '@routeplane/test-support';
import { afterAll, describe, expect, it } from 'vitest';
import { ref, resources, synth } from '../../terraform-json.fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'routeplane-custom-plugin-tf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Lua with Terraform's template markers inside strings: they must reach Konnect unchanged. */
const templated = ['local H = { PRIORITY = 1 }', 'local s = "$' + '{x} %{y}"', 'return H', ''].join(
  '\n',
);
writeFileSync(join(dir, 'handler.lua'), templated);
const example = join(repoRoot, 'examples/custom-plugin/plugins/tenant-header');

type Plugin = { name: string; handler: string; schema: string };

function synthWith(plugins: [Plugin, ...Plugin[]]) {
  return synth(
    fixtureEnvironment((c) => {
      c.kong.customPlugins = plugins;
    }),
  );
}

describe('custom plugins streamed from the control plane', () => {
  it('uploads each plugin to the environment control plane', () => {
    const tf = synthWith([
      {
        name: 'tenant-header',
        handler: join(example, 'handler.lua'),
        schema: join(example, 'schema.lua'),
      },
      { name: 'templated', handler: join(dir, 'handler.lua'), schema: join(example, 'schema.lua') },
    ]);
    const uploads = resources(tf, 'konnect_gateway_custom_plugin_streaming');
    expect(Object.keys(uploads)).toEqual([
      'custom_plugin_templated',
      'custom_plugin_tenant_header',
    ]);
    expect(uploads.custom_plugin_tenant_header).toMatchObject({
      provider: 'konnect',
      control_plane_id: ref('konnect_gateway_control_plane.control_plane.id'),
      name: 'tenant-header',
    });
    expect(String(uploads.custom_plugin_tenant_header?.handler)).toContain(
      'function TenantHeader:access(conf)',
    );
    expect(String(uploads.custom_plugin_tenant_header?.schema)).toContain('name = "tenant-header"');
    expect(uploads.custom_plugin_templated?.handler).toBe(
      ['local H = { PRIORITY = 1 }', 'local s = "$$' + '{x} %%{y}"', 'return H', ''].join('\n'),
    );
  });

  it('uploads nothing when the catalog declares no custom plugin', () => {
    expect(
      resources(synth(fixtureEnvironment()), 'konnect_gateway_custom_plugin_streaming'),
    ).toEqual({});
  });
});
