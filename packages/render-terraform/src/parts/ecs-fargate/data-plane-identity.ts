import { SecretsmanagerSecret } from '@cdktn/provider-aws/lib/secretsmanager-secret/index.js';
import { SecretsmanagerSecretVersion } from '@cdktn/provider-aws/lib/secretsmanager-secret-version/index.js';
import type { EcsFargateModel } from '@routeplane/model';
import {
  KonnectGatewayControlPlane,
  KonnectGatewayDataPlaneClientCertificate,
} from '../../bindings/konnect-resources.js';
import { TlsPrivateKey, TlsProvider, TlsSelfSignedCert } from '../../bindings/tls-resources.js';
import type { StackContext } from '../context.js';

/** Three years; replaced 30 days before expiry by the next apply. */
const validityHours = 3 * 365 * 24;
const earlyRenewalHours = 30 * 24;

export interface DataPlaneIdentity {
  readonly controlPlane: KonnectGatewayControlPlane;
  /** PEM of the certificate (public: a plain task environment value). */
  readonly certPem: string;
  /** Secrets Manager secret holding the private key PEM. */
  readonly keySecret: SecretsmanagerSecret;
}

/**
 * A hybrid control plane and the data planes' identity: an ECDSA key and a self-signed
 * certificate pinned to the control plane (`pinned_client_certs`). The key goes to Secrets
 * Manager only; the task reads it through ECS `secrets`.
 */
export function addDataPlaneIdentity(ctx: StackContext, ecs: EcsFargateModel): DataPlaneIdentity {
  const { stack, env, konnect: provider } = ctx;
  const controlPlane = new KonnectGatewayControlPlane(
    stack,
    'control_plane',
    {
      name: env.kong.controlPlaneName,
      description: `routeplane ${env.name}: Kong data planes on ECS Fargate in front of ${env.aws.cluster.name}`,
      cluster_type: 'CLUSTER_TYPE_CONTROL_PLANE',
      cloud_gateway: false,
      auth_type: 'pinned_client_certs',
      labels: { 'routeplane-environment': env.name },
    },
    { provider },
  );
  const tls = new TlsProvider(stack, 'tls');
  const key = new TlsPrivateKey(
    stack,
    'data_plane_key',
    { algorithm: 'ECDSA', ecdsa_curve: 'P384' },
    { provider: tls },
  );
  const cert = new TlsSelfSignedCert(
    stack,
    'data_plane_cert',
    {
      private_key_pem: key.privateKeyPem,
      subject: { common_name: `${ecs.name}.${env.name}.data-plane` },
      validity_period_hours: validityHours,
      early_renewal_hours: earlyRenewalHours,
      allowed_uses: ['digital_signature', 'client_auth'],
    },
    { provider: tls },
  );
  new KonnectGatewayDataPlaneClientCertificate(
    stack,
    'data_plane_client_certificate',
    { cert: cert.certPem, control_plane_id: controlPlane.id, title: ecs.name },
    { provider },
  );
  const keySecret = new SecretsmanagerSecret(stack, 'data_plane_key_secret', {
    name: `${ecs.name}/cluster-cert-key`,
    description: `Private key of the Kong data planes of ${env.name} (KONG_CLUSTER_CERT_KEY)`,
    recoveryWindowInDays: 7,
  });
  new SecretsmanagerSecretVersion(stack, 'data_plane_key_secret_value', {
    secretId: keySecret.id,
    secretString: key.privateKeyPem,
  });
  return { controlPlane, certPem: cert.certPem, keySecret };
}
