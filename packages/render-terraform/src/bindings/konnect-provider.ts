import { TerraformProvider } from 'cdktn';
import type { Construct } from 'constructs';
import { konnectProvider } from './provider-versions.js';

export interface KonnectProviderConfig {
  /**
   * Regional API (`https://<geo>.api.konghq.com`) for control planes; the provider sends cloud
   * gateway calls to the global API itself. The token comes from `KONNECT_TOKEN` (PAT) or
   * `KONNECT_SPAT` (system account): never rendered.
   */
  readonly server_url: string;
}

/** `provider "konnect"` (kong/konnect). */
export class KonnectProvider extends TerraformProvider {
  readonly #config: KonnectProviderConfig;

  constructor(scope: Construct, id: string, config: KonnectProviderConfig) {
    super(scope, id, {
      terraformResourceType: 'konnect',
      terraformGeneratorMetadata: {
        providerName: 'konnect',
        providerVersion: konnectProvider.version,
      },
      terraformProviderSource: konnectProvider.source,
    });
    this.#config = config;
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return { server_url: this.#config.server_url };
  }
}
