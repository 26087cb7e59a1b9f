import { describe, expect, it } from 'vitest';
import { cleanTree, deckEnv } from '../clean-tree.fixture.js';
import { at, corrupt } from '../corrupt.fixture.js';
import type { TreeFile } from '../finding.js';
import { validateTree } from '../validate-tree.js';

/**
 * Kong's side of the mTLS chain beyond the corruption table: the CA ids it names, the client
 * certificate it presents and the listeners that demand one, with the exact findings.
 */
const kong = 'deck/dev/kong.yaml';
const gateway = 'generated/k8s/dev/gateway/gateway.yaml';
const clientCert = 'generated/k8s/dev/pki/certificate-kong-client.yaml';
const service = (d: unknown) => at(d, 'services', 0);
type Edit = Parameters<typeof corrupt>[3];

function report(files: readonly TreeFile[]): string[] {
  return validateTree({ files, waivers: [] }).map((f) => `${f.rule} ${f.object}: ${f.message}`);
}
const inKong = (edit: Edit) => report(corrupt(cleanTree(), kong, 0, edit));
const onService = (rule: string, message: string, name = 'sample-apps.sample-app-1') =>
  `${rule} KongService/${name}: ${message}`;
const client = 'xlayer/kong-client-certificate';
const literals = `certificate "458e0f94-95c7-5fbe-a73f-5f91648c5bc5" cert and key must be ${deckEnv('DECK_...')} references, never literals`;

describe('Kong trust of the Gateway', () => {
  it.each<[string, Edit, string[]]>([
    [
      'an unnamed service naming an unknown CA id',
      (d) => {
        (d.services as unknown[]).push({
          ...service(d),
          name: undefined,
          routes: [],
          ca_certificates: ['nope'],
        });
      },
      [
        onService(
          'xlayer/kong-trusts-gateway-ca',
          'ca_certificates names "nope", which no ca_certificates entry has as id',
          '?',
        ),
        'schema/deck KongService/?: name must be set',
      ],
    ],
    [
      'a literal client certificate',
      (d) => {
        at(d, 'certificates', 0).cert = 'literal';
      },
      [onService(client, literals)],
    ],
    [
      'a literal client key',
      (d) => {
        at(d, 'certificates', 0).key = 'literal';
      },
      [
        onService(client, literals),
        `policy/no-private-key certificates[0]: key must be a ${deckEnv('DECK_...')} reference, but a literal was given`,
      ],
    ],
    [
      'a client certificate variable no Certificate fills',
      (d) => {
        at(d, 'certificates', 0).cert = deckEnv('DECK_UNKNOWN_CERT');
      },
      [
        onService(
          client,
          'certificate "458e0f94-95c7-5fbe-a73f-5f91648c5bc5" (DECK_UNKNOWN_CERT, DECK_KONG_CLIENT_KEY) is filled from no rendered Certificate (annotations routeplane.dev/deck-env-tls-crt and routeplane.dev/deck-env-tls-key)',
        ),
      ],
    ],
    [
      'a service on a port no listener demands a client certificate on',
      (d) => {
        (d.services as unknown[]).push({
          ...service(d),
          name: 'other',
          routes: [],
          port: 8443,
          client_certificate: undefined,
        });
      },
      [
        onService(
          'xlayer/kong-upstream',
          'port must be a Gateway HTTPS listener port [443], but 8443 was given',
          'other',
        ),
      ],
    ],
  ])('checks %s', (_name, edit, expected) => {
    expect(inKong(edit).sort()).toEqual([...expected].sort());
  });

  it('checks the client key variable against the Certificate that fills it', () => {
    const files = corrupt(cleanTree(), clientCert, 'Certificate', (d) => {
      at(d, 'metadata', 'annotations')['routeplane.dev/deck-env-tls-key'] = 'DECK_OTHER_KEY';
    });
    expect(report(files).filter((f) => f.startsWith(client))).toEqual([
      onService(
        client,
        'certificate "458e0f94-95c7-5fbe-a73f-5f91648c5bc5" (DECK_KONG_CLIENT_CERT, DECK_KONG_CLIENT_KEY) is filled from no rendered Certificate (annotations routeplane.dev/deck-env-tls-crt and routeplane.dev/deck-env-tls-key)',
      ),
    ]);
  });

  it('asks no client certificate where no listener validates clients', () => {
    const withoutValidation = corrupt(cleanTree(), gateway, 'Gateway', (d) => {
      delete at(d, 'spec').tls;
    });
    const files = corrupt(withoutValidation, kong, 0, (d) => {
      delete service(d).client_certificate;
    });
    expect(report(files).filter((f) => f.startsWith(client))).toEqual([]);
  });
});
