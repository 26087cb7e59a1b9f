import {
  type KonnectGatewayControlPlane,
  KonnectGatewayCustomPluginStreaming,
} from '../../bindings/konnect-resources.js';
import { terraformLiteral } from '../../teardown/shell-script.js';
import type { StackContext } from '../context.js';

/**
 * Uploads `kong.customPlugins` to the control plane, which streams them to its data planes. The
 * deck-sync job runs after Terraform, so a route's plugin exists on the control plane before decK
 * enables it (decK refuses a plugin name the control plane does not know).
 */
export function addCustomPlugins(
  ctx: StackContext,
  controlPlane: KonnectGatewayControlPlane,
): KonnectGatewayCustomPluginStreaming[] {
  const { stack, env, konnect: provider } = ctx;
  return (env.kong.customPlugins ?? []).map(
    (plugin) =>
      new KonnectGatewayCustomPluginStreaming(
        stack,
        `custom_plugin_${plugin.name.replaceAll('-', '_')}`,
        {
          control_plane_id: controlPlane.id,
          name: plugin.name,
          // Lua may hold `${` or `%{`, which Terraform would read as templates.
          handler: terraformLiteral(plugin.handler),
          schema: terraformLiteral(plugin.schema),
        },
        { provider },
      ),
  );
}
