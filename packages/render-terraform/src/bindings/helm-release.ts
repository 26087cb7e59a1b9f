import type { TerraformMetaArguments } from 'cdktn';
import type { Construct } from 'constructs';
import { helmProvider } from './provider-versions.js';
import { TypedResource } from './typed-resource.js';

/** Arguments of `helm_release` (hashicorp/helm 3.x) used by routeplane. */
export interface HelmReleaseArgs {
  readonly name: string;
  readonly repository: string;
  readonly chart: string;
  /** Exact chart version: never float to the latest chart. */
  readonly version: string;
  readonly namespace: string;
  readonly create_namespace?: boolean;
  /** Values documents (YAML or JSON text), merged in order. */
  readonly values: readonly string[];
  readonly atomic?: boolean;
  readonly cleanup_on_fail?: boolean;
  readonly wait?: boolean;
  readonly timeout?: number;
}

/** `resource "helm_release"`. */
export class HelmRelease extends TypedResource<HelmReleaseArgs> {
  constructor(scope: Construct, id: string, args: HelmReleaseArgs, meta?: TerraformMetaArguments) {
    super(scope, id, 'helm_release', { name: 'helm', ...helmProvider }, args, meta);
  }
}
