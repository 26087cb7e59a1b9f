import { join } from 'node:path';
import { repoRoot } from '@routeplane/test-support';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadModel, loadModelFromBytes } from './load-model.js';
import { CatalogError, formatProblem } from './problems.js';
import { badCatalogs, shipped, shippedCatalogText } from './testing/bad-catalogs.js';

const shippedText = shippedCatalogText;
const options = { displayName: 'catalog.yaml', baseDir: repoRoot };

function load(text: string) {
  return loadModelFromBytes(new TextEncoder().encode(text), options);
}

/** Messages of a catalog that must be refused (fails the test when it loads). */
function problemsOf(text: string | Uint8Array): string[] {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  try {
    loadModelFromBytes(bytes, options);
  } catch (error) {
    if (error instanceof CatalogError) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error('catalog was accepted');
}

describe('the shipped catalog', () => {
  it('loads into dev and prod environments', () => {
    const model = loadModel(join(repoRoot, 'catalog.yaml'), 'catalog.yaml');
    expect(model.environments.map((e) => e.name)).toEqual(['dev', 'prod']);
    expect(Object.isFrozen(model.environments[0]?.routes)).toBe(true);
  });

  it('reproduces the seed system', () => {
    const [dev] = load(shippedText).environments;
    expect(dev?.routes.map((r) => [r.paths, `${r.backend.namespace}/${r.backend.name}`])).toEqual([
      [['/app1'], 'sample-apps/sample-app-1'],
      [['/app2'], 'sample-apps/sample-app-2'],
      [['/healthz'], 'gateway-health/health-responder'],
      [['/api/users'], 'api-services/users-api'],
    ]);
    expect(dev?.gateway).toMatchObject({
      name: 'kong-cloud-gw-gateway',
      namespace: 'istio-ingress',
      principal: 'cluster.local/ns/istio-ingress/sa/kong-cloud-gw-gateway-istio',
    });
    expect(dev?.kong.networkCidr).toBe('192.168.0.0/16');
    expect(dev?.aws.vpcCidr).toBe('10.0.0.0/16');
    const users = dev?.routes.find((r) => r.name === 'users-api');
    expect(users?.plugins.jwt?.claimsToVerify).toEqual(['exp']);
    expect(users?.plugins.rateLimiting?.minute).toBe(100);
    expect(dev?.kong.consumers[0]?.jwtCredentials[0]?.secretEnv).toBe('DECK_DEMO_USER_JWT_SECRET');
  });

  it('applies environment overrides', () => {
    const [dev, prod] = load(shippedText).environments;
    expect(dev?.kong.controlPlaneName).toBe('kong-cloud-gw-dev');
    expect(prod?.kong.controlPlaneName).toBe('kong-cloud-gw-prod');
    expect(prod?.routes.find((r) => r.name === 'users-api')?.plugins.rateLimiting?.minute).toBe(
      600,
    );
    expect(prod?.services.find((s) => s.name === 'users-api')?.replicas).toBe(3);
    expect(prod?.gitops.targetRevision).toBe('release');
    // Default 2: both Istio webhooks fail closed, one istiod must be able to go.
    expect(prod?.istio.istiodReplicas).toBe(2);
    expect(load(shipped(['environments.0.istiodReplicas', 1])).environments[0]?.istio).toEqual({
      istiodReplicas: 1,
    });
    expect(dev?.gitops.targetRevision).toBe('main');
    // kong.upstream.privateDnsZone: Kong connects by the certificate's name in both environments.
    expect(prod?.kong.upstream.host).toEqual({
      kind: 'literal',
      value: 'gateway.internal.example.com',
    });
    expect(dev?.kong.upstream.host).toEqual(prod?.kong.upstream.host);
    expect(dev?.kong.upstream.privateDnsZone).toBe('internal.example.com');
    expect(prod?.aws.nodePools.user.instanceTypes).toEqual(['m7i.xlarge']);
    expect(prod?.aws.region).toBe('us-east-1');
    expect(dev?.aws.cluster.name).toBe('kong-cloud-gw-dev');
  });

  it('derives exactly one grant per referenced backend namespace, none for the gateway namespace', () => {
    const [dev] = load(shippedText).environments;
    expect(dev?.referenceGrants).toEqual([
      { namespace: 'api-services', fromNamespace: 'istio-ingress', serviceNames: ['users-api'] },
      {
        namespace: 'gateway-health',
        fromNamespace: 'istio-ingress',
        serviceNames: ['health-responder'],
      },
      {
        namespace: 'sample-apps',
        fromNamespace: 'istio-ingress',
        serviceNames: ['sample-app-1', 'sample-app-2'],
      },
    ]);
    const sameNamespace = shipped(['services.0.namespace', 'istio-ingress']);
    const grants = load(sameNamespace).environments[0]?.referenceGrants ?? [];
    expect(grants.map((g) => g.namespace)).not.toContain('istio-ingress');
  });

  it('lists the DECK_* variables each environment needs', () => {
    const [dev, prod] = load(shippedText).environments;
    expect(dev?.kong.requiredEnv).toEqual([
      'DECK_CLOUDFRONT_ORIGIN_SECRET',
      'DECK_CLOUDFRONT_ORIGIN_SECRET_NEXT',
      'DECK_DEMO_USER_JWT_SECRET',
      'DECK_GATEWAY_CA_CERT',
      'DECK_KONG_CLIENT_CERT',
      'DECK_KONG_CLIENT_KEY',
      'DECK_MANAGED_CACHE_PARTIAL_ID',
    ]);
    expect(prod?.kong.requiredEnv).toEqual(dev?.kong.requiredEnv);
    expect(dev?.kong.envSources.DECK_MANAGED_CACHE_PARTIAL_ID).toBe(
      'the id of the Redis partial Konnect created for add-on kong-cloud-gw-dev-managed-cache (Terraform output managed_cache_partial_id, once the add-on is ready)',
    );
    // Without the private zone: the NLB name from DECK_GATEWAY_UPSTREAM_HOST, or a stable name.
    const stableHost = shipped(
      ['kong.upstream.privateDnsZone', undefined],
      ['kong.upstream.hostEnv', 'DECK_GATEWAY_UPSTREAM_HOST'],
      ['environments.1.upstreamHost', 'gateway.prod.internal.example.com'],
    );
    const [devWithVariable, prodWithHost] = load(stableHost).environments;
    expect(devWithVariable?.kong.requiredEnv).toContain('DECK_GATEWAY_UPSTREAM_HOST');
    expect(prodWithHost?.kong.upstream.host).toEqual({
      kind: 'literal',
      value: 'gateway.prod.internal.example.com',
    });
    expect(prodWithHost?.kong.requiredEnv).not.toContain('DECK_GATEWAY_UPSTREAM_HOST');
  });

  it('gives the same Model whatever the order of the catalog lists', () => {
    const data = parse(shippedText) as Record<string, unknown[]>;
    const reverse = (list: unknown) => [...(list as unknown[])].reverse();
    const routes = reverse(data.routes) as Record<string, unknown>[];
    const users = routes.find((r) => r.name === 'users-api') ?? {};
    users.methods = reverse(users.methods);
    const reordered = stringify({
      ...data,
      routes,
      services: reverse(data.services),
      environments: reverse(data.environments),
    });
    expect(load(reordered)).toEqual(load(shippedText));
  });
});

describe('bad catalogs', () => {
  it.each(badCatalogs)('refuses %s', (_name, text, expected) => {
    const problems = problemsOf(text);
    expect(problems.join('\n')).toContain(expected);
    for (const problem of problems) expect(problem).toMatch(/^catalog\.yaml(:\d+:\d+)?[ :]/);
  });

  it('places problems on the line of the offending key', () => {
    const text = shippedText.replace('  targetRevision: main', '  targetRevison: main');
    const line = text.split('\n').findIndex((l) => l.includes('targetRevison')) + 1;
    expect(problemsOf(text).find((p) => p.includes('unknown key'))).toBe(
      `catalog.yaml:${line}:3 gitops.targetRevison: unknown key "targetRevison"; did you mean "targetRevision"?`,
    );
  });

  it('reports schema and semantic problems together', () => {
    const text = shipped(
      ['gateway.hostname', 'NOT A HOST'],
      ['routes.1.service', 'nope'],
      ['routes.2.paths', ['/app1']],
    );
    const problems = problemsOf(text).join('\n');
    expect(problems).toContain('gateway.hostname');
    expect(problems).toContain('routes[1].service');
    expect(problems).toContain('routes[2].paths[0]');
  });

  it('never repeats a secret in a message', () => {
    const token = ['kpat', '_abcdefghijklmnopqrstuvwxyz0123456789'].join('');
    const problems = problemsOf(shipped(['consumers.0.jwtCredentials.0.secretEnv', token]));
    expect(problems.join('\n')).not.toContain(token);
  });

  it('refuses files over the size cap', () => {
    const huge = `${shippedText}\n# ${'x'.repeat(16 * 1024 * 1024)}\n`;
    expect(problemsOf(huge)[0]).toContain('the limit is 16777216 bytes');
  });

  it('names a missing file', () => {
    expect(() => loadModel('/nonexistent/catalog.yaml', 'catalog.yaml')).toThrow(/file not found/);
  });

  it('accepts an empty route list when asked explicitly', () => {
    const text = shipped(
      ['routes', []],
      ['allowEmptyRoutes', true],
      ['environments.1.rateLimits', undefined],
    );
    expect(load(text).environments[0]?.routes).toEqual([]);
  });
});
