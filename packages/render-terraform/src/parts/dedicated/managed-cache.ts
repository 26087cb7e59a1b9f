import { TerraformOutput } from 'cdktn';
import { KonnectCloudGatewayAddon } from '../../bindings/konnect-addon.js';
import type {
  KonnectCloudGatewayConfiguration,
  KonnectGatewayControlPlane,
} from '../../bindings/konnect-resources.js';
import type { StackContext } from '../context.js';

/**
 * The environment's Konnect managed cache (`kong.managedCache`), owned by its control plane; Konnect
 * then creates the `redis-ee` partial the rate limits link to. It waits for the data-plane
 * configuration: a cache made before any data plane shows ready but serves nothing until one exists
 * (developer.konghq.com dedicated-cloud-gateways/managed-cache.md, "Data plane required").
 */
export function addManagedCache(
  ctx: StackContext,
  controlPlane: KonnectGatewayControlPlane,
  configuration: KonnectCloudGatewayConfiguration,
): KonnectCloudGatewayAddon | undefined {
  const { stack, env, konnect: provider } = ctx;
  const cache = env.kong.managedCache;
  if (cache === undefined) return undefined;
  const addOn = new KonnectCloudGatewayAddon(
    stack,
    'managed_cache',
    {
      name: cache.addOnName,
      owner: {
        control_plane: {
          control_plane_id: controlPlane.id,
          control_plane_geo: env.kong.konnectRegion,
        },
      },
      config: {
        managed_cache: {
          capacity_config: { tiered: { tier: cache.tier } },
        },
      },
    },
    { provider, dependsOn: [configuration] },
  );
  // Empty until the add-on is ready (about 15 minutes after create): read it after a later apply
  // or `terraform refresh`.
  new TerraformOutput(stack, 'managed_cache_partial_id', {
    value: addOn.partialId,
    description: `Value of ${cache.partialIdEnv} for decK: the managed cache's Redis partial`,
  });
  return addOn;
}
