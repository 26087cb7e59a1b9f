import { type TerraformMetaArguments, TerraformResource } from 'cdktn';
import type { Construct } from 'constructs';

/** Provider a hand-written binding belongs to: its `required_providers` entry. */
export interface BoundProvider {
  readonly name: string;
  readonly version: string;
}

/**
 * Construct config of a hand-written binding: type, provider pin, meta-arguments. A data source
 * without arguments passes it straight to cdktn's `TerraformDataSource`, whose attributes are empty.
 */
export function bindingConfig(type: string, provider: BoundProvider, meta: TerraformMetaArguments) {
  return {
    ...meta,
    terraformResourceType: type,
    terraformGeneratorMetadata: { providerName: provider.name, providerVersion: provider.version },
  };
}

/**
 * Base of the hand-written resource bindings. `A` is the resource's argument object written with
 * the provider's documented (snake_case) attribute names, so what the type checker sees is exactly
 * what lands in the Terraform JSON.
 */
export abstract class TypedResource<A extends object> extends TerraformResource {
  readonly #attributes: A;

  protected constructor(
    scope: Construct,
    id: string,
    type: string,
    provider: BoundProvider,
    attributes: A,
    meta: TerraformMetaArguments = {},
  ) {
    super(scope, id, bindingConfig(type, provider, meta));
    this.#attributes = attributes;
  }

  /** The computed `id` every resource has. */
  get id(): string {
    return this.getStringAttribute('id');
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return { ...this.#attributes } as Record<string, unknown>;
  }
}
