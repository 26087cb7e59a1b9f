import { type TerraformMetaArguments, TerraformResource } from 'cdktn';
import type { Construct } from 'constructs';

/** Arguments of the built-in `terraform_data` resource (Terraform >= 1.4). */
export interface TerraformDataArgs {
  /** Stored in state and reflected in `output`. */
  readonly input?: Readonly<Record<string, unknown>>;
}

/**
 * `resource "terraform_data"`, bound by hand. cdktn's own DataResource registers a validation that
 * runs `terraform version` during synthesis, so `routeplane generate` would fail on any machine
 * without a terraform binary (the rendered JSON already pins `required_version >= 1.10`, which
 * covers terraform_data's 1.4).
 */
export class TerraformData extends TerraformResource {
  readonly #args: TerraformDataArgs;

  constructor(scope: Construct, id: string, args: TerraformDataArgs, meta: TerraformMetaArguments) {
    super(scope, id, {
      ...meta,
      terraformResourceType: 'terraform_data',
      terraformGeneratorMetadata: { providerName: 'terraform' },
    });
    this.#args = args;
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return this.#args.input === undefined ? {} : { input: this.#args.input };
  }
}
