import { TerraformProvider } from 'cdktn';
import type { Construct } from 'constructs';
import { helmProvider } from './provider-versions.js';

/** `exec` credential plugin of the helm provider's `kubernetes` attribute (helm provider 3.x). */
export interface HelmKubernetesExec {
  readonly api_version: string;
  readonly command: string;
  readonly args: readonly string[];
}

/** The `kubernetes` attribute of `provider "helm"` (3.x: an object attribute, not a block). */
export interface HelmKubernetesConfig {
  readonly host: string;
  readonly cluster_ca_certificate: string;
  readonly exec: HelmKubernetesExec;
}

export interface HelmProviderConfig {
  readonly kubernetes: HelmKubernetesConfig;
}

/** `provider "helm"` (hashicorp/helm). No kubeconfig file: credentials come from `exec`. */
export class HelmProvider extends TerraformProvider {
  readonly #config: HelmProviderConfig;

  constructor(scope: Construct, id: string, config: HelmProviderConfig) {
    super(scope, id, {
      terraformResourceType: 'helm',
      terraformGeneratorMetadata: { providerName: 'helm', providerVersion: helmProvider.version },
      terraformProviderSource: helmProvider.source,
    });
    this.#config = config;
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return { kubernetes: this.#config.kubernetes };
  }
}
