import { describe, expect, it } from 'vitest';
import { loadModel, loadModelFromBytes } from './load-model.js';
import { type Edit, shipped } from './testing/bad-catalogs.js';
import { catalogProblems } from './testing/catalog-problems.js';
import { badEcsFargateCatalogs, ecsFargateCatalogPath } from './testing/ecs-fargate-catalogs.js';

const problemsOf = catalogProblems;
const loadModelFromText = (text: string) =>
  loadModelFromBytes(new TextEncoder().encode(text), { displayName: 'catalog.yaml', baseDir: '.' });

describe('kong.dataPlane.kind: ecsFargate', () => {
  it('loads the example with four ECS Fargate environments and Redis rate limits', () => {
    const model = loadModel(ecsFargateCatalogPath);
    expect(model.environments.map((e) => [e.name, e.kong.dataPlane.kind])).toEqual([
      ['dev', 'ecsFargate'],
      ['prod', 'ecsFargate'],
      ['sandbox', 'ecsFargate'],
      ['test', 'ecsFargate'],
    ]);
    const prod = model.environments.find((e) => e.name === 'prod');
    expect(prod?.kong.sourceCidrs).toEqual(['10.40.4.0/23', '10.40.6.0/23']);
    expect(prod?.kong.ecsFargate?.tasks).toMatchObject({ minCount: 2, maxCount: 10, cpu: 1024 });
    expect(prod?.kong.ecsFargate?.entry).toMatchObject({
      kind: 'apiGateway',
      vpcLinkSubnets: ['10.40.4.0/23', '10.40.6.0/23'],
    });
    expect(model.environments.find((e) => e.name === 'test')?.kong.ecsFargate?.entry).toEqual({
      kind: 'cloudfront',
      domainName: 'api.test.example.com',
      viewerCertificateArn:
        'arn:aws:acm:us-east-1:111122223333:certificate/00000000-0000-0000-0000-000000000031',
      wafRateLimitPer5Minutes: 2000,
    });
    expect(prod?.routes.find((r) => r.name === 'users-api')?.plugins.rateLimiting?.policy).toBe(
      'redis',
    );
    // Kong on Fargate still authenticates to the gateway with the cluster CA's certificates.
    expect(prod?.kong.requiredEnv).toEqual([
      'DECK_DEMO_USER_JWT_SECRET',
      'DECK_GATEWAY_CA_CERT',
      'DECK_GATEWAY_UPSTREAM_HOST',
      'DECK_KONG_CLIENT_CERT',
      'DECK_KONG_CLIENT_KEY',
      'DECK_REDIS_HOST',
      'DECK_REDIS_PASSWORD',
    ]);
    expect(prod?.aws.edge).toBeUndefined();
  });

  it.each(badEcsFargateCatalogs)('refuses %s', (_name, text, message, keyPath) => {
    const problems = problemsOf(text);
    const hit = problems.find((p) => p.includes(message));
    expect(hit, problems.join('\n')).toBeDefined();
    expect(hit).toMatch(/^catalog\.yaml:\d+:\d+ /);
    expect(hit).toContain(` ${keyPath}: `);
  });
});

describe('a catalog mixing both kinds', () => {
  const staging = {
    name: 'staging',
    controlPlaneName: 'kong-fargate-staging',
    aws: { cluster: { name: 'kong-fargate-staging' } },
    kong: {
      dataPlane: {
        kind: 'ecsFargate',
        ecsFargate: {
          vpcCidr: '10.40.0.0/20',
          availabilityZoneIds: ['use1-az1', 'use1-az2'],
          subnets: {
            web: ['10.40.0.0/24', '10.40.1.0/24'],
            app: ['10.40.4.0/23', '10.40.6.0/23'],
            data: ['10.40.8.0/25', '10.40.8.128/25'],
          },
        },
      },
    },
  };
  // Kong on Fargate resolves the gateway's NLB name, not the Konnect networks' private zone.
  const byNlbName: Edit[] = [
    ['kong.upstream.privateDnsZone', undefined],
    ['kong.upstream.hostEnv', 'DECK_GATEWAY_UPSTREAM_HOST'],
  ];
  const mixed = shipped(
    ['environments.2', staging],
    ['routes.3.plugins.rateLimiting.policy', undefined],
    ...byNlbName,
  );

  it('loads: dedicated environments keep their edge and count in the managed cache, staging in Redis', () => {
    expect(problemsOf(mixed)).toEqual([]);
    const model = loadModelFromText(mixed);
    const byName = new Map(model.environments.map((e) => [e.name, e]));
    const limit = (env: string) =>
      byName.get(env)?.routes.find((r) => r.name === 'users-api')?.plugins.rateLimiting?.policy;
    expect([limit('dev'), limit('prod'), limit('staging')]).toEqual([
      'managedCache',
      'managedCache',
      'redis',
    ]);
    expect(byName.get('staging')?.kong.managedCache).toBeUndefined();
    expect(byName.get('staging')?.aws.edge).toBeUndefined();
    expect(byName.get('staging')?.kong.cloudfrontOriginHeader).toBeUndefined();
    expect(byName.get('dev')?.aws.edge).toMatchObject({ domainName: 'api.dev.example.com' });
  });

  it('still refuses an explicit local rate limit', () => {
    const local = shipped(
      ['environments.2', staging],
      ['routes.3.plugins.rateLimiting.policy', 'local'],
      ['routes.3.plugins.rateLimiting.acceptPerNodeLimits', true],
      ...byNlbName,
    );
    expect(problemsOf(local)).toEqual([
      expect.stringContaining(
        'must be shared (or unset) while environment staging runs Kong on ECS Fargate',
      ),
    ]);
  });

  it("refuses the Konnect networks' private hosted zone while staging runs Kong on ECS Fargate", () => {
    const text = shipped(
      ['environments.2', staging],
      ['routes.3.plugins.rateLimiting.policy', undefined],
    );
    expect(problemsOf(text)).toEqual([
      expect.stringMatching(
        /^catalog\.yaml:\d+:\d+ kong\.upstream\.privateDnsZone: is a dedicated-only option .* environment staging uses kong\.dataPlane\.kind ecsFargate/,
      ),
    ]);
  });
});
