import { haveSharedCrds } from '@routeplane/test-support';
import { describe, expect, it } from 'vitest';
import { cleanTree } from '../clean-tree.fixture.js';
import { at, corrupt } from '../corrupt.fixture.js';
import type { TreeFile } from '../finding.js';
import { validateTree } from '../validate-tree.js';
import { crdFindings, sharedCatalog } from './api-server.fixture.js';
import { shortRule } from './cel-check.js';
import type { StructuralSchema } from './structural-schema.js';

type Doc = Record<string, unknown>;
const k8s = 'generated/k8s/dev';
const gateway = `${k8s}/gateway/gateway.yaml`;
const route = `${k8s}/routes/httproute-app1.yaml`;
const backend = `${k8s}/backends/sample-apps/sample-app-1.yaml`;
const namespacePolicies = `${k8s}/backends/sample-apps/_namespace-policies.yaml`;
const tree = cleanTree();

interface Case {
  readonly family: 'Gateway' | 'HTTPRoute' | 'AuthorizationPolicy' | 'PeerAuthentication';
  readonly name: string;
  readonly files: TreeFile[];
  /** The rule's own message, which the finding must carry. */
  readonly message: string;
}

const docIndex = {
  Gateway: 'Gateway',
  HTTPRoute: 'HTTPRoute',
  AuthorizationPolicy: 'AuthorizationPolicy',
  PeerAuthentication: 'PeerAuthentication',
};
const fileOf = {
  Gateway: gateway,
  HTTPRoute: route,
  AuthorizationPolicy: backend,
  PeerAuthentication: namespacePolicies,
};

function make(
  family: Case['family'],
  name: string,
  message: string,
  edit: (spec: Doc) => void,
): Case {
  const files = corrupt(tree, fileOf[family], docIndex[family], (d) => {
    edit(at(d, 'spec'));
  });
  return { family, name, files, message };
}

/** A valid extra listener with `extra` merged in; an `undefined` value removes the field. */
const listener = (extra: Doc): Doc =>
  Object.fromEntries(
    Object.entries({
      name: 'extra',
      port: 8443,
      protocol: 'HTTPS',
      hostname: 'other.internal.example.com',
      tls: { mode: 'Terminate', certificateRefs: [{ kind: 'Secret', name: 'tls' }] },
      ...extra,
    }).filter(([, v]) => v !== undefined),
  );
const addListener = (extra: Doc) => (spec: Doc) => {
  (spec.listeners as Doc[]).push(listener(extra));
};

const gatewayCases: Case[] = [
  make('Gateway', 'duplicate Hostname addresses', 'Hostname values must be unique', (s) => {
    s.addresses = [
      { type: 'Hostname', value: 'a.example.com' },
      { type: 'Hostname', value: 'a.example.com' },
    ];
  }),
  make('Gateway', 'duplicate IPAddress addresses', 'IPAddress values must be unique', (s) => {
    s.addresses = [
      { type: 'IPAddress', value: '10.0.0.1' },
      { type: 'IPAddress', value: '10.0.0.1' },
    ];
  }),
  make(
    'Gateway',
    'a Hostname address with bad characters',
    'Hostname value must be empty or contain only valid characters',
    (s) => {
      s.addresses = [{ type: 'Hostname', value: 'Bad_Host' }];
    },
  ),
  make(
    'Gateway',
    'an annotation key that is not a qualified name',
    'Annotation keys must be in the form',
    (s) => {
      at(s, 'infrastructure').annotations = { 'bad key!': 'x' };
    },
  ),
  make(
    'Gateway',
    'an annotation key prefix over 253 characters',
    "the annotation key's prefix must be a DNS subdomain",
    (s) => {
      at(s, 'infrastructure').annotations = { [`${'a'.repeat(254)}/x`]: 'y' };
    },
  ),
  make(
    'Gateway',
    'a label key that is not a qualified name',
    'Label keys must be in the form',
    (s) => {
      at(s, 'infrastructure').labels = { 'bad key!': 'x' };
    },
  ),
  make(
    'Gateway',
    'a label key prefix over 253 characters',
    "the label key's prefix must be a DNS subdomain",
    (s) => {
      at(s, 'infrastructure').labels = { [`${'a'.repeat(254)}/x`]: 'y' };
    },
  ),
  make(
    'Gateway',
    'two listeners on one port, protocol and hostname',
    'Combination of port, protocol and hostname must be unique',
    addListener({ port: 443, hostname: 'gateway.internal.example.com' }),
  ),
  make(
    'Gateway',
    'two listeners of one name',
    'Listener name must be unique',
    addListener({ name: 'https' }),
  ),
  make(
    'Gateway',
    'a TCP listener with a hostname',
    "hostname must not be specified for protocols ['TCP', 'UDP']",
    addListener({ protocol: 'TCP', tls: undefined }),
  ),
  make(
    'Gateway',
    'an HTTPS listener in Passthrough mode',
    'tls mode must be Terminate for protocol HTTPS',
    addListener({ tls: { mode: 'Passthrough' } }),
  ),
  make(
    'Gateway',
    'a TLS listener without tls',
    'tls mode must be set for protocol TLS',
    addListener({ protocol: 'TLS', tls: undefined }),
  ),
  make(
    'Gateway',
    'an HTTP listener with tls',
    "tls must not be specified for protocols ['HTTP', 'TCP', 'UDP']",
    addListener({ protocol: 'HTTP', port: 80 }),
  ),
  make(
    'Gateway',
    'Terminate without certificates or options',
    'certificateRefs or options must be specified when mode is Terminate',
    addListener({ tls: { mode: 'Terminate' } }),
  ),
  make(
    'Gateway',
    'two per-port TLS settings for one port',
    'Port for TLS configuration must be unique within the Gateway',
    (s) => {
      const validation = { caCertificateRefs: [{ group: '', kind: 'ConfigMap', name: 'ca' }] };
      s.tls = {
        frontend: {
          default: { validation },
          perPort: [
            { port: 443, tls: { validation } },
            { port: 443, tls: { validation } },
          ],
        },
      };
    },
  ),
];

/** A valid payload for each HTTPRoute filter type, keyed by the filter's field name. */
const filterPayload: Readonly<Record<string, readonly [string, Doc]>> = {
  requestHeaderModifier: ['RequestHeaderModifier', { set: [{ name: 'x-a', value: 'b' }] }],
  responseHeaderModifier: ['ResponseHeaderModifier', { set: [{ name: 'x-a', value: 'b' }] }],
  requestMirror: ['RequestMirror', { backendRef: { name: 'mirror', port: 80 } }],
  requestRedirect: ['RequestRedirect', { scheme: 'https' }],
  urlRewrite: ['URLRewrite', { hostname: 'x.example.com' }],
  cors: ['CORS', { allowOrigins: ['https://a.example.com'] }],
  extensionRef: ['ExtensionRef', { group: 'example.com', kind: 'Filter', name: 'f' }],
};

function filter(field: string, override: Doc = {}): Doc {
  const [type, payload] = filterPayload[field] ?? ['', {}];
  return { type, [field]: { ...payload, ...override } };
}

/** Where an HTTPRoute carries filters: on the rule, and on a backendRef. */
const filterSites = [
  {
    site: 'rule',
    set: (s: Doc, filters: Doc[]) => {
      at(s, 'rules', 0).filters = filters;
    },
  },
  {
    site: 'backendRef',
    set: (s: Doc, filters: Doc[]) => {
      at(s, 'rules', 0, 'backendRefs', 0).filters = filters;
    },
  },
];

const filterCases: Case[] = filterSites.flatMap(({ site, set }) => {
  const on = (name: string, message: string, filters: Doc[]) =>
    make('HTTPRoute', `${site} filters: ${name}`, message, (s) => set(s, filters));
  const fields = Object.keys(filterPayload);
  return [
    ...fields.map((field) => {
      const [type] = filterPayload[field] ?? [''];
      return on(
        `${type} without ${field}`,
        `filter.${field} must be specified for ${type} filter.type`,
        [{ type }],
      );
    }),
    ...fields.map((field) => {
      const other = field === 'cors' ? 'requestHeaderModifier' : 'cors';
      const [type] = filterPayload[other] ?? [''];
      const [, payload] = filterPayload[field] ?? ['', {}];
      return on(
        `${field} on a ${type} filter`,
        `filter.${field} must be nil if the filter.type is not`,
        [{ ...filter(other), [field]: payload }],
      );
    }),
    ...[
      'RequestHeaderModifier',
      'ResponseHeaderModifier',
      'RequestRedirect',
      'URLRewrite',
      'CORS',
    ].map((type) => {
      const field = Object.keys(filterPayload).find((f) => filterPayload[f]?.[0] === type) ?? '';
      return on(`${type} twice`, `${type} filter cannot be repeated`, [
        filter(field),
        filter(field),
      ]);
    }),
    on(
      'RequestRedirect with URLRewrite',
      'May specify either httpRouteFilterRequestRedirect or httpRouteFilterRequestRewrite',
      [filter('requestRedirect'), filter('urlRewrite')],
    ),
    on(
      'CORS allowHeaders * with others',
      "AllowHeaders cannot contain '*' alongside other methods",
      [filter('cors', { allowHeaders: ['*', 'x-a'] })],
    ),
    on(
      'CORS allowMethods * with others',
      "AllowMethods cannot contain '*' alongside other methods",
      [filter('cors', { allowMethods: ['*', 'GET'] })],
    ),
    on(
      'CORS allowOrigins * with others',
      "AllowOrigins cannot contain '*' alongside other origins",
      [filter('cors', { allowOrigins: ['*', 'https://a.example.com'] })],
    ),
    on('mirror with percent and fraction', 'Only one of percent or fraction may be specified', [
      filter('requestMirror', { percent: 10, fraction: { numerator: 1, denominator: 10 } }),
    ]),
    on('mirror to a Service without port', 'Must have port for Service reference', [
      filter('requestMirror', { backendRef: { name: 'mirror' } }),
    ]),
    on('mirror fraction above 1', 'numerator must be less than or equal to denominator', [
      filter('requestMirror', { fraction: { numerator: 11, denominator: 10 } }),
    ]),
    ...['requestRedirect', 'urlRewrite'].flatMap((field) => [
      on(
        `${field} ReplaceFullPath without replaceFullPath`,
        "replaceFullPath must be specified when type is set to 'ReplaceFullPath'",
        [filter(field, { path: { type: 'ReplaceFullPath' } })],
      ),
      on(
        `${field} ReplacePrefixMatch without replacePrefixMatch`,
        "replacePrefixMatch must be specified when type is set to 'ReplacePrefixMatch'",
        [filter(field, { path: { type: 'ReplacePrefixMatch' } })],
      ),
      on(
        `${field} replaceFullPath under ReplacePrefixMatch`,
        "type must be 'ReplaceFullPath' when replaceFullPath is set",
        [
          filter(field, {
            path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/a', replaceFullPath: '/b' },
          }),
        ],
      ),
      on(
        `${field} replacePrefixMatch under ReplaceFullPath`,
        "type must be 'ReplacePrefixMatch' when replacePrefixMatch is set",
        [
          filter(field, {
            path: { type: 'ReplaceFullPath', replaceFullPath: '/b', replacePrefixMatch: '/a' },
          }),
        ],
      ),
    ]),
  ];
});

const pathCase = (name: string, message: string, path: Doc) =>
  make('HTTPRoute', `path ${name}`, message, (s) => {
    at(s, 'rules', 0).matches = [{ path }];
  });
const prefix = (value: string) => ({ type: 'PathPrefix', value });

const routeCases: Case[] = [
  ...filterCases,
  pathCase("with '#'", "must not contain '#'", prefix('/a#b')),
  pathCase("with '%2F'", "must not contain '%2F'", prefix('/a%2Fb')),
  pathCase("with '%2f'", "must not contain '%2f'", prefix('/a%2fb')),
  pathCase("with '/../'", "must not contain '/../'", prefix('/a/../b')),
  pathCase("with '/./'", "must not contain '/./'", prefix('/a/./b')),
  pathCase("with '//'", "must not contain '//'", prefix('/a//b')),
  pathCase("ending '/.'", "must not end with '/.'", prefix('/a/.')),
  pathCase("ending '/..'", "must not end with '/..'", prefix('/a/..')),
  pathCase('with a space', 'must only contain valid characters', prefix('/a b')),
  pathCase('relative', "value must be an absolute path and start with '/'", prefix('a')),
  pathCase(
    'of an unknown type (its enum answers, and CEL is not run)',
    'spec.rules[0].matches[0].path.type: Unsupported value: "Bogus": supported values: "Exact", "PathPrefix", "RegularExpression"',
    {
      type: 'Bogus',
      value: '/a',
    },
  ),
  make(
    'HTTPRoute',
    'a Service backendRef without port',
    'Must have port for Service reference',
    (s) => {
      at(s, 'rules', 0).backendRefs = [{ name: 'sample-app-1', namespace: 'sample-apps' }];
    },
  ),
  make(
    'HTTPRoute',
    'a redirect with backendRefs',
    'RequestRedirect filter must not be used together with backendRefs',
    (s) => {
      at(s, 'rules', 0).filters = [filter('requestRedirect')];
    },
  ),
  ...[
    [
      'RequestRedirect',
      'requestRedirect',
      'When using RequestRedirect filter with path.replacePrefixMatch',
      'Within backendRefs, when using RequestRedirect filter',
    ],
    [
      'URLRewrite',
      'urlRewrite',
      'When using URLRewrite filter with path.replacePrefixMatch',
      'Within backendRefs, When using URLRewrite filter',
    ],
  ].flatMap(([type, field, message, withinMessage]) => [
    make('HTTPRoute', `${type} replacePrefixMatch with an Exact match`, `${message}`, (s) => {
      const rule = at(s, 'rules', 0);
      if (type === 'RequestRedirect') delete rule.backendRefs;
      rule.matches = [{ path: { type: 'Exact', value: '/a' } }];
      rule.filters = [
        filter(field ?? '', { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/b' } }),
      ];
    }),
    make(
      'HTTPRoute',
      `backendRef ${type} replacePrefixMatch with an Exact match`,
      withinMessage ?? '',
      (s) => {
        const rule = at(s, 'rules', 0);
        rule.matches = [{ path: { type: 'Exact', value: '/a' } }];
        at(rule, 'backendRefs', 0).filters = [
          filter(field ?? '', { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/b' } }),
        ];
      },
    ),
  ]),
  make(
    'HTTPRoute',
    'backendRequest timeout above request timeout',
    'backendRequest timeout cannot be longer than request timeout',
    (s) => {
      at(s, 'rules', 0).timeouts = { request: '1s', backendRequest: '2s' };
    },
  ),
  make(
    'HTTPRoute',
    'over 128 matches in all',
    'the total number of matches across all rules in a route must be less than 128',
    (s) => {
      const rule = at(s, 'rules', 0);
      s.rules = Array.from({ length: 16 }, () => ({
        ...rule,
        matches: Array.from({ length: 9 }, (_, i) => ({ path: prefix(`/m${i}`) })),
      }));
    },
  ),
  make(
    'HTTPRoute',
    'two parentRefs to one Gateway, one without sectionName',
    'sectionName must be specified when parentRefs includes 2 or more references to the same parent',
    (s) => {
      s.parentRefs = [
        { name: 'kong-cloud-gw-gateway', sectionName: 'https' },
        { name: 'kong-cloud-gw-gateway' },
      ];
    },
  ),
  make(
    'HTTPRoute',
    'two parentRefs to one listener',
    'sectionName must be unique when parentRefs includes 2 or more references to the same parent',
    (s) => {
      s.parentRefs = [
        { name: 'kong-cloud-gw-gateway', sectionName: 'https' },
        { name: 'kong-cloud-gw-gateway', sectionName: 'https' },
      ];
    },
  ),
];

const selectorCases = (family: 'AuthorizationPolicy' | 'PeerAuthentication'): Case[] => [
  make(family, 'an empty selector key', 'key must not be empty', (s) => {
    s.selector = { matchLabels: { '': 'x' } };
  }),
  make(family, 'a wildcard selector key', 'wildcard not allowed in label key match', (s) => {
    s.selector = { matchLabels: { 'app*': 'x' } };
  }),
  make(family, 'a wildcard selector value', 'wildcard not allowed in label value match', (s) => {
    s.selector = { matchLabels: { app: 'x*' } };
  }),
];

const istioCases: Case[] = [
  ...selectorCases('AuthorizationPolicy'),
  make(
    'AuthorizationPolicy',
    'targetRefs and selector',
    'only one of targetRefs or selector can be set',
    (s) => {
      s.selector = { matchLabels: { app: 'a' } };
      s.targetRefs = [{ kind: 'Service', group: '', name: 'a' }];
    },
  ),
  make(
    'AuthorizationPolicy',
    'serviceAccounts with principals',
    'Cannot set serviceAccounts with namespaces or principals',
    (s) => {
      at(s, 'rules', 0, 'from', 0).source = {
        serviceAccounts: ['istio-ingress/gw'],
        principals: ['x'],
      };
    },
  ),
  make(
    'AuthorizationPolicy',
    'a targetRef in another namespace',
    'cross namespace referencing is not currently supported',
    (s) => {
      s.targetRef = { kind: 'Service', group: '', name: 'a', namespace: 'other' };
    },
  ),
  make(
    'AuthorizationPolicy',
    'a targetRefs entry in another namespace',
    'cross namespace referencing is not currently supported',
    (s) => {
      s.targetRefs = [{ kind: 'Service', group: '', name: 'a', namespace: 'other' }];
    },
  ),
  ...selectorCases('PeerAuthentication'),
  make(
    'PeerAuthentication',
    'portLevelMtls without selector',
    'portLevelMtls requires selector',
    (s) => {
      s.portLevelMtls = { '8080': { mode: 'PERMISSIVE' } };
    },
  ),
  make('PeerAuthentication', 'portLevelMtls on port 0', 'port must be between 1-65535', (s) => {
    s.selector = { matchLabels: { app: 'a' } };
    s.portLevelMtls = { '0': { mode: 'PERMISSIVE' } };
  }),
];

const cases: readonly Case[] = [...gatewayCases, ...routeCases, ...istioCases];

/** Every CEL rule of a schema outside `status`, as `<path> <rule>` (the form findings carry). */
function rulesOf(schema: StructuralSchema, path = ''): string[] {
  const here = (schema['x-kubernetes-validations'] ?? []).map(
    (r) => `${path} ${shortRule(r.rule)}`,
  );
  const props = Object.entries(schema.properties ?? {})
    .filter(([key]) => !(path === '' && key === 'status'))
    .flatMap(([key, s]) => rulesOf(s, path === '' ? key : `${path}.${key}`));
  const items = schema.items ? rulesOf(schema.items, `${path}[]`) : [];
  const values =
    typeof schema.additionalProperties === 'object'
      ? rulesOf(schema.additionalProperties, `${path}{}`)
      : [];
  return [...here, ...props, ...items, ...values];
}

/** `<path> <rule>` of a crd/cel finding's message, indexes and keys generalised. */
function ruleKey(message: string): string | undefined {
  const match = /^(\S*): .*\((?:\w+); rule: (.*)\)$/.exec(message);
  if (!match) return undefined;
  const path = (match[1] ?? '').replace(/\[\d+\]/g, '[]').replace(/\[[^\]]+\]/g, '{}');
  return `${path} ${match[2]}`;
}

describe.runIf(haveSharedCrds())(
  'the corruption table: every CEL rule a rendered object can reach',
  () => {
    it.each(cases)('$family: $name', ({ family, files, message }) => {
      const found = crdFindings(files).filter((f) => f.includes(` ${family}/`));
      expect(
        found.some((f) => f.includes(message)),
        found.join('\n'),
      ).toBe(true);
    });

    it('covers every rule of the CRD versions routeplane renders', () => {
      const kinds: [string, string][] = [
        ['gateway.networking.k8s.io/v1', 'Gateway'],
        ['gateway.networking.k8s.io/v1', 'HTTPRoute'],
        ['gateway.networking.k8s.io/v1beta1', 'ReferenceGrant'],
        ['security.istio.io/v1', 'AuthorizationPolicy'],
        ['security.istio.io/v1', 'PeerAuthentication'],
      ];
      const reachable = kinds.flatMap(([apiVersion, kind]) => {
        const crd = sharedCatalog().lookup(apiVersion, kind);
        return crd ? rulesOf(crd.schema).map((r) => `${kind} ${r}`) : [`${kind}: no CRD`];
      });
      const hit = new Set(
        cases.flatMap((c) =>
          validateTree({ files: c.files, waivers: [], crds: sharedCatalog() }, [])
            .filter((f) => f.rule === 'crd/cel')
            .map((f) => `${f.object.split('/')[0]} ${ruleKey(f.message)}`),
        ),
      );
      // The path type's enum rejects any other type first, and an enum violation stops the API
      // server before CEL (strategy.go hasBlockingErr): this rule can never be the one that fires.
      expect(reachable.filter((r) => !hit.has(r))).toEqual([
        "HTTPRoute spec.rules[].matches[].path self.type in ['Exact','PathPrefix'] || self.type == 'RegularExpression'",
      ]);
      expect(reachable).toHaveLength(116);
      expect(cases).toHaveLength(116);
    });
  },
);
