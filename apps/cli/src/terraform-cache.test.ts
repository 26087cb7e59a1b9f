import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureModel } from '@routeplane/catalog/testing';
import { renderInfra } from '@routeplane/render-terraform';
import { describe, expect, it } from 'vitest';
import { terraformRenderer } from './terraform-cache.js';

describe('the Terraform cache of the bundle', () => {
  const model = fixtureModel();
  const cache = {
    buildId: 'build-1',
    cacheDir: join(mkdtempSync(join(tmpdir(), 'rp-cache-')), 'c'),
  };

  it('renders and stores on a miss, then serves the same files without cdktn', async () => {
    const first = await terraformRenderer(model, { cache });
    expect(first.name).toBe('terraform');
    const rendered = first.render(model);
    expect(rendered).toEqual(renderInfra(model));
    expect(readdirSync(cache.cacheDir)).toHaveLength(model.environments.length);
    const second = await terraformRenderer(model, { cache });
    expect(second.name).toBe('terraform (cached)');
    expect(second.render(model)).toEqual(rendered);
  });

  it('re-renders only an environment whose Model changed', async () => {
    const [dev, prod] = model.environments;
    if (!dev || !prod) throw new Error('fixture has dev and prod');
    const changedProd = { ...prod, aws: { ...prod.aws, transitGatewayAsn: 64999 } };
    const edited = { ...model, environments: [dev, changedProd] };
    const renderer = await terraformRenderer(edited, { cache });
    expect(renderer.name).toBe('terraform');
    expect(renderer.render(edited)).toEqual(renderInfra(edited));
    expect(readdirSync(cache.cacheDir)).toHaveLength(3);
  });

  it('never serves another build', async () => {
    const other = await terraformRenderer(model, { cache: { ...cache, buildId: 'build-2' } });
    expect(other.name).toBe('terraform');
  });

  it('renders without a cache from sources', async () => {
    const plain = await terraformRenderer(model, { cache: undefined });
    expect(plain.name).toBe('terraform');
  });
});
