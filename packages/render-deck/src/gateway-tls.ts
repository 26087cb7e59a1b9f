import type { KongCaCertificate, KongCertificate } from '@routeplane/deck-types';
import type { EnvironmentModel } from '@routeplane/model';
import { deckEnvRef } from '@routeplane/model';
import { v5 as uuidv5 } from 'uuid';

type WithId = { readonly id: string };

/** Namespace for name-based UUIDs of routeplane's decK entities (fixed forever: ids must not move). */
const routeplaneNamespace = 'a7d3c1e2-5b4f-4c8e-9a61-2f0e7b9d4c35';

/**
 * Ids derive from the environment and the PKI names, never from the PEM: cert-manager renews the
 * certificates, and a renewal must update the same Kong entity in place (decK diffs by id) rather
 * than create a new one and leave services pointing at the old.
 */
function entityId(kind: string, env: EnvironmentModel, name: string): string {
  return uuidv5(`${kind}:${env.name}/${env.gateway.pki.namespace}/${name}`, routeplaneNamespace);
}

/**
 * The gateway CA Kong verifies the listener certificate with: `ca.crt` of the Secret cert-manager
 * issues Kong's client certificate into, i.e. the CA that also signs the serving certificate.
 * decK substitutes the PEM at sync time (`routeplane deck-env` says where to read it).
 */
export function gatewayCaCertificate(
  env: EnvironmentModel,
  tags: readonly string[],
): KongCaCertificate & WithId {
  return {
    id: entityId('ca-certificate', env, env.gateway.pki.ca.name),
    cert: deckEnvRef(env.kong.upstream.caCertificateEnv),
    tags: [...tags],
  };
}

/** The client certificate Kong presents to the gateway; certificate and key come from DECK_* variables. */
export function kongClientCertificate(
  env: EnvironmentModel,
  tags: readonly string[],
): KongCertificate & WithId {
  return {
    id: entityId('certificate', env, env.gateway.pki.kongClient.name),
    cert: deckEnvRef(env.kong.upstream.clientCertificateEnv),
    key: deckEnvRef(env.kong.upstream.clientKeyEnv),
    tags: [...tags],
  };
}
