import { arr, type JsonObject, obj, str } from '../json.js';
import { kongPlugins } from '../kong.js';
import { envRule, type RawFinding, type Rule } from '../rule.js';
import { deckWithTerraform } from '../tree-index.js';
import { resourcesOf } from './terraform-rules.js';

/** The tag render-deck puts on a per-node limit the catalog accepted (`acceptPerNodeLimits`). */
const perNodeAccepted = 'rate-limit-per-node-accepted';
/** Tag of the partial Konnect creates for a managed cache (managed-cache-cp-plugin-setup.md). */
const konnectManaged = 'konnect-managed';
const partialIdAttribute =
  'config.managed_cache_add_on_config_response.state_metadata.cache_config_id';

/** Where a limit counts: rate-limiting's `policy`, rate-limiting-advanced's `strategy` (both default local). */
function counterStore(plugin: JsonObject): string | undefined {
  const name = str(plugin, 'name');
  if (name === 'rate-limiting') return str(plugin, 'config', 'policy') ?? 'local';
  if (name === 'rate-limiting-advanced') return str(plugin, 'config', 'strategy') ?? 'local';
  return undefined;
}

const perNodeRule = envRule(
  'policy/kong-rate-limit-per-node',
  'A rate limit counted on each data-plane node (local) is one the catalog accepted as per-node',
  (env, r) => {
    for (const deck of env.deck) {
      for (const { name, object, plugin } of kongPlugins(deck.doc)) {
        if (counterStore(plugin) !== 'local' || arr(plugin, 'tags').includes(perNodeAccepted))
          continue;
        r.at(
          deck.file,
          object,
          `${name} counts locally, on each data-plane node: with N nodes clients get N times the limit, and under autopilot N moves with traffic, so the effective limit does too. Count in a shared store (kong.managedCache, rendered as rate-limiting-advanced with strategy redis) or accept per-node limits in the catalog (policy: local with acceptPerNodeLimits: true, which tags the plugin ${perNodeAccepted}), but the plugin has neither`,
        );
      }
    }
  },
);

/** The managed-cache add-ons owned by the control plane kong.yaml syncs to, by resource name. */
function addOnsOfControlPlane(tf: unknown, controlPlaneName: string | undefined): string[] {
  const planes = resourcesOf(tf, 'konnect_gateway_control_plane')
    .filter(([, plane]) => str(plane, 'name') === controlPlaneName)
    .map(([name]) => `\${konnect_gateway_control_plane.${name}.id}`);
  return resourcesOf(tf, 'konnect_cloud_gateway_addon')
    .filter(
      ([, addOn]) =>
        obj(addOn, 'config', 'managed_cache') !== undefined &&
        planes.includes(str(addOn, 'owner', 'control_plane', 'control_plane_id') ?? ''),
    )
    .map(([name]) => name);
}

const managedCacheRuleId = 'xlayer/kong-rate-limit-managed-cache';

/**
 * A limit linked to a Redis partial counts in the environment's managed cache: the add-on must be
 * in that environment's Terraform on kong.yaml's control plane, with an output of the partial's
 * id for decK, and decK must look up Konnect's `konnect-managed` partials (the select tags hide
 * them; without the lookup decK refuses the link).
 */
const managedCacheRule: Rule = {
  id: managedCacheRuleId,
  description:
    "Every rate limit linked to a Redis partial counts in a konnect_cloud_gateway_addon managed cache of kong.yaml's control plane in the environment's Terraform, whose partial id Terraform outputs and decK looks up",
  check: (tree) => {
    const out: RawFinding[] = [];
    for (const { file, tf } of deckWithTerraform(tree.files)) {
      const deck = file.documents[0];
      const linked = kongPlugins(deck).filter(
        ({ plugin }) => counterStore(plugin) !== undefined && arr(plugin, 'partials').length > 0,
      );
      if (linked.length === 0) continue;
      const report = (object: string, message: string) =>
        out.push({ rule: managedCacheRuleId, file: file.path, object, message });
      const controlPlane = str(deck, '_konnect', 'control_plane_name');
      const addOns = addOnsOfControlPlane(tf, controlPlane);
      const outputs = Object.values(obj(tf, 'output') ?? {}).map((o) => str(o, 'value'));
      for (const { name, object, plugin } of linked) {
        if (counterStore(plugin) !== 'redis')
          report(
            object,
            `${name} links a Redis partial, so its counters must be in Redis (strategy/policy redis), but ${counterStore(plugin)} was given`,
          );
        if (addOns.length === 0)
          report(
            object,
            `${name} counts in a Redis partial, but the environment's Terraform has no konnect_cloud_gateway_addon with config.managed_cache owned by control plane ${controlPlane ?? '?'}, so Konnect never creates the partial and decK sync fails`,
          );
      }
      const exported = addOns.some((addOn) =>
        outputs.includes(`\${konnect_cloud_gateway_addon.${addOn}.${partialIdAttribute}}`),
      );
      if (addOns.length > 0 && !exported)
        report(
          '-',
          `the environment's Terraform must output ${partialIdAttribute} of its managed cache add-on (the partial id decK links), but no output does`,
        );
      if (!arr(deck, '_info', 'default_lookup_tags', 'partials').includes(konnectManaged))
        report(
          '-',
          `_info.default_lookup_tags.partials must include ${konnectManaged}: Konnect's managed-cache partial carries that tag, not the select tags, so decK would not find the partial the rate limits link`,
        );
    }
    return out;
  },
};

export const rateLimitRules: readonly Rule[] = [perNodeRule];
/** Reads Terraform: proven by rate-limit-rules.test.ts on examples/managed-cache. */
export const managedCacheRules: readonly Rule[] = [managedCacheRule];
