import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { RouteCatalog } from './catalog.generated.js';
import { awsWithDefaults, dataPlaneWithDefaults } from './section-defaults.js';
import { ecsFargateCatalogPath } from './testing/ecs-fargate-catalogs.js';
import { fixtureEnvironment } from './testing/fixture-model.js';

type Env = RouteCatalog['environments'][number];
const dev = (catalog: RouteCatalog): Env => {
  const env = catalog.environments.find((e) => e.name === 'dev');
  if (!env) throw new Error('the fixture lost dev');
  return env;
};

describe('defaults derived from other fields', () => {
  it.each([
    ['absent', undefined, 'routeplane/dev'],
    ['written', 'platform/dev-state', 'platform/dev-state'],
  ])('aws.state.keyPrefix %s resolves to %s', (_case, keyPrefix, expected) => {
    const env = fixtureEnvironment((c) => {
      if (keyPrefix === undefined) delete c.aws.state.keyPrefix;
      else c.aws.state.keyPrefix = keyPrefix;
      delete dev(c).aws?.state?.keyPrefix;
    });
    expect(env.aws.state.keyPrefix).toBe(expected);
  });

  it('kong.upstream.port follows gateway.httpsPort when absent', () => {
    const env = fixtureEnvironment((c) => {
      c.gateway.httpsPort = 8443;
      delete c.kong.upstream.port;
    });
    expect(env.kong.upstream.port).toBe(8443);
  });

  it.each([
    [
      'dataPlaneBaseRps',
      (e: ReturnType<typeof fixtureEnvironment>) => e.kong.dataPlane.baseRps,
      100,
    ],
    [
      'connectivity',
      (e: ReturnType<typeof fixtureEnvironment>) => e.kong.dataPlaneGroups?.connectivity,
      'transitGateway',
    ],
  ])('%s on a Dedicated Cloud Gateway is %s when absent', (key, read, expected) => {
    const env = fixtureEnvironment((c) => {
      if (key === 'connectivity') delete dev(c).connectivity;
      else delete dev(c).dataPlaneBaseRps;
    });
    expect(read(env)).toBe(expected);
  });

  it('the health path is answered when the catalog gives no responses', () => {
    const users = fixtureEnvironment((c) => {
      const service = c.services.find((s) => s.name === 'users-api');
      if (service) delete service.responses;
    }).services.find((s) => s.name === 'users-api');
    expect(users?.responses).toEqual([
      {
        path: '/api/users/health',
        status: 200,
        contentType: 'application/json',
        body: '{"status":"healthy"}',
      },
    ]);
  });

  it("the catalog's own health response is kept, not doubled", () => {
    const health = { path: '/api/users/health', status: 503, contentType: 'text/plain', body: 'x' };
    const users = fixtureEnvironment((c) => {
      const service = c.services.find((s) => s.name === 'users-api');
      if (service) service.responses = [health];
    }).services.find((s) => s.name === 'users-api');
    expect(users?.responses).toEqual([health]);
  });
});

describe('section defaults after an environment merge', () => {
  it('an override inherits the top-level value, not the schema default', () => {
    const env = fixtureEnvironment((c) => {
      c.aws.nodePools.system.diskSizeGiB = 80;
      dev(c).aws = {
        ...dev(c).aws,
        nodePools: { system: { instanceTypes: ['m7i.xlarge'] } },
      };
    });
    expect(env.aws.nodePools.system).toMatchObject({
      instanceTypes: ['m7i.xlarge'],
      diskSizeGiB: 80,
    });
  });

  it('aws: a key nobody wrote takes the schema default, a written one stays', () => {
    const aws = fixtureCatalogAws();
    aws.nodePools.user.diskSizeGiB = 120;
    const withDefaults = awsWithDefaults(aws);
    expect(withDefaults.nodePools.system.diskSizeGiB).toBe(50);
    expect(withDefaults.nodePools.user.diskSizeGiB).toBe(120);
    expect(withDefaults.transitGatewayAsn).toBe(64512);
    expect(aws.nodePools.system.diskSizeGiB).toBeUndefined();
  });

  it('kong.dataPlane: an ecsFargate block an override brings gets every nested default', () => {
    const example = parse(readFileSync(ecsFargateCatalogPath, 'utf8')) as RouteCatalog;
    const { vpcCidr, availabilityZoneIds, subnets } = example.kong.dataPlane?.ecsFargate ?? {};
    if (!vpcCidr || !availabilityZoneIds || !subnets)
      throw new Error('the example lost ecsFargate');
    // Only the keys without a default: everything else comes from the schema.
    const merged = dataPlaneWithDefaults({
      kind: 'ecsFargate',
      ecsFargate: { vpcCidr, availabilityZoneIds, subnets },
    });
    expect(merged.ecsFargate).toMatchObject({
      entry: 'apiGateway',
      apiGateway: { throttlingRateLimit: 1000, throttlingBurstLimit: 2000 },
      tasks: { cpu: 1024, memory: 2048, minCount: 2, maxCount: 6 },
      redis: { nodeType: 'cache.t4g.small', hostEnv: 'DECK_REDIS_HOST' },
    });
    expect(dataPlaneWithDefaults({}).kind).toBe('dedicated');
  });
});

function fixtureCatalogAws(): RouteCatalog['aws'] {
  let aws: RouteCatalog['aws'] | undefined;
  fixtureEnvironment((c) => {
    aws = structuredClone(c.aws);
    delete aws.nodePools.system.diskSizeGiB;
    delete aws.nodePools.user.diskSizeGiB;
    delete aws.transitGatewayAsn;
  });
  if (!aws) throw new Error('the fixture has no aws');
  return aws;
}
