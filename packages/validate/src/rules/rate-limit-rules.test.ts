import { join } from 'node:path';
import { loadModel } from '@routeplane/catalog';
import { renderDeck } from '@routeplane/render-deck';
import { renderInfra } from '@routeplane/render-terraform';
import { repoRoot } from '@routeplane/test-support';
import { describe, expect, it } from 'vitest';
import { at, corrupt } from '../corrupt.fixture.js';
import type { TreeFile } from '../finding.js';
import { treeFromRendered } from '../rendered-files.js';
import { validateTree } from '../validate-tree.js';

const rule = 'xlayer/kong-rate-limit-managed-cache';
const model = loadModel(join(repoRoot, 'examples/managed-cache/catalog.yaml'));
const tree = treeFromRendered([...renderDeck(model), ...renderInfra(model)]);
const tf = 'generated/terraform/dev/main.tf.json';
const kong = 'deck/dev/kong.yaml';

type Doc = Record<string, unknown>;

function findings(files: TreeFile[]): string[] {
  return validateTree({ files, waivers: [] })
    .filter((f) => f.rule === rule)
    .map((f) => `${f.file} ${f.object}: ${f.message}`);
}

const noAddOn = `${kong} route users-api: rate-limiting-advanced counts in a Redis partial, but the environment's Terraform has no konnect_cloud_gateway_addon with config.managed_cache owned by control plane kong-cloud-gw-dev, so Konnect never creates the partial and decK sync fails`;
/** users-api's rate-limiting-advanced plugin, wherever its service sits in kong.yaml. */
function usersApi(deck: unknown): Doc {
  const routes = (at(deck).services as Doc[]).flatMap((s) => (s.routes ?? []) as Doc[]);
  const plugins = (routes.find((r) => r.name === 'users-api')?.plugins ?? []) as Doc[];
  const plugin = plugins.find((p) => p.name === 'rate-limiting-advanced');
  if (!plugin) throw new Error('users-api has no rate-limiting-advanced');
  return plugin;
}

describe(rule, () => {
  // The whole rendered tree passing validate is apps/cli's examples.test.ts.
  it('passes examples/managed-cache', () => {
    expect(findings(tree)).toEqual([]);
  });

  it.each<[string, string, (doc: unknown) => void, string]>([
    [
      'no add-on in Terraform',
      tf,
      (doc) => {
        delete at(doc, 'resource').konnect_cloud_gateway_addon;
      },
      noAddOn,
    ],
    [
      'an add-on of another control plane',
      tf,
      (doc) => {
        at(
          doc,
          'resource',
          'konnect_cloud_gateway_addon',
          'managed_cache',
          'owner',
          'control_plane',
        ).control_plane_id = `\${konnect_gateway_control_plane.other.id}`;
      },
      noAddOn,
    ],
    [
      'no output of the partial id',
      tf,
      (doc) => {
        delete at(doc, 'output').managed_cache_partial_id;
      },
      `${kong} -: the environment's Terraform must output config.managed_cache_add_on_config_response.state_metadata.cache_config_id of its managed cache add-on (the partial id decK links), but no output does`,
    ],
    [
      'no konnect-managed lookup tag',
      kong,
      (doc) => {
        delete at(doc, '_info').default_lookup_tags;
      },
      `${kong} -: _info.default_lookup_tags.partials must include konnect-managed: Konnect's managed-cache partial carries that tag, not the select tags, so decK would not find the partial the rate limits link`,
    ],
    [
      'a linked limit counted locally',
      kong,
      (doc) => {
        at(usersApi(doc), 'config').strategy = 'local';
      },
      `${kong} route users-api: rate-limiting-advanced links a Redis partial, so its counters must be in Redis (strategy/policy redis), but local was given`,
    ],
  ])('flags %s', (_name, file, edit, expected) => {
    const broken = corrupt(tree, file, 0, (doc) => {
      edit(doc);
      return undefined;
    });
    expect(findings(broken)).toEqual([expected]);
  });
});
