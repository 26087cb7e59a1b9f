import type { Cluster, LiveObject } from './cluster.js';
import { groupOf, type K8sObject, nameOf } from './k8s-object.js';

/**
 * cert-manager v1.21.1 as the bring-up needs it, each behaviour reduced to when it happens (files
 * cited from github.com/cert-manager/cert-manager at v1.21.1):
 * - the chart's three Deployments (controller, webhook, cainjector) are found by their
 *   `app.kubernetes.io/component` label; ClusterIssuers read their Secrets from the controller's
 *   `--cluster-resource-namespace` (pkg/issuer/issuer.go ResourceNamespace);
 * - admission: the chart's Validating/MutatingWebhookConfiguration `webhook.cert-manager.io`
 *   (failurePolicy Fail, groups cert-manager.io and acme.cert-manager.io) refuses every such object
 *   while the webhook is not available, and while cainjector has not injected the webhook's CA into
 *   the configurations (the API server then cannot verify the webhook's serving certificate);
 * - a ClusterIssuer gets a status once the controller has synced it (`delays.issuerSync` after both
 *   exist): SelfSigned is Ready at once (pkg/issuer/selfsigned/setup.go); CA is Ready ("Signing CA
 *   verified") only while its Secret exists, else Ready False "Error getting keypair for CA issuer:
 *   ..." (pkg/issuer/ca/setup.go);
 * - a Certificate whose Secret does not exist is Issuing=True and Ready=False, both "Issuing
 *   certificate as Secret does not exist" (internal/controller/certificates/policies/checks.go
 *   SecretDoesNotExist, pkg/controller/certificates/trigger and readiness); its CertificateRequest
 *   waits while the issuer is not Ready ("Referenced issuer does not have a Ready status condition",
 *   pkg/controller/certificaterequests/sync.go), so the Certificate stays Issuing; once the issuer is
 *   Ready the Secret is written `delays.issue` later (pkg/controller/certificates/issuing), and the
 *   Certificate turns Ready=True "Certificate is up to date and has not expired"
 *   (pkg/controller/certificates/readiness/readiness_controller.go).
 * Not modelled: renewal, ACME, Issuers (namespaced), a changed spec re-issuing, key material (the
 * Secret carries the key names only).
 */

export const certManagerDelays = { issuerSync: 1, issue: 3 } as const;

interface Condition {
  readonly type: string;
  readonly status: 'True' | 'False';
  readonly reason: string;
  readonly message: string;
}

/** The status the controller has written, and since when it holds. */
interface Status {
  readonly since: number;
  readonly conditions: readonly Condition[];
}

const certManagerGroups = new Set(['cert-manager.io', 'acme.cert-manager.io']);
const webhookName = 'webhook.cert-manager.io';

function deployment(cluster: Cluster, component: string): LiveObject | undefined {
  return cluster
    .list()
    .find(
      (l) =>
        l.object.kind === 'Deployment' &&
        l.object.metadata.labels?.['app.kubernetes.io/instance'] !== undefined &&
        l.object.metadata.labels?.['app.kubernetes.io/component'] === component &&
        l.object.metadata.labels?.['app.kubernetes.io/name'] ===
          (component === 'controller' ? 'cert-manager' : component),
    );
}

function availableSince(cluster: Cluster, component: string): number | undefined {
  const live = deployment(cluster, component);
  return live ? cluster.readySince(live) : undefined;
}

/** The controller's `--cluster-resource-namespace` (chart default: the release namespace). */
function clusterResourceNamespace(controller: LiveObject): string | undefined {
  const pod = controller.object.spec as {
    template?: { spec?: { containers?: readonly { args?: readonly string[] }[] } };
  };
  const args = pod.template?.spec?.containers?.flatMap((c) => c.args ?? []) ?? [];
  const flag = args.find((a) => a.startsWith('--cluster-resource-namespace='));
  return flag?.split('=')[1] ?? controller.object.metadata.namespace;
}

/** Why the API server refuses a cert-manager object now, if it does. */
export function certManagerAdmissionRefusal(
  cluster: Cluster,
  object: K8sObject,
): string | undefined {
  if (!certManagerGroups.has(groupOf(object.apiVersion))) return undefined;
  const configured = cluster
    .list()
    .some(
      (l) =>
        l.object.kind === 'ValidatingWebhookConfiguration' &&
        ((l.object.webhooks ?? []) as readonly { name?: string; failurePolicy?: string }[]).some(
          (w) => w.name === webhookName && w.failurePolicy === 'Fail',
        ),
    );
  if (!configured) return undefined;
  const webhook = deployment(cluster, 'webhook');
  if (!webhook || cluster.readySince(webhook) === undefined) {
    const service = webhook?.object.metadata.name ?? 'cert-manager-webhook';
    return `Internal error occurred: failed calling webhook "${webhookName}": failed to call webhook: no endpoints available for service "${service}"`;
  }
  if (availableSince(cluster, 'cainjector') === undefined) {
    return `Internal error occurred: failed calling webhook "${webhookName}": failed to call webhook: tls: failed to verify certificate: x509: certificate signed by unknown authority`;
  }
  return undefined;
}

function condition(type: string, ok: boolean, reason: string, message: string): Condition {
  return { type, status: ok ? 'True' : 'False', reason, message };
}

/** A ClusterIssuer's status, or undefined before the controller synced it. */
export function clusterIssuerStatus(cluster: Cluster, issuer: LiveObject): Status | undefined {
  const controller = deployment(cluster, 'controller');
  const controllerSince = controller ? cluster.readySince(controller) : undefined;
  if (!controller || controllerSince === undefined) return undefined;
  const synced = Math.max(controllerSince, issuer.changedAt) + certManagerDelays.issuerSync;
  if (cluster.now < synced) return undefined;
  const spec = issuer.object.spec as { selfSigned?: object; ca?: { secretName: string } };
  if (spec.selfSigned) {
    return { since: synced, conditions: [condition('Ready', true, 'IsReady', '')] };
  }
  if (spec.ca) {
    const ns = clusterResourceNamespace(controller);
    const secret = cluster.find('', 'Secret', ns, spec.ca.secretName);
    if (!secret) {
      const message = `Error getting keypair for CA issuer: secret "${spec.ca.secretName}" not found`;
      return { since: synced, conditions: [condition('Ready', false, 'ErrGetKeyPair', message)] };
    }
    return {
      since: Math.max(synced, secret.createdAt),
      conditions: [condition('Ready', true, 'KeyPairVerified', 'Signing CA verified')],
    };
  }
  return undefined;
}

interface CertificateSpec {
  readonly secretName: string;
  readonly issuerRef: { readonly name: string; readonly kind?: string };
}

/** Since when the Certificate's issuer is Ready, or undefined (not Ready, or not a ClusterIssuer). */
function issuerReadySince(cluster: Cluster, spec: CertificateSpec): number | undefined {
  if (spec.issuerRef.kind !== 'ClusterIssuer') return undefined;
  const issuer = cluster.find('cert-manager.io', 'ClusterIssuer', undefined, spec.issuerRef.name);
  const status = issuer ? clusterIssuerStatus(cluster, issuer) : undefined;
  const ready = status?.conditions.some((c) => c.type === 'Ready' && c.status === 'True');
  return ready ? status?.since : undefined;
}

function issuedSecret(cluster: Cluster, certificate: LiveObject): LiveObject | undefined {
  const spec = certificate.object.spec as CertificateSpec;
  const secret = cluster.find('', 'Secret', certificate.object.metadata.namespace, spec.secretName);
  const annotations = secret?.object.metadata.annotations ?? {};
  return annotations['cert-manager.io/certificate-name'] === certificate.object.metadata.name
    ? secret
    : undefined;
}

/** A Certificate's status, or undefined before the controller runs. */
export function certificateStatus(cluster: Cluster, certificate: LiveObject): Status | undefined {
  if (availableSince(cluster, 'controller') === undefined) return undefined;
  const secret = issuedSecret(cluster, certificate);
  if (secret) {
    const message = 'Certificate is up to date and has not expired';
    return { since: secret.createdAt, conditions: [condition('Ready', true, 'Ready', message)] };
  }
  const message = 'Issuing certificate as Secret does not exist';
  return {
    since: certificate.changedAt,
    conditions: [
      condition('Issuing', true, 'DoesNotExist', message),
      condition('Ready', false, 'DoesNotExist', message),
    ],
  };
}

/** When cert-manager writes a Certificate's Secret, or undefined while it cannot. */
function issueAt(cluster: Cluster, certificate: LiveObject): number | undefined {
  const controllerSince = availableSince(cluster, 'controller');
  const issuerSince = issuerReadySince(cluster, certificate.object.spec as CertificateSpec);
  if (controllerSince === undefined || issuerSince === undefined) return undefined;
  if (issuedSecret(cluster, certificate)) return undefined;
  return Math.max(controllerSince, issuerSince, certificate.changedAt) + certManagerDelays.issue;
}

function certificates(cluster: Cluster): LiveObject[] {
  return cluster
    .list()
    .filter(
      (l) => l.object.kind === 'Certificate' && groupOf(l.object.apiVersion) === 'cert-manager.io',
    );
}

/** The issuing controller's pass: writes every Secret that is due. Returns what it wrote. */
export function issueDueCertificates(cluster: Cluster): string[] {
  const wrote: string[] = [];
  for (const certificate of certificates(cluster)) {
    const at = issueAt(cluster, certificate);
    if (at === undefined || cluster.now < at) continue;
    const spec = certificate.object.spec as CertificateSpec & { isCA?: boolean };
    const secret: K8sObject = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {
        name: spec.secretName,
        namespace: certificate.object.metadata.namespace ?? '',
        annotations: {
          'cert-manager.io/certificate-name': certificate.object.metadata.name,
          'cert-manager.io/issuer-kind': spec.issuerRef.kind ?? 'Issuer',
          'cert-manager.io/issuer-name': spec.issuerRef.name,
        },
      },
      type: 'kubernetes.io/tls',
      // Key names only: the simulator never holds key material.
      data: { 'ca.crt': '', 'tls.crt': '', 'tls.key': '' },
    };
    cluster.create(secret);
    wrote.push(`issued ${nameOf(secret)} for Certificate ${certificate.object.metadata.name}`);
  }
  return wrote;
}

/** Moments at which cert-manager will act without any other change. */
export function certManagerWakeTimes(cluster: Cluster): number[] {
  const times = certificates(cluster).flatMap((c) => {
    const at = issueAt(cluster, c);
    return at === undefined ? [] : [at];
  });
  for (const l of cluster.list()) {
    if (l.object.kind === 'ClusterIssuer') times.push(l.changedAt + certManagerDelays.issuerSync);
  }
  const controller = availableSince(cluster, 'controller');
  if (controller !== undefined) times.push(controller + certManagerDelays.issuerSync);
  return times;
}
