import { describe, expect, it } from 'vitest';
import { kindsReading, missingEdgeKeys } from './edge-keys.js';
import { resolveEdge } from './resolve-edge.js';

const cloudfront = {
  kind: 'cloudfront',
  certificatesShared: true,
  deletionProtection: false,
  domainName: 'api.example.com',
  viewerCertificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/viewer',
  originClientCertificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/origin',
  kongProxyDomain: 'proxy.example.com',
  wafRateLimitPer5Minutes: 2000,
  kongDomainDns: {
    publicZone: 'example.com',
    edgeTarget: 'e.example.net',
    acmeChallengeTarget: 'a.example.net',
  },
} as const;

describe('resolveEdge', () => {
  it('keeps the keys each kind renders and drops the ones it does not read', () => {
    expect(resolveEdge(cloudfront, 'dev')).toEqual({
      kind: 'cloudfront',
      domainName: 'api.example.com',
      viewerCertificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/viewer',
      originClientCertificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/origin',
      kongProxyDomain: 'proxy.example.com',
      wafRateLimitPer5Minutes: 2000,
      kongDomainDns: cloudfront.kongDomainDns,
      deletionProtection: false,
    });
    expect(resolveEdge({ ...cloudfront, kind: 'none' }, 'dev')).toEqual({
      kind: 'none',
      kongProxyDomain: 'proxy.example.com',
      kongDomainDns: cloudfront.kongDomainDns,
    });
    const { kongDomainDns: _dns, ...noDns } = cloudfront;
    expect(resolveEdge({ ...noDns, kind: 'alb' }, 'dev')).toEqual({
      kind: 'alb',
      domainName: 'api.example.com',
      wafRateLimitPer5Minutes: 2000,
      deletionProtection: false,
    });
  });

  it.each(['cloudfront', 'alb'] as const)(
    "protects a %s edge from deletion by default, also when only the environment's override names the edge",
    (kind) => {
      const { kongDomainDns: _dns, deletionProtection: _unset, ...written } = cloudfront;
      // Schema defaults fill a top-level aws.edge only: an edge of one environment may lack the key.
      const edge = { ...written, kind } as Parameters<typeof resolveEdge>[0];
      expect(resolveEdge(edge, 'dev')).toMatchObject({ kind, deletionProtection: true });
    },
  );

  // The edge-keys rule refuses these catalogs first; resolve names the gap if it ever is not.
  it.each([
    [
      'cloudfront',
      {
        kind: 'cloudfront',
        certificatesShared: false,
        domainName: 'a.example.com',
        deletionProtection: true,
      },
      'viewerCertificateArn, originClientCertificateArn, kongProxyDomain, wafRateLimitPer5Minutes',
    ],
    [
      'alb',
      {
        kind: 'alb',
        certificatesShared: false,
        domainName: 'a.example.com',
        deletionProtection: true,
      },
      'wafRateLimitPer5Minutes',
    ],
    [
      'none',
      { kind: 'none', certificatesShared: false, deletionProtection: true },
      'kongProxyDomain',
    ],
  ] as const)('throws for an edge of kind %s without its keys', (kind, edge, missing) => {
    expect(() => resolveEdge(edge, 'dev')).toThrow(
      `environment dev: aws.edge.kind ${kind} lacks ${missing}, which the edge-keys rule refuses before resolve`,
    );
  });
});

describe('edge keys per kind', () => {
  it.each([
    ['domainName', ['cloudfront', 'alb']],
    ['viewerCertificateArn', ['cloudfront']],
    ['originClientCertificateArn', ['cloudfront']],
    ['kongProxyDomain', ['cloudfront', 'none']],
    ['wafRateLimitPer5Minutes', ['cloudfront', 'alb']],
    ['certificatesShared', ['cloudfront']],
    ['kongDomainDns', ['cloudfront', 'none']],
    ['publicZone', ['alb']],
    ['deletionProtection', ['cloudfront', 'alb']],
  ] as const)('%s is read by %j', (key, kinds) => {
    expect(kindsReading(key)).toEqual(kinds);
  });

  it('takes cloudfront, the schema default, when the kind is not written', () => {
    expect(missingEdgeKeys({ kongProxyDomain: 'proxy.example.com' })).toEqual([
      'domainName',
      'viewerCertificateArn',
      'originClientCertificateArn',
      'wafRateLimitPer5Minutes',
    ]);
  });
});
