import { fixtureEnvironment } from '@routeplane/catalog/testing';
import { crdFileValidator, formatSchemaErrors, haveSharedSchemas } from '@routeplane/test-support';
import { describe, expect, it } from 'vitest';
import { caObjects, kongClientCertificateObjects, servingCertificateObjects } from './pki.js';

const env = fixtureEnvironment();
const objects = [
  ...caObjects(env.gateway),
  ...servingCertificateObjects(env.gateway),
  ...kongClientCertificateObjects(env.gateway, env.kong),
];
const byName = (kind: string, name: string) =>
  objects.find((o) => o.kind === kind && (o.metadata as { name: string }).name === name);

const crdFiles: Readonly<Record<string, string>> = {
  Certificate: 'cert-manager-v1.21.1/cert-manager.io_certificates.yaml',
  ClusterIssuer: 'cert-manager-v1.21.1/cert-manager.io_clusterissuers.yaml',
};

describe('gateway PKI objects', () => {
  it('chain the serving and Kong client certificates to one CA ClusterIssuer backed by the root', () => {
    const { pki } = env.gateway;
    expect(objects.map((o) => `${o.kind}/${(o.metadata as { name: string }).name}`)).toEqual([
      `ClusterIssuer/${pki.selfSignedIssuer}`,
      `Certificate/${pki.ca.name}`,
      `ClusterIssuer/${pki.caIssuer}`,
      `Certificate/${pki.serving.name}`,
      `Certificate/${pki.kongClient.name}`,
    ]);
    expect(byName('ClusterIssuer', pki.caIssuer)?.spec).toEqual({
      ca: { secretName: pki.ca.secretName },
    });
    expect(byName('Certificate', pki.ca.name)).toMatchObject({
      metadata: { namespace: 'cert-manager' },
      spec: {
        isCA: true,
        issuerRef: { kind: 'ClusterIssuer', name: pki.selfSignedIssuer },
        privateKey: { rotationPolicy: 'Never' },
      },
    });
    for (const leaf of [pki.serving, pki.kongClient]) {
      expect(byName('Certificate', leaf.name)).toMatchObject({
        metadata: { namespace: leaf.namespace },
        spec: {
          issuerRef: { group: 'cert-manager.io', kind: 'ClusterIssuer', name: pki.caIssuer },
          privateKey: { algorithm: 'ECDSA', rotationPolicy: 'Always' },
          duration: '2160h',
          renewBefore: '720h',
        },
      });
    }
    expect(byName('Certificate', pki.serving.name)).toMatchObject({
      metadata: { namespace: env.gateway.namespace },
      spec: {
        secretName: env.gateway.tlsSecretName,
        dnsNames: [env.gateway.hostname],
        usages: ['digital signature', 'server auth'],
      },
    });
  });

  it('name on Kong client certificate the DECK_ variables CI fills from its Secret', () => {
    const client = byName('Certificate', env.gateway.pki.kongClient.name);
    expect(
      (client?.metadata as { annotations?: Record<string, string> } | undefined)?.annotations,
    ).toEqual({
      'argocd.argoproj.io/sync-wave': '2',
      'routeplane.dev/deck-env-ca-crt': 'DECK_GATEWAY_CA_CERT',
      'routeplane.dev/deck-env-tls-crt': 'DECK_KONG_CLIENT_CERT',
      'routeplane.dev/deck-env-tls-key': 'DECK_KONG_CLIENT_KEY',
    });
    expect(JSON.stringify(objects)).not.toMatch(/PRIVATE KEY|BEGIN CERTIFICATE/);
  });
});

describe.runIf(haveSharedSchemas())('cert-manager v1.21.1 CRD schemas (strict)', () => {
  it.each(objects.map((o) => [`${o.kind}/${(o.metadata as { name: string }).name}`, o] as const))(
    'accept %s',
    (_, object) => {
      expect(object.apiVersion).toBe('cert-manager.io/v1');
      const validate = crdFileValidator(crdFiles[object.kind as string] ?? '', 'v1');
      expect(validate(object), formatSchemaErrors(validate.errors).join('; ')).toBe(true);
    },
  );

  it('reject a Certificate with an unknown field (the strict check is live)', () => {
    const validate = crdFileValidator(crdFiles.Certificate ?? '', 'v1');
    const cert = byName('Certificate', env.gateway.pki.serving.name) ?? {};
    expect(validate({ ...cert, spec: { ...(cert.spec as object), bogus: true } })).toBe(false);
    expect(validate({ ...cert, spec: { ...(cert.spec as object), usages: ['server'] } })).toBe(
      false,
    );
  });
});
