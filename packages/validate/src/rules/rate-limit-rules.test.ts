import { join } from 'node:path';
import { loadModel } from '@routeplane/catalog';
import { renderDeck } from '@routeplane/render-deck';
import { renderInfra } from '@routeplane/render-terraform';
import { repoRoot } from '@routeplane/test-support';
import { describe, expect, it } from 'vitest';
import { at, corrupt } from '../corrupt.fixture.js';
import { ruleFindings } from '../example-tree.fixture.js';
import type { TreeFile } from '../finding.js';
import { treeFromRendered } from '../rendered-files.js';

const rule = 'xlayer/kong-rate-limit-managed-cache';
const model = loadModel(join(repoRoot, 'examples/managed-cache/catalog.yaml'));
const tree = treeFromRendered([...renderDeck(model), ...renderInfra(model)]);
const tf = 'generated/terraform/dev/main.tf.json';
const kong = 'deck/dev/kong.yaml';

type Doc = Record<string, unknown>;

const findings = (files: TreeFile[], ruleId = rule): string[] => ruleFindings(ruleId, files);

const noAddOn = `${kong} route users-api: rate-limiting-advanced counts in a Redis partial, but the environment's Terraform has no konnect_cloud_gateway_addon with config.managed_cache owned by control plane kong-cloud-gw-dev, so Konnect never creates the partial and decK sync fails`;
/** users-api's plugins, wherever its service sits in kong.yaml. */
function usersApiPlugins(deck: unknown): Doc[] {
  const routes = (at(deck).services as Doc[]).flatMap((s) => (s.routes ?? []) as Doc[]);
  return (routes.find((r) => r.name === 'users-api')?.plugins ?? []) as Doc[];
}
/** users-api's rate-limiting-advanced plugin. */
function usersApi(deck: unknown): Doc {
  const plugin = usersApiPlugins(deck).find((p) => p.name === 'rate-limiting-advanced');
  if (!plugin) throw new Error('users-api has no rate-limiting-advanced');
  return plugin;
}

/** Hands the managed cache add-on to the control plane resource `plane`. */
function ownAddOnBy(tf: unknown, plane: string): void {
  const owner = at(tf, 'resource', 'konnect_cloud_gateway_addon', 'managed_cache', 'owner');
  at(owner, 'control_plane').control_plane_id = `\${konnect_gateway_control_plane.${plane}.id}`;
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
        ownAddOnBy(doc, 'other');
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
    [
      'an add-on of another control plane the Terraform declares',
      tf,
      (doc) => {
        const planes = at(doc, 'resource', 'konnect_gateway_control_plane');
        planes.other = { ...at(planes, 'control_plane'), name: 'kong-cloud-gw-other' };
        ownAddOnBy(doc, 'other');
      },
      noAddOn,
    ],
    [
      'an add-on that is no managed cache',
      tf,
      (doc) => {
        delete at(doc, 'resource', 'konnect_cloud_gateway_addon', 'managed_cache', 'config')
          .managed_cache;
      },
      noAddOn,
    ],
    [
      'a kong.yaml without _konnect.control_plane_name',
      kong,
      (doc) => {
        delete at(doc)._konnect;
      },
      noAddOn.replace('control plane kong-cloud-gw-dev', 'control plane ?'),
    ],
  ])('flags %s', (_name, file, edit, expected) => {
    const broken = corrupt(tree, file, 0, (doc) => {
      edit(doc);
      return undefined;
    });
    expect(findings(broken)).toEqual([expected]);
  });

  it.each<[string, string, (doc: unknown) => void]>([
    [
      'a Redis partial on a plugin that is no rate limit',
      kong,
      (doc) => {
        usersApiPlugins(doc).push({
          name: 'proxy-cache-advanced',
          config: { strategy: 'redis' },
          partials: [{ id: 'a1b2c3d4-0000-4000-8000-000000000000', path: 'config.redis' }],
        });
      },
    ],
    [
      'a second managed cache add-on beside the exported one',
      tf,
      (doc) => {
        const addOns = at(doc, 'resource', 'konnect_cloud_gateway_addon');
        addOns.managed_cache_second = { ...at(addOns, 'managed_cache') };
      },
    ],
  ])('accepts %s', (_name, file, edit) => {
    const edited = corrupt(tree, file, 0, (doc) => {
      edit(doc);
      return undefined;
    });
    expect(findings(edited)).toEqual([]);
  });
});

const perNode = 'policy/kong-rate-limit-per-node';
const countsLocally = (name: string) =>
  `${kong} route users-api: ${name} counts locally, on each data-plane node: with N nodes clients get N times the limit, and under autopilot N moves with traffic, so the effective limit does too. Count in a shared store (kong.managedCache, rendered as rate-limiting-advanced with strategy redis) or accept per-node limits in the catalog (policy: local with acceptPerNodeLimits: true, which tags the plugin rate-limit-per-node-accepted), but the plugin has neither`;
/** users-api's limit without the managed cache: no partial, `store` set as `key` or left out. */
const unlinked = (name: string, key: string, store?: string) => (deck: Doc) => {
  const plugin = usersApi(deck);
  plugin.name = name;
  delete plugin.partials;
  const config = at(plugin, 'config');
  delete config.strategy;
  if (store !== undefined) config[key] = store;
};

describe(perNode, () => {
  it('passes examples/managed-cache, whose limit counts in Redis', () => {
    expect(findings(tree, perNode)).toEqual([]);
  });

  it.each<[string, (deck: Doc) => void, string[]]>([
    [
      'rate-limiting-advanced without strategy (default local)',
      unlinked('rate-limiting-advanced', 'strategy'),
      [countsLocally('rate-limiting-advanced')],
    ],
    [
      'rate-limiting without policy (default local)',
      unlinked('rate-limiting', 'policy'),
      [countsLocally('rate-limiting')],
    ],
    [
      'rate-limiting with policy local',
      unlinked('rate-limiting', 'policy', 'local'),
      [countsLocally('rate-limiting')],
    ],
    ['rate-limiting with policy redis', unlinked('rate-limiting', 'policy', 'redis'), []],
    [
      'a local limit the catalog accepted (tagged rate-limit-per-node-accepted)',
      (deck) => {
        unlinked('rate-limiting-advanced', 'strategy', 'local')(deck);
        usersApi(deck).tags = ['routeplane', 'rate-limit-per-node-accepted'];
      },
      [],
    ],
  ])('%s', (_name, edit, expected) => {
    const edited = corrupt(tree, kong, 0, (doc) => {
      edit(doc);
      return undefined;
    });
    expect(findings(edited, perNode)).toEqual(expected);
  });
});
