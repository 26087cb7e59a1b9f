import { repoRoot } from '@routeplane/test-support';
import { describe, expect, it } from 'vitest';
import { run } from './capture-io.fixture.js';
import {
  addStagingEnvironment,
  type CatalogEdit,
  moveSampleApp2,
  renderedEdit,
} from './git-repo.fixture.js';

interface RoutesJson {
  environments: {
    name: string;
    deck: { file: string; controlPlaneName: string; konnectAddr: string; selectTags: string[] };
    terraformDir: string;
    aws: { region: string };
    routes: { name: string; namespace: string; plugins: string[]; paths: string[] }[];
  }[];
}

const edited = renderedEdit;

async function routesJson(dir: string, ...extra: string[]): Promise<RoutesJson> {
  const result = await run(dir, ['routes', '--format', 'json', ...extra]);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as RoutesJson;
}

describe('routeplane routes', () => {
  it('lists every route of the shipped catalog as a table per environment', async () => {
    const result = await run(repoRoot, ['routes', '--env', 'dev']);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('dev: 4 route(s)');
    expect(lines[1]?.split(/\s+/)).toEqual([
      'route',
      'paths',
      'methods',
      'hosts',
      'plugins',
      'service',
      'namespace',
      'port',
    ]);
    expect(lines[5]?.split(/\s+/)).toEqual([
      'users-api',
      '/api/users',
      'DELETE,GET,OPTIONS,POST,PUT',
      'any',
      'jwt,rate-limiting-advanced,cors,request-transformer',
      'users-api',
      'api-services',
      '80',
    ]);
  });

  it('gives CI what it needs per environment in JSON', async () => {
    const { environments } = await routesJson(repoRoot);
    expect(environments.map((e) => [e.name, e.deck, e.terraformDir, e.aws])).toEqual(
      ['dev', 'prod'].map((env) => [
        env,
        {
          file: `deck/${env}/kong.yaml`,
          controlPlaneName: `kong-cloud-gw-${env}`,
          konnectAddr: 'https://us.api.konghq.com',
          selectTags: ['routeplane'],
          // Kong's CA and client certificate: the Secret cert-manager renews, read by CI
          certificates: {
            namespace: 'cert-manager',
            secret: 'kong-gateway-client',
            env: {
              'ca.crt': 'DECK_GATEWAY_CA_CERT',
              'tls.crt': 'DECK_KONG_CLIENT_CERT',
              'tls.key': 'DECK_KONG_CLIENT_KEY',
            },
          },
        },
        `generated/terraform/${env}`,
        { region: 'us-east-1', cluster: `kong-cloud-gw-${env}` },
      ]),
    );
  });

  it.each<[string, CatalogEdit, (json: RoutesJson) => unknown, unknown]>([
    [
      'add a route',
      (c) => {
        c.routes.push({ name: 'app3', paths: ['/app3'], service: 'sample-app-2' });
      },
      (j) => j.environments[0]?.routes.map((r) => r.name),
      ['app1', 'app2', 'app3', 'healthz', 'users-api'],
    ],
    [
      'move a service to another namespace',
      moveSampleApp2,
      (j) => j.environments[0]?.routes.find((r) => r.name === 'app2')?.namespace,
      'sample-apps-b',
    ],
    [
      'add an environment',
      addStagingEnvironment,
      (j) => j.environments.map((e) => `${e.name}:${e.routes.length}:${e.deck.controlPlaneName}`),
      ['dev:4:kong-cloud-gw-dev', 'prod:4:kong-cloud-gw-prod', 'staging:4:kong-cloud-gw-staging'],
    ],
    [
      'change a plugin (drop cors)',
      (c) => {
        const r = c.routes.find((x) => x.name === 'users-api') as {
          plugins: Record<string, unknown>;
        };
        delete r.plugins.cors;
      },
      (j) => j.environments[0]?.routes.find((r) => r.name === 'users-api')?.plugins,
      ['jwt', 'rate-limiting-advanced', 'request-transformer'],
    ],
  ])('%s', async (_what, edit, pick, want) => {
    expect(pick(await routesJson(await edited(edit)))).toEqual(want);
  });

  it('refuses an unknown environment with exit 2', async () => {
    const result = await run(repoRoot, ['routes', '--env', 'dve']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown environment "dve"');
  });
});

describe('routeplane explain', () => {
  it('on the shipped catalog says why /app10 matches no route, exit 1', async () => {
    const result = await run(repoRoot, ['explain', '/app10', '--env', 'dev']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'GET /app10 (Host at Kong: proxy.kong-cloud-gw-dev.example.com) in dev: rejected',
    );
    expect(result.stdout).toContain('app1 /app1/: /app10 does not start with /app1/');
  });

  it('offers JSON, exit 0 when delivered', async () => {
    const result = await run(repoRoot, [
      'explain',
      '/api/users',
      '--method',
      'post',
      '--env',
      'prod',
      '--format',
      'json',
    ]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as {
      outcome: string;
      request: { method: string };
      hops: { status: string }[];
    };
    expect(json.outcome).toBe('delivered');
    expect(json.request.method).toBe('POST');
    expect(json.hops.map((h) => h.status)).toEqual(Array(8).fill('pass'));
  });

  it('after adding a route for /app10, /app10 is delivered and /app1 still is', async () => {
    const dir = await edited((c) => {
      c.routes.push({ name: 'app10', paths: ['/app10'], service: 'sample-app-2' });
    });
    const app10 = await run(dir, ['explain', '/app10', '--env', 'dev']);
    expect(app10.code).toBe(0);
    expect(app10.stdout).toContain('selected route app10 of service sample-apps.sample-app-2');
    expect((await run(dir, ['explain', '/app1/x', '--env', 'dev'])).stdout).toContain(
      'the request reaches sample-apps/sample-app-1',
    );
  });

  it('after moving a service, follows it to its new namespace and grant', async () => {
    const dir = await edited(moveSampleApp2);
    const result = await run(dir, ['explain', '/app2', '--env', 'dev']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'ReferenceGrant sample-apps-b/httproutes-from-istio-ingress admits HTTPRoutes from istio-ingress to Service sample-app-2',
    );
  });

  it('after adding an environment, traces a request through its own files', async () => {
    const dir = await edited(addStagingEnvironment);
    const result = await run(dir, ['explain', '/app1', '--env', 'staging', '--format', 'json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as { environment: string; hops: { lines: string[] }[] };
    expect(json.environment).toBe('staging');
    expect(json.hops[4]?.lines[0]).toContain('security group kong-cloud-gw-staging-gateway-nlb');
  });

  it('after changing a plugin, lists the new configuration in the plugin hop', async () => {
    const dir = await edited((c) => {
      const users = c.routes.find((r) => r.name === 'users-api') as {
        plugins: { rateLimiting: { minute: number } };
      };
      users.plugins.rateLimiting.minute = 200;
    });
    const result = await run(dir, ['explain', '/api/users', '--env', 'dev']);
    expect(result.stdout).toContain(
      '4. rate-limiting-advanced (route users-api): 200/60s per consumer (fixed windows, strategy redis: one count for every data-plane node, synced every 0.5 s), else 429',
    );
  });

  it.each([
    [
      ['explain', 'app1', '--env', 'dev'],
      'the request path must start with "/", but "app1" was given',
    ],
    [['explain', '/app1'], "required option '-e, --env <name>' not specified"],
    [['explain', '/app1', '--env', 'qa'], 'unknown environment "qa"'],
  ])('refuses %j with exit 2', async (argv, message) => {
    const result = await run(repoRoot, argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
