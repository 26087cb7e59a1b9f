import type { ManagedCacheModel } from '@routeplane/model';
import type { TerraformMetaArguments } from 'cdktn';
import type { Construct } from 'constructs';
import { konnect } from './konnect-resources.js';
import { TypedResource } from './typed-resource.js';

/**
 * Managed cache capacity tiers: the provider's `tier` values (docs/resources/cloud_gateway_addon.md
 * at v3.19.0, micro to 24xlarge) are exactly the catalog schema's `managedCache.tier` enum.
 */
export type KonnectManagedCacheTier = ManagedCacheModel['tier'];

export interface KonnectCloudGatewayAddonArgs {
  /** Unique in the organisation; requires replacement if changed. */
  readonly name: string;
  /** The control-plane owner variant (a control plane group is the other). */
  readonly owner: {
    readonly control_plane: {
      readonly control_plane_id: string;
      readonly control_plane_geo: string;
    };
  };
  readonly config: {
    readonly managed_cache: {
      readonly capacity_config: { readonly tiered: { readonly tier: KonnectManagedCacheTier } };
    };
  };
}

/**
 * `resource "konnect_cloud_gateway_addon"` (docs/resources/cloud_gateway_addon.md at v3.19.0:
 * `name`, `owner`, `config` required; `config.managed_cache.capacity_config.tiered.tier`): a
 * Konnect-managed Redis for the owner's Dedicated Cloud Gateway data planes. Create returns without
 * waiting for `state` ready (internal/provider/cloudgatewayaddon_resource.go).
 */
export class KonnectCloudGatewayAddon extends TypedResource<KonnectCloudGatewayAddonArgs> {
  constructor(
    scope: Construct,
    id: string,
    args: KonnectCloudGatewayAddonArgs,
    meta?: TerraformMetaArguments,
  ) {
    super(scope, id, 'konnect_cloud_gateway_addon', konnect, args, meta);
  }

  /**
   * Id of the `redis-ee` partial Konnect creates for the add-on once it is ready (read-only
   * `config.managed_cache_add_on_config_response.state_metadata.cache_config_id`; empty before).
   */
  get partialId(): string {
    return this.getStringAttribute(
      'config.managed_cache_add_on_config_response.state_metadata.cache_config_id',
    );
  }
}
