import type { CertificateModel, GatewayModel, PkiModel } from '@routeplane/model';
import type { CatalogWithDefaults } from './catalog-with-defaults.generated.js';

/**
 * The gateway PKI of one environment. The CA and Kong's client certificate live in cert-manager's
 * namespace, never in the gateway's: istiod serves any Secret of the gateway namespace to the gateway
 * proxies over SDS, so a CA key there would be one compromised proxy away from minting clients.
 */
export function resolvePki(g: CatalogWithDefaults['gateway'], envName: string): PkiModel {
  const pki = g.pki;
  const namespace = pki.namespace;
  const caName = pki.caName;
  const leafDuration = pki.certificateDuration;
  const leafRenewBefore = pki.certificateRenewBefore;
  const kongClientName = pki.kongClientSecretName;
  const leaf = (
    name: string,
    ns: string,
  ): Pick<CertificateModel, 'name' | 'namespace' | 'secretName' | 'duration' | 'renewBefore'> => ({
    name,
    namespace: ns,
    secretName: name,
    duration: leafDuration,
    renewBefore: leafRenewBefore,
  });
  return {
    namespace,
    selfSignedIssuer: `${caName}-selfsigned`,
    caIssuer: caName,
    ca: {
      name: caName,
      namespace,
      secretName: caName,
      commonName: commonName(`routeplane ${envName} gateway CA`),
      dnsNames: [],
      usages: ['cert sign', 'crl sign', 'digital signature'],
      duration: pki.caDuration,
      renewBefore: pki.caRenewBefore,
    },
    serving: {
      // SAN only: Kong checks the name against dnsNames, and a hostname may exceed a CN's 64 chars.
      ...leaf(g.tlsSecretName, g.namespace),
      dnsNames: [g.hostname],
      usages: ['digital signature', 'server auth'],
    },
    kongClient: {
      ...leaf(kongClientName, namespace),
      commonName: commonName(`kong-${envName}`),
      dnsNames: [],
      usages: ['client auth', 'digital signature'],
    },
  };
}

/** X.509 caps a common name at 64 characters (RFC 5280 ub-common-name); cert-manager enforces it. */
function commonName(text: string): string {
  return text.slice(0, 64);
}

/** `kubectl` reading one key of the Secret cert-manager keeps Kong's client certificate in. */
function secretKeyCommand(pki: PkiModel, key: string): string {
  const escaped = key.replace('.', '\\.');
  return `kubectl -n ${pki.namespace} get secret ${pki.kongClient.secretName} -o jsonpath='{.data.${escaped}}' | base64 -d`;
}

/**
 * Where CI gets each certificate variable: all three from Kong's client Secret, which cert-manager
 * fills with the leaf, its key and `ca.crt` (the CA that also signs the serving certificate). CI
 * needs read access to that one Secret only, never to the CA's.
 */
export function deckEnvSources(
  gateway: GatewayModel,
  tls: {
    readonly caCertificateEnv: string;
    readonly clientCertificateEnv: string;
    readonly clientKeyEnv: string;
  },
  origin: { readonly valueEnv: string; readonly nextValueEnv?: string } | undefined,
): Map<string, string> {
  const sources = new Map<string, string>([
    [tls.caCertificateEnv, secretKeyCommand(gateway.pki, 'ca.crt')],
    [tls.clientCertificateEnv, secretKeyCommand(gateway.pki, 'tls.crt')],
    [tls.clientKeyEnv, secretKeyCommand(gateway.pki, 'tls.key')],
  ]);
  if (origin) {
    sources.set(
      origin.valueEnv,
      'the CloudFront origin secret (CI secret store; equals TF_VAR_cloudfront_origin_secret)',
    );
    if (origin.nextValueEnv !== undefined) {
      sources.set(
        origin.nextValueEnv,
        `the next CloudFront origin secret during a rotation, otherwise the same value as ${origin.valueEnv}`,
      );
    }
  }
  return sources;
}

/** The NLB's DNS name from the Gateway's status (the AWS Load Balancer Controller writes it). */
export function nlbHostSource(gateway: GatewayModel): string {
  return `kubectl -n ${gateway.namespace} get gateway ${gateway.name} -o jsonpath='{.status.addresses[0].value}'`;
}
