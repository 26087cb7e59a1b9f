import { describe, expect, it } from 'vitest';
import { CatalogError } from '../problems.js';
import { fixtureEnvironment, fixtureModel } from './index.js';

describe('fixtureModel', () => {
  it('resolves dev and prod, prod with its overrides', () => {
    const model = fixtureModel();
    expect(model.environments.map((e) => e.name)).toEqual(['dev', 'prod']);
    const prod = fixtureEnvironment(undefined, 'prod');
    expect(prod.gateway.replicas).toBe(3);
    expect(prod.kong.upstream.host).toEqual({
      kind: 'literal',
      value: 'gateway.prod.internal.example.com',
    });
  });

  it('applies an edit to that Model only', () => {
    const edited = fixtureEnvironment((c) => {
      c.gateway.replicas = 4;
    });
    expect(edited.gateway.replicas).toBe(4);
    expect(fixtureEnvironment().gateway.replicas).toBe(2);
  });

  it('derives the gateway PKI and the DECK_ certificate variables from schema defaults', () => {
    const env = fixtureEnvironment();
    expect(env.gateway.pki).toMatchObject({
      namespace: 'cert-manager',
      selfSignedIssuer: 'routeplane-gateway-ca-selfsigned',
      caIssuer: 'routeplane-gateway-ca',
      ca: { name: 'routeplane-gateway-ca', namespace: 'cert-manager', duration: '87600h' },
      serving: {
        name: env.gateway.tlsSecretName,
        namespace: env.gateway.namespace,
        dnsNames: [env.gateway.hostname],
        duration: '2160h',
        renewBefore: '720h',
      },
      kongClient: {
        name: 'kong-gateway-client',
        namespace: 'cert-manager',
        commonName: 'kong-dev',
      },
    });
    expect(env.versions.certManager).toBe('v1.21.1');
    expect(env.kong.upstream).toMatchObject({
      caCertificateEnv: 'DECK_GATEWAY_CA_CERT',
      clientCertificateEnv: 'DECK_KONG_CLIENT_CERT',
      clientKeyEnv: 'DECK_KONG_CLIENT_KEY',
      tlsVerifyDepth: 1,
    });
    expect(env.kong.requiredEnv).toEqual(Object.keys(env.kong.envSources));
    expect(env.kong.envSources.DECK_KONG_CLIENT_KEY).toBe(
      "kubectl -n cert-manager get secret kong-gateway-client -o jsonpath='{.data.tls\\.key}' | base64 -d",
    );
  });

  it('keeps common names within the 64 characters X.509 allows; the serving certificate uses SANs only', () => {
    const name = `e${'x'.repeat(61)}`;
    const env = fixtureModel((c) => {
      c.environments[0].name = name;
    }).environments.find((e) => e.name === name);
    expect(env?.gateway.pki.ca.commonName).toBe(`routeplane ${name} gateway CA`.slice(0, 64));
    expect(env?.gateway.pki.kongClient.commonName).toHaveLength(64);
    expect(env?.gateway.pki.serving.commonName).toBeUndefined();
  });

  it('takes PKI names and lifetimes from the catalog when given', () => {
    const env = fixtureEnvironment((c) => {
      c.gateway.pki = {
        namespace: 'pki',
        caName: 'corp-ca',
        certificateDuration: '720h',
        certificateRenewBefore: '240h',
      };
    });
    expect(env.gateway.pki.ca).toMatchObject({ name: 'corp-ca', namespace: 'pki' });
    expect(env.gateway.pki.serving).toMatchObject({ duration: '720h', renewBefore: '240h' });
    expect(env.kong.envSources.DECK_GATEWAY_CA_CERT).toContain(
      'kubectl -n pki get secret kong-gateway-client',
    );
  });

  it('refuses an edit the loader refuses, with the loader error', () => {
    expect(() =>
      fixtureModel((c) => {
        c.gateway.replicas = 1;
      }),
    ).toThrow(CatalogError);
  });
});
