import { obj, str } from '../json.js';
import { kongPlugins } from '../kong.js';
import type { RawFinding, Rule } from '../rule.js';
import { deckWithTerraform } from '../tree-index.js';

const ruleId = 'xlayer/kong-custom-plugin-uploaded';

/** The plugins of Kong's own bundle that routeplane renders; any other name is a custom plugin. */
const bundled = new Set([
  'cors',
  'jwt',
  'pre-function',
  'rate-limiting',
  'rate-limiting-advanced',
  'request-transformer',
]);

/**
 * decK enables a custom plugin by name only; Konnect refuses the name unless the control plane
 * knows the plugin, which is what the environment's `konnect_gateway_custom_plugin_streaming`
 * uploads (Terraform runs before deck-sync).
 */
export const customPluginRules: readonly Rule[] = [
  {
    id: ruleId,
    description:
      "Every plugin in kong.yaml that Kong does not bundle is uploaded by the environment's Terraform (konnect_gateway_custom_plugin_streaming), which runs before decK sync",
    check: (tree) => {
      const out: RawFinding[] = [];
      for (const { file, tf } of deckWithTerraform(tree.files)) {
        // `str` reads no name from a non-object body, and every plugin name is a string.
        const uploaded = new Set(
          Object.values(obj(tf, 'resource', 'konnect_gateway_custom_plugin_streaming') ?? {}).map(
            (u) => str(u, 'name'),
          ),
        );
        for (const plugin of kongPlugins(file.documents[0])) {
          if (bundled.has(plugin.name) || uploaded.has(plugin.name)) continue;
          out.push({
            rule: ruleId,
            file: file.path,
            object: plugin.object,
            message: `enables plugin ${plugin.name}, which Kong does not bundle, but the environment's Terraform uploads no konnect_gateway_custom_plugin_streaming named ${plugin.name}, so decK sync would fail`,
          });
        }
      }
      return out;
    },
  },
];
