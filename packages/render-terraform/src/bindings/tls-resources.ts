/**
 * `provider "tls"` and the two resources that mint the ECS Fargate data plane's client certificate
 * (hashicorp/tls 4.x, attribute names of its documentation). The key exists in Terraform state
 * (encrypted S3) and in Secrets Manager, nowhere in the rendered files.
 */
import { type TerraformMetaArguments, TerraformProvider } from 'cdktn';
import type { Construct } from 'constructs';
import { tlsProvider } from './provider-versions.js';
import { type BoundProvider, TypedResource } from './typed-resource.js';

const tls: BoundProvider = { name: 'tls', version: tlsProvider.version };

/** `provider "tls"`: no configuration. */
export class TlsProvider extends TerraformProvider {
  constructor(scope: Construct, id: string) {
    super(scope, id, {
      terraformResourceType: 'tls',
      terraformGeneratorMetadata: { providerName: 'tls', providerVersion: tlsProvider.version },
      terraformProviderSource: tlsProvider.source,
    });
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return {};
  }
}

export interface TlsPrivateKeyArgs {
  readonly algorithm: 'RSA' | 'ECDSA' | 'ED25519';
  readonly ecdsa_curve?: 'P224' | 'P256' | 'P384' | 'P521';
  readonly rsa_bits?: number;
}

/** `resource "tls_private_key"`. */
export class TlsPrivateKey extends TypedResource<TlsPrivateKeyArgs> {
  constructor(
    scope: Construct,
    id: string,
    args: TlsPrivateKeyArgs,
    meta?: TerraformMetaArguments,
  ) {
    super(scope, id, 'tls_private_key', tls, args, meta);
  }

  /** PEM (PKCS#8 for ECDSA) of the key: a reference, resolved only in state. */
  get privateKeyPem(): string {
    return this.getStringAttribute('private_key_pem');
  }
}

export interface TlsSelfSignedCertArgs {
  readonly private_key_pem: string;
  readonly subject: { readonly common_name: string; readonly organization?: string };
  readonly validity_period_hours: number;
  /** Renew (replace) this many hours before expiry on the next apply. */
  readonly early_renewal_hours?: number;
  readonly allowed_uses: readonly string[];
}

/** `resource "tls_self_signed_cert"`. */
export class TlsSelfSignedCert extends TypedResource<TlsSelfSignedCertArgs> {
  constructor(
    scope: Construct,
    id: string,
    args: TlsSelfSignedCertArgs,
    meta?: TerraformMetaArguments,
  ) {
    super(scope, id, 'tls_self_signed_cert', tls, args, meta);
  }

  get certPem(): string {
    return this.getStringAttribute('cert_pem');
  }
}
