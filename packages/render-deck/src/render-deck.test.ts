import { fixtureEnvironment, fixtureModel } from '@routeplane/catalog/testing';
import type { EnvironmentModel } from '@routeplane/model';
import { deckEnvRef } from '@routeplane/model';
import { deckValidator, formatSchemaErrors, haveSharedSchemas } from '@routeplane/test-support';
import { describe, expect, it } from 'vitest';
import { DeckRenderError } from './errors.js';
import { renderDeck, renderKongFile } from './render-deck.js';

describe('renderDeck', () => {
  it('renders one deck/<env>/kong.yaml per environment', () => {
    const files = renderDeck(fixtureModel());
    expect(files.map((f) => f.path)).toEqual(['deck/dev/kong.yaml', 'deck/prod/kong.yaml']);
    expect(files[0]?.content.kind).toBe('yaml');
  });

  it('scopes the file to the control plane and the select tags', () => {
    const file = renderKongFile(fixtureEnvironment());
    expect(file._format_version).toBe('3.0');
    expect(file._konnect).toEqual({ control_plane_name: 'kong-cloud-gw-dev' });
    expect(file._info).toEqual({ select_tags: ['routeplane'] });
  });

  it('tags every entity with the select tags', () => {
    const file = renderKongFile(fixtureEnvironment());
    const untagged: string[] = [];
    const visit = (node: unknown, at: string, isEntity: boolean): void => {
      if (Array.isArray(node)) {
        for (const [i, item] of node.entries()) visit(item, `${at}[${i}]`, true);
      } else if (typeof node === 'object' && node !== null) {
        const record = node as Record<string, unknown>;
        if (isEntity && !JSON.stringify(record.tags ?? []).includes('routeplane'))
          untagged.push(at);
        for (const [key, value] of Object.entries(record)) {
          // configs and field values are not entities; only arrays of entity lists are walked
          if (['config', '_info', '_konnect', 'tags'].includes(key)) continue;
          if (Array.isArray(value) && value.every((v) => typeof v === 'object'))
            visit(value, `${at}.${key}`, true);
        }
      }
    };
    visit(file, '', false);
    expect(untagged).toEqual([]);
  });

  it('reaches the gateway NLB through an upstream that sets Host and SNI to the listener hostname', () => {
    const file = renderKongFile(fixtureEnvironment());
    expect(file.upstreams).toEqual([
      {
        name: 'kong-cloud-gw-gateway.istio-ingress.routeplane',
        host_header: 'gateway.internal.example.com',
        targets: [
          { target: `${deckEnvRef('DECK_GATEWAY_UPSTREAM_HOST')}:443`, tags: ['routeplane'] },
        ],
        tags: ['routeplane'],
      },
    ]);
    for (const service of file.services ?? []) {
      expect(service).toMatchObject({
        protocol: 'https',
        host: 'kong-cloud-gw-gateway.istio-ingress.routeplane',
        port: 443,
      });
    }
  });

  it('uses a literal upstream host when the environment has a stable DNS name', () => {
    // the fixture's prod names one (`upstreamHost`)
    const file = renderKongFile(fixtureEnvironment(undefined, 'prod'));
    expect(file.upstreams?.[0]?.targets?.[0]?.target).toBe('gateway.prod.internal.example.com:443');
  });

  it('verifies the gateway with the cluster CA and presents the client certificate on every service', () => {
    const file = renderKongFile(fixtureEnvironment());
    const caId = file.ca_certificates?.[0]?.id;
    const certId = file.certificates?.[0]?.id;
    expect(file.ca_certificates).toEqual([
      { id: caId, cert: deckEnvRef('DECK_GATEWAY_CA_CERT'), tags: ['routeplane'] },
    ]);
    expect(file.certificates).toEqual([
      {
        id: certId,
        cert: deckEnvRef('DECK_KONG_CLIENT_CERT'),
        key: deckEnvRef('DECK_KONG_CLIENT_KEY'),
        tags: ['routeplane'],
      },
    ]);
    expect(file.services).toHaveLength(4);
    for (const service of file.services ?? []) {
      expect(service).toMatchObject({
        tls_verify: true,
        tls_verify_depth: 1,
        ca_certificates: [caId],
        client_certificate: certId,
      });
    }
  });

  it('keeps certificate ids across renewals and apart across environments and CA names', () => {
    const ids = (env: EnvironmentModel) => {
      const f = renderKongFile(env);
      return [f.ca_certificates?.[0]?.id, f.certificates?.[0]?.id];
    };
    const dev = ids(fixtureEnvironment());
    expect(dev.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-/.test(id ?? ''))).toBe(true);
    expect(ids(fixtureEnvironment())).toEqual(dev);
    expect(new Set([...dev, ...ids(fixtureEnvironment(undefined, 'prod'))]).size).toBe(4);
    const renamed = ids(
      fixtureEnvironment((c) => {
        c.gateway.pki = { caName: 'other-ca' };
      }),
    );
    expect(renamed[0]).not.toBe(dev[0]);
    const depth = fixtureEnvironment((c) => {
      c.kong.upstream.tlsVerifyDepth = 3;
    });
    expect(renderKongFile(depth).services?.[0]?.tls_verify_depth).toBe(3);
  });

  it('renders one service per backend with its routes nested', () => {
    const file = renderKongFile(fixtureEnvironment());
    expect(file.services?.map((s) => [s.name, s.routes?.map((r) => r.name)])).toEqual([
      ['api-services.users-api', ['users-api']],
      ['gateway-health.health-responder', ['healthz']],
      ['sample-apps.sample-app-1', ['app1']],
      ['sample-apps.sample-app-2', ['app2']],
    ]);
    expect(file.services?.[2]?.routes?.[0]).toMatchInlineSnapshot(`
      {
        "https_redirect_status_code": 426,
        "name": "app1",
        "path_handling": "v0",
        "paths": [
          "~/app1$",
          "/app1/",
        ],
        "preserve_host": false,
        "protocols": [
          "https",
        ],
        "strip_path": false,
        "tags": [
          "routeplane",
        ],
      }
    `);
  });

  it('renders route plugins from the catalog', () => {
    const route = renderKongFile(fixtureEnvironment()).services?.[0]?.routes?.[0];
    expect(route?.methods).toEqual(['GET', 'OPTIONS', 'POST']);
    expect(route?.plugins?.map((p) => [p.name, p.config])).toMatchInlineSnapshot(`
      [
        [
          "cors",
          {
            "credentials": true,
            "headers": [
              "Authorization",
            ],
            "max_age": 3600,
            "methods": [
              "GET",
              "POST",
            ],
            "origins": [
              "https://app.example.com",
            ],
            "preflight_continue": false,
          },
        ],
        [
          "jwt",
          {
            "claims_to_verify": [
              "exp",
            ],
            "key_claim_name": "iss",
            "run_on_preflight": true,
          },
        ],
        [
          "rate-limiting",
          {
            "limit_by": "consumer",
            "minute": 100,
            "policy": "local",
          },
        ],
        [
          "request-transformer",
          {
            "add": {
              "headers": [
                "X-Gateway-Source:kong-konnect",
              ],
            },
          },
        ],
      ]
    `);
  });

  it('checks the CloudFront header globally with the value read from a DECK_ variable', () => {
    const plugins = renderKongFile(fixtureEnvironment()).plugins ?? [];
    expect(plugins.map((p) => p.name)).toEqual(['pre-function']);
    const [lua] = (plugins[0]?.config?.access as string[] | undefined) ?? [];
    expect(lua).toContain(`local current = [==[${deckEnvRef('DECK_CLOUDFRONT_ORIGIN_SECRET')}]==]`);
    expect(lua).toContain('kong.request.get_header("X-Origin-Verify")');
    expect(lua).toContain('kong.service.request.clear_header("X-Origin-Verify")');
    const without = fixtureEnvironment((c) => {
      delete c.kong.cloudfrontOriginHeader;
    });
    expect(renderKongFile(without).plugins).toBeUndefined();
  });

  it('renders consumers whose JWT secrets are DECK_ references', () => {
    expect(renderKongFile(fixtureEnvironment()).consumers).toEqual([
      {
        username: 'demo-user',
        tags: ['routeplane'],
        jwt_secrets: [
          {
            key: 'demo-issuer',
            algorithm: 'HS256',
            secret: deckEnvRef('DECK_DEMO_USER_JWT_SECRET'),
            tags: ['routeplane'],
          },
        ],
      },
    ]);
  });

  it('is deterministic', () => {
    const model = fixtureModel();
    expect(JSON.stringify(renderDeck(model))).toBe(JSON.stringify(renderDeck(model)));
  });
});

// The loader refuses each of these, so they are built by hand: the renderer's own guards.
describe('refuses configurations Kong would get wrong', () => {
  const env = fixtureEnvironment();
  const users = env.routes.find((r) => r.name === 'users-api');
  if (users === undefined) throw new Error('fixture lost users-api');
  const withUsers = (plugins: typeof users.plugins): EnvironmentModel => ({
    ...env,
    routes: env.routes.map((r) => (r === users ? { ...users, plugins } : r)),
  });

  it.each([
    [
      'wildcard CORS origin with credentials',
      withUsers({
        cors: { origins: ['*'], methods: [], headers: [], exposedHeaders: [], credentials: true },
      }),
      /cors.origins must list explicit origins/,
    ],
    [
      'CORS on a route that refuses OPTIONS',
      {
        ...env,
        routes: [
          {
            ...users,
            methods: ['GET'],
            plugins: {
              cors: {
                origins: ['https://a.example'],
                methods: [],
                headers: [],
                exposedHeaders: [],
                credentials: false,
              },
            },
          },
        ],
      },
      /must include OPTIONS/,
    ],
    [
      'redis rate limiting without a server',
      withUsers({ rateLimiting: { minute: 1, policy: 'redis', limitBy: 'ip' } }),
      /policy must be local/,
    ],
    [
      'rate limiting without a window',
      withUsers({ rateLimiting: { policy: 'local', limitBy: 'ip' } }),
      /at least one of/,
    ],
    [
      'a header name with a colon',
      withUsers({ requestTransformer: { addHeaders: [['X-A:b', 'c']], removeHeaders: [] } }),
      /HTTP tokens/,
    ],
    ['a route without backend', { ...env, services: [] }, /reference no backend/],
  ])('%s', (_name, input, message) => {
    expect(() => renderKongFile(input)).toThrow(DeckRenderError);
    expect(() => renderKongFile(input)).toThrow(message);
  });
});

describe.runIf(haveSharedSchemas())('official decK schema', () => {
  it.each([
    ['fixture', fixtureEnvironment()],
    [
      'fixture with a literal host, no CloudFront check',
      fixtureEnvironment((c) => {
        delete c.kong.cloudfrontOriginHeader;
        c.environments[0].upstreamHost = 'gw.internal';
      }),
    ],
  ])('validates the rendered %s', (_name, env) => {
    const validate = deckValidator();
    const ok = validate(renderKongFile(env));
    expect(formatSchemaErrors(validate.errors)).toEqual([]);
    expect(ok).toBe(true);
  });
});
