import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { shipped, shippedCatalogText } from './testing/bad-catalogs.js';
import { catalogProblems } from './testing/catalog-problems.js';
import { type Expected, expectedProblems } from './testing/expected-problems.js';

/** The naming rules' exact problem lists: messages, key paths, and what they leave alone. */
const shippedData = parseDocument(shippedCatalogText).toJS() as {
  environments: Record<string, unknown>[];
  services: { namespace: string }[];
};
const reserved = 'argocd, default, istio-system, kube-node-lease, kube-public, kube-system';
const demoUser = {
  username: 'demo-user',
  jwtCredentials: [
    { key: 'demo-issuer', algorithm: 'HS256', secretEnv: 'DECK_DEMO_USER_JWT_SECRET' },
  ],
};

describe('naming rules: every problem, where it points', () => {
  it.each<[string, string, readonly Expected[]]>([
    [
      'a variable name that is a random token (no-secrets, at its own key path)',
      shipped(['consumers.0.jwtCredentials.0.secretEnv', 'Zx9!kq2LmP0vR7tYw3Nb']),
      [
        [
          'consumers.0.jwtCredentials.0.secretEnv',
          false,
          'looks like a secret value where the NAME of a DECK_* environment variable is expected',
        ],
        [
          'consumers.0.jwtCredentials.0.secretEnv',
          false,
          'must name a DECK_* environment variable (e.g. DECK_DEMO_USER_JWT_SECRET) that holds the value at sync time, never the value itself, but "Zx9!kq2LmP0vR7tYw3Nb" was given',
        ],
      ],
    ],
    [
      'a reserved backend namespace (reserved-namespaces)',
      shipped(['services.1.namespace', 'kube-system']),
      [
        [
          'services.1.namespace',
          false,
          `"kube-system" is reserved (${reserved}); choose a namespace of your own`,
        ],
      ],
    ],
    [
      'a PKI namespace that is a backend namespace (pki-namespace-apart)',
      shipped(['gateway.pki', { namespace: shippedData.services[1]?.namespace }]),
      [
        [
          'gateway.pki.namespace',
          false,
          `must be a namespace of its own (it holds the CA key), but "${shippedData.services[1]?.namespace}" is also the gateway's or a backend's`,
        ],
      ],
    ],
    [
      'two environments of one name (unique-names)',
      shipped(['environments.1.name', 'dev']),
      [
        [
          'environments.1.name',
          false,
          'environment name "dev" is already used at environments[0].name',
        ],
      ],
    ],
    [
      'two consumers of one username, the second without JWT credentials',
      shipped(['consumers', [demoUser, { username: 'demo-user' }]]),
      [
        [
          'consumers.1.username',
          false,
          'consumer username "demo-user" is already used at consumers[0].username',
        ],
      ],
    ],
    [
      'one JWT credential key on two consumers',
      shipped(['consumers', [demoUser, { ...structuredClone(demoUser), username: 'other-user' }]]),
      [
        [
          'consumers.1.jwtCredentials.0.key',
          false,
          'JWT credential key "demo-issuer" is already used at consumers[0].jwtCredentials[0].key',
        ],
      ],
    ],
    [
      'consumers without JWT credentials',
      shipped(['consumers', [demoUser, { username: 'a-user' }, { username: 'b-user' }]]),
      [],
    ],
  ])('%s', (_name, text, expected) => {
    expect(catalogProblems(text)).toEqual(expectedProblems(text, expected));
  });
});
