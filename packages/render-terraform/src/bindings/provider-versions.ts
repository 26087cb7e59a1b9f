/**
 * Exact versions of the providers bound by hand in this folder. Pinned exactly (not `~>`) so a
 * `terraform init` months later resolves the schema these bindings were written against.
 */
export const helmProvider = { source: 'hashicorp/helm', version: '3.1.2' } as const;
export const konnectProvider = { source: 'kong/konnect', version: '3.19.0' } as const;
/** Generates the Kong data plane's client key and certificate (ecsFargate only). */
export const tlsProvider = { source: 'hashicorp/tls', version: '4.1.0' } as const;
