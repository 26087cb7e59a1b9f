import { describe, expect, it } from 'vitest';
import { shipped } from './testing/bad-catalogs.js';
import { catalogProblems } from './testing/catalog-problems.js';

/**
 * Messages, locations and boundaries of semantic rules that the bad-catalog table names only by a
 * substring: the exact words a user reads, the key a problem points at, and the values at the edge
 * of what a rule accepts.
 */

/** 1-based line of the first line matching `key` after the first line matching `after`. */
function lineOf(text: string, after: RegExp, key: RegExp): number {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => after.test(l));
  return lines.findIndex((l, i) => i > start && key.test(l)) + 1;
}

/** `line:column` (1-based) of the key `key` on the first line after one matching `after`. */
function keyAt(text: string, after: RegExp, key: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => after.test(l));
  const line = lines.findIndex(
    (l, i) => i > start && l.trimStart().replace(/^- /, '').startsWith(`${key}:`),
  );
  return `${line + 1}:${(lines[line] ?? '').indexOf(`${key}:`) + 1}`;
}

const dns = {
  publicZone: 'example.com',
  edgeTarget: 'dev.edge.konnect.example.net',
  acmeChallengeTarget: 'dev.acme.konnect.example.net',
};

describe('aws.edge.kongDomainDns (rule kong-domain-dns)', () => {
  it('accepts a public zone that is a parent of each environment kongProxyDomain', () => {
    const text = shipped(
      ['aws.edge.kongDomainDns', dns],
      ['environments.1.aws.edge.kongDomainDns', { edgeTarget: 'prod.edge.konnect.example.net' }],
    );
    expect(catalogProblems(text)).toEqual([]);
  });

  it('names the one missing key with "is", on the line of the overriding key', () => {
    const text = shipped([
      'environments.1.aws.edge.kongDomainDns',
      { edgeTarget: 'prod.edge.konnect.example.net', acmeChallengeTarget: 'prod.acme.example.net' },
    ]);
    const line = lineOf(text, /name: prod/, /^\s+kongDomainDns:$/);
    expect(catalogProblems(text)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^catalog\\.yaml:${line}:\\d+ environments\\[1\\]\\.aws\\.edge\\.kongDomainDns: needs publicZone, edgeTarget and acmeChallengeTarget after the environment's overrides, but publicZone is missing \\(environment prod\\)$`,
        ),
      ),
    ]);
  });
});

describe('aws.cluster.apiAccess (rule api-access)', () => {
  it('reports a bad CIDR once although both environments inherit it', () => {
    expect(
      catalogProblems(shipped(['aws.cluster.apiAccess.publicCidrs', ['203.0.113.7/24']])),
    ).toEqual([
      expect.stringMatching(
        /^catalog\.yaml:\d+:\d+ aws\.cluster\.apiAccess\.publicCidrs\[0\]: has host bits set: the network address is 203\.0\.113\.0\/24, but "203\.0\.113\.7\/24" was given$/,
      ),
    ]);
  });

  it.each([
    [
      'public CIDRs and prefix lists',
      {
        publicCidrs: ['203.0.113.0/24'],
        privateSources: { prefixListIds: ['pl-0123456789abcdef0'] },
      },
    ],
    [
      'public and private CIDRs',
      { publicCidrs: ['203.0.113.0/24'], privateSources: { cidrs: ['10.0.0.0/16'] } },
    ],
  ])('admits clients through %s together', (_case, apiAccess) => {
    expect(catalogProblems(shipped(['aws.cluster.apiAccess', apiAccess]))).toEqual([]);
  });

  it('puts "admits no one" on the apiAccess key of the environment', () => {
    const text = shipped(['environments.1.aws.cluster.apiAccess', { publicCidrs: [] }]);
    const line = lineOf(text, /name: prod/, /^\s+apiAccess:/);
    expect(catalogProblems(text)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^catalog\\.yaml:${line}:\\d+ environments\\[1\\]\\.aws\\.cluster\\.apiAccess: admits no one to the EKS API`,
        ),
      ),
    ]);
  });
});

describe('kong.trustedIps (rule networks)', () => {
  it('refuses a CIDR with host bits set, naming the network address and the value', () => {
    expect(catalogProblems(shipped(['kong.trustedIps', ['10.0.0.0/8', '10.0.0.1/8']]))).toEqual([
      expect.stringMatching(
        /^catalog\.yaml:\d+:\d+ kong\.trustedIps\[1\]: has host bits set: the network address is 10\.0\.0\.0\/8, but "10\.0\.0\.1\/8" was given$/,
      ),
    ]);
  });
});

describe('routes[].hosts (rule route-hosts)', () => {
  const label = (c: string, n: number) => c.repeat(n);
  const host253 = [label('a', 63), label('b', 63), label('c', 63), label('d', 61)].join('.');
  const host254 = `${host253}d`;

  it('accepts a 253-character DNS name, the longest DNS allows', () => {
    expect(host253).toHaveLength(253);
    expect(catalogProblems(shipped(['routes.0.hosts', [host253]]))).toEqual([]);
  });

  it.each([
    [host254, '254 characters'],
    ['API.example.com', 'upper case'],
    ['a..example.com', 'an empty label'],
    ['*.*.example.com', 'a wildcard past the first label'],
  ])('refuses %s (%s)', (host) => {
    const problems = catalogProblems(shipped(['routes.0.hosts', [host]]));
    expect(problems.map((p) => p.replace(/^catalog\.yaml:\d+:\d+ /, ''))).toEqual([
      `routes[0].hosts[0]: must be a lowercase DNS name, optionally starting with "*.", but "${host}" was given`,
    ]);
  });
});

describe('kong.customPlugins[].name (rule custom-plugin-name)', () => {
  it.each(['cors', 'jwt', 'rate-limiting', 'rate-limiting-advanced', 'request-transformer'])(
    'refuses %s, listing every plugin routeplane renders',
    (name) => {
      const text = shipped(['kong.customPlugins', [{ name, handler: 'h.lua', schema: 's.lua' }]]);
      expect(catalogProblems(text)).toContainEqual(
        expect.stringMatching(
          new RegExp(
            `^catalog\\.yaml:\\d+:\\d+ kong\\.customPlugins\\[0\\]\\.name: must not be a plugin routeplane renders \\(cors, jwt, rate-limiting, rate-limiting-advanced, request-transformer\\), but "${name}" was given$`,
          ),
        ),
      );
    },
  );
});

describe('services[].sharedSecretHeader (rule service-shared-secret)', () => {
  const secret = (index: number, name: string) =>
    [`services.${index}.sharedSecretHeader`, { name, valueEnv: 'DECK_SHARED_SECRET' }] as const;

  it('lists the taken headers, without an edge header when the catalog has none', () => {
    const text = shipped(['kong.cloudfrontOriginHeader', undefined], secret(3, 'Host'));
    expect(catalogProblems(text)).toEqual([
      expect.stringMatching(
        /services\[3\]\.sharedSecretHeader\.name: must be a header of its own, not one Kong, the edge or the clients use \(host, authorization, x-forwarded-for, x-forwarded-host, x-real-ip, x-viewer-host\), but "Host" was given$/,
      ),
    ]);
  });

  it.each([
    ['a route of another service adds the same header', 0],
    ['its routes have no plugins', 1],
  ])('accepts a header when %s', (_case, index) => {
    expect(catalogProblems(shipped(secret(index, 'X-Gateway-Source')))).toEqual([]);
  });

  it('accepts a header on a service whose route has plugins but no request transformer', () => {
    const text = shipped(
      ['routes.3.plugins.requestTransformer', undefined],
      secret(3, 'X-Gateway-Source'),
    );
    expect(catalogProblems(text)).toEqual([]);
  });
});

describe('problems that point at the key, not its value', () => {
  it.each([
    [
      'kong.upstream without hostEnv or privateDnsZone',
      shipped(['kong.upstream.privateDnsZone', undefined]),
      /^kong:/,
      'upstream',
      'kong.upstream: needs hostEnv',
    ],
    [
      'an unused hostEnv',
      shipped(['kong.upstream.hostEnv', 'DECK_GATEWAY_UPSTREAM_HOST']),
      /^kong:/,
      'hostEnv',
      'kong.upstream.hostEnv: is unused with privateDnsZone',
    ],
    [
      "an environment's unused upstreamHost",
      shipped(['environments.1.upstreamHost', 'gateway.prod.internal.example.com']),
      /name: prod/,
      'upstreamHost',
      'environments[1].upstreamHost: is unused with kong.upstream.privateDnsZone',
    ],
    [
      'a user node pool whose desired size exceeds its maximum',
      shipped(['aws.nodePools.user.desiredSize', 99]),
      /^aws:/,
      'user',
      'aws.nodePools.user: needs minSize <= desiredSize <= maxSize, but 2 <= 99 <= 6 was given (environment dev)',
    ],
  ])('%s', (_case, text, after, key, message) => {
    const problems = catalogProblems(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`catalog.yaml:${keyAt(text, after, key)} ${message}`);
  });
});

describe('aws.nodePools (rule networks)', () => {
  it.each([
    ['at its maximum', 6],
    ['at its minimum', 2],
  ])('accepts a desired size %s', (_case, desiredSize) => {
    expect(catalogProblems(shipped(['aws.nodePools.user.desiredSize', desiredSize]))).toEqual([]);
  });
});
