import { describe, expect, it } from 'vitest';
import { deckEnv } from '../clean-tree.fixture.js';
import { pemLine } from '../corruption-setup.fixture.js';
import type { TreeFile } from '../finding.js';
import { indexTree } from '../tree-index.js';
import { noPrivateKeyRule } from './no-private-key-rule.js';

/**
 * policy/no-private-key on single documents: where a key hides (path and object named exactly),
 * which Secrets count as TLS Secrets, and what must stay silent (certificates, public values).
 */
const k8s = 'generated/k8s/dev/extra.yaml';
const deck = 'deck/dev/kong.yaml';
const certificate =
  '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----\n';
const privateKey = `${pemLine('BEGIN', 'RSA ')}\nMIIE\n${pemLine('END', 'RSA ')}\n`;
const base64 = (text: string) => Buffer.from(text).toString('base64');
const holds = (path: string) =>
  `${path} holds a private key (PEM or base64 PEM): keys stay in the cluster (cert-manager) or in DECK_* variables`;
const tlsSecret = (keys: string) =>
  `a TLS Secret (${keys}) must not be rendered: cert-manager issues it in the cluster`;

function findings(path: string, ...documents: unknown[]): string[] {
  const files: TreeFile[] = [{ path, documents }];
  return noPrivateKeyRule.check(indexTree(files)).map((f) => `${f.file} ${f.object}: ${f.message}`);
}

const configMap = (metadata: Record<string, unknown>, data: Record<string, unknown>) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata,
  data,
});
const secret = (type: string, data: Record<string, string>) => ({
  apiVersion: 'v1',
  kind: 'Secret',
  type,
  metadata: { name: 's', namespace: 'apps' },
  data,
});

describe('policy/no-private-key', () => {
  it.each<[string, string, unknown, string[]]>([
    [
      'a PEM key in a namespaced object (null leaves are skipped)',
      k8s,
      {
        ...configMap({ name: 'cfg', namespace: 'apps', creationTimestamp: null }, {}),
        data: { server: privateKey, port: 8443 },
      },
      [`${k8s} ConfigMap/apps/cfg: ${holds('data.server')}`],
    ],
    [
      'a key in a list of a cluster-scoped object',
      k8s,
      { kind: 'ClusterIssuer', metadata: { name: 'ca' }, spec: { keys: ['x', privateKey] } },
      [`${k8s} ClusterIssuer/ca: ${holds('spec.keys[1]')}`],
    ],
    [
      'a key in an object without a name',
      k8s,
      configMap({ namespace: 'apps' }, { server: privateKey }),
      [`${k8s} ConfigMap/apps/: ${holds('data.server')}`],
    ],
    ['a document that is the key itself', k8s, privateKey, [`${k8s} -: ${holds('(value)')}`]],
    [
      'a base64 PEM certificate (public, not a key)',
      k8s,
      configMap({ name: 'ca', namespace: 'apps' }, { 'ca.crt': base64(certificate) }),
      [],
    ],
    [
      'a ConfigMap naming a private registry (not a Secret)',
      k8s,
      configMap({ name: 'cfg', namespace: 'apps' }, { 'private-registry': 'registry.example.com' }),
      [],
    ],
    [
      'a kubernetes.io/tls Secret, even without its key',
      k8s,
      secret('kubernetes.io/tls', { 'tls.crt': '' }),
      [`${k8s} Secret/apps/s: ${tlsSecret('[]')}`],
    ],
    [
      'an Opaque Secret with a key entry',
      k8s,
      secret('Opaque', { key: '', 'tls.key': '', 'private-token': '', 'key.pem': '' }),
      [`${k8s} Secret/apps/s: ${tlsSecret('["key","tls.key","private-token"]')}`],
    ],
    [
      'an Opaque Secret without key entries',
      k8s,
      secret('Opaque', { 'keycloak-url': '', password: '' }),
      [],
    ],
    [
      'a literal decK client key (a document without kind)',
      deck,
      { certificates: [{ cert: deckEnv('DECK_CERT'), key: privateKey }] },
      [
        `${deck} -: ${holds('certificates[0].key')}`,
        `${deck} certificates[0]: key must be a ${deckEnv('DECK_...')} reference, but a literal was given`,
      ],
    ],
    [
      'decK certificates given by reference or without a key',
      deck,
      {
        certificates: [
          { cert: deckEnv('DECK_CERT'), key: deckEnv('DECK_KEY') },
          { cert: deckEnv('DECK_CERT') },
        ],
      },
      [],
    ],
    [
      'a certificates list outside decK files (not a decK client certificate)',
      k8s,
      { kind: 'ConfigMap', metadata: { name: 'c' }, certificates: [{ key: 'tls.key' }] },
      [],
    ],
  ])('reports %s', (_name, path, document, expected) => {
    expect(findings(path, document)).toEqual(expected);
  });
});
