import { repoRoot } from '@routeplane/test-support';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadModelFromBytes } from './load-model.js';
import { formatProblem } from './problems.js';
import { shipped, shippedCatalogText } from './testing/bad-catalogs.js';

const load = (text: string) =>
  loadModelFromBytes(new TextEncoder().encode(text), {
    displayName: 'catalog.yaml',
    baseDir: repoRoot,
  });

const westRegion = {
  region: 'us-west-2',
  networkCidr: '192.169.0.0/16',
  availabilityZoneIds: ['usw2-az1', 'usw2-az2', 'usw2-az3'],
};

describe('data-plane sizing', () => {
  it('runs autopilot with the environment base RPS and warns about nothing', () => {
    const model = load(shipped());
    expect(model.warnings).toEqual([]);
    expect(model.environments.map((e) => e.kong.dataPlaneGroups?.sizing)).toEqual([
      { kind: 'autopilot', baseRps: 100 },
      { kind: 'autopilot', baseRps: 500 },
    ]);
  });

  it('sizes custom mode by instance type and count, with a located deprecation warning', () => {
    const model = load(
      shipped(
        ['environments.0.dataPlaneBaseRps', undefined],
        ['environments.0.dataPlaneCustomMode', { instanceType: 'large', requestedInstances: 3 }],
      ),
    );
    expect(model.environments[0]?.kong.dataPlaneGroups?.sizing).toEqual({
      kind: 'custom',
      instanceType: 'large',
      requestedInstances: 3,
    });
    expect(model.warnings.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^catalog\.yaml:\d+:\d+ environments\[0\]\.dataPlaneCustomMode: custom mode \(Konnect's static autoscale\) is deprecated upstream and will be removed; 3 large data plane\(s\) per region do not scale with traffic\. Prefer dataPlaneBaseRps \(autopilot\) \(environment dev\)$/,
      ),
    ]);
    const [warning] = model.warnings;
    expect(warning?.line).toBeGreaterThan(0);
  });
});

describe('managed cache', () => {
  it('warns, located, when the add-on is provisioned but no rate limit counts in it', () => {
    const routes = parse(shippedCatalogText).routes as { plugins?: { rateLimiting?: object } }[];
    const localOnly = routes.map((r) =>
      r.plugins?.rateLimiting
        ? {
            ...r,
            plugins: {
              ...r.plugins,
              rateLimiting: {
                ...r.plugins.rateLimiting,
                policy: 'local',
                acceptPerNodeLimits: true,
              },
            },
          }
        : r,
    );
    expect(load(shipped()).warnings).toEqual([]);
    const model = load(shipped(['routes', localOnly]));
    expect(model.warnings.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^catalog\.yaml:\d+:\d+ kong\.managedCache: provisions a managed cache add-on for environment dev, prod, but no rate limit counts in it \(every route's limit is local or absent\)/,
      ),
    ]);
    expect(model.warnings[0]?.line).toBeGreaterThan(0);
  });
});

describe('data-plane regions', () => {
  it('puts the home region first with kong.networkCidr and the cluster AZ ids', () => {
    const [dev] = load(shipped()).environments;
    expect(dev?.kong.dataPlaneGroups?.regions).toEqual([
      {
        region: 'us-east-1',
        networkCidr: '192.168.0.0/16',
        availabilityZoneIds: ['use1-az1', 'use1-az2', 'use1-az4'],
        home: true,
      },
    ]);
  });

  it('adds each catalog region after the home region, in catalog order', () => {
    const east = {
      region: 'eu-west-1',
      networkCidr: '192.170.0.0/16',
      availabilityZoneIds: ['euw1-az1', 'euw1-az2', 'euw1-az3'],
    };
    const model = load(shipped(['environments.1.dataPlaneRegions', [westRegion, east]]));
    const prod = model.environments.find((e) => e.name === 'prod');
    expect(
      prod?.kong.dataPlaneGroups?.regions.map((r) => [r.region, r.networkCidr, r.home]),
    ).toEqual([
      ['us-east-1', '192.168.0.0/16', true],
      ['us-west-2', '192.169.0.0/16', false],
      ['eu-west-1', '192.170.0.0/16', false],
    ]);
    // Regions are per environment: dev keeps its single home region.
    expect(model.environments[0]?.kong.dataPlaneGroups?.regions).toHaveLength(1);
  });
});

describe('connectivity', () => {
  it('defaults to the schema default transitGateway and takes each environment its own', () => {
    const model = load(shipped(['environments.1.connectivity', 'vpcPeering']));
    expect(model.environments.map((e) => e.kong.dataPlaneGroups?.connectivity)).toEqual([
      'transitGateway',
      'vpcPeering',
    ]);
  });
});
