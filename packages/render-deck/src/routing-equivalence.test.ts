/**
 * Property: for every client request (Host, method, path), Kong (reading the rendered kong.yaml)
 * and Gateway API (reading the rendered HTTPRoutes and Gateway listener, given the request Kong
 * forwards) send it to the same backend, or both to none; Kong may refuse a request the gateway
 * would take only for its Host, which the HTTPRoutes never see. Route sets are drawn with paths,
 * methods and hosts (exact and wildcard), resolved by the loader and rendered by renderDeck and
 * renderK8s (routing-sides.fixture.ts). The two matchers are independent models, see
 * @routeplane/router-models for the documentation each follows.
 */
import { join } from 'node:path';
import type { Route } from '@routeplane/catalog';
import { CatalogError, loadModel } from '@routeplane/catalog';
import {
  fixtureEnvironment,
  fixtureModel,
  fixtureService,
  replaceServicesAndRoutes,
} from '@routeplane/catalog/testing';
import type { EnvironmentModel, Model } from '@routeplane/model';
import { repoRoot } from '@routeplane/test-support';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DeckRenderError } from './errors.js';
import { renderKongFile } from './render-deck.js';
import { type ClientRequest, renderRoutingSides, routeRequest } from './routing-sides.fixture.js';

const methods = ['GET', 'POST', 'DELETE'] as const;

/** Hosts a route may claim: exact, wildcard, and a wildcard below an exact name. */
const routeHosts = fc.constantFrom<readonly string[]>(
  [],
  [],
  ['api.example.com'],
  ['*.example.com'],
  ['shop.example.com', '*.shop.example.com'],
);
/** Client Hosts: each route host, case and port variants, sub-domains, the apex and strangers. */
const clientHost = fc.constantFrom(
  'api.example.com',
  'API.Example.com',
  'api.example.com:443',
  'shop.example.com',
  'a.shop.example.com',
  'x.y.example.com',
  'example.com',
  'other.org',
);

/** Kong and Gateway API (on what Kong forwarded) send the request to the same backend, or to none. */
function expectSameBackend(
  sides: ReturnType<typeof renderRoutingSides>,
  request: ClientRequest,
): void {
  const outcome = routeRequest(sides, request);
  const label = `${request.method} ${request.host}${request.path}`;
  expect(outcome.kong, label).not.toBe('ambiguous');
  expect(outcome.gateway, `${label} (Kong) vs Gateway API`).toBe(outcome.kong);
  // Kong refused: the gateway, seeing the same path, refuses it too, unless only the client's
  // Host (which the HTTPRoutes never see) kept Kong's twin of the route from matching
  if (outcome.kong === 'none' && !outcome.refusedByHost) {
    expect(outcome.gatewayIfSent, `${label}: refused by Kong, not by Gateway API`).toBe('none');
  }
}

const segment = fc.constantFrom(
  'app',
  'app1',
  'app10',
  'api',
  'users',
  'usersx',
  'v1.0',
  'v1x0',
  'a+b',
  'x(y)',
  'A',
);
const prefix = fc.oneof(
  { weight: 1, arbitrary: fc.constant('/') },
  {
    weight: 6,
    arbitrary: fc.array(segment, { minLength: 1, maxLength: 3 }).map((s) => `/${s.join('/')}`),
  },
);
const suffix = fc.constantFrom(
  '',
  '',
  '/',
  '0',
  'x',
  '/x',
  '/x/y',
  '//',
  '//x',
  '/./',
  '/../',
  '/..',
  '/.',
  '.',
  '%2F',
  '%2f',
  '/%2e%2e/',
  '%0A',
  '%0a',
  '%20',
  '?q=/x',
  '?',
  ';v=1',
  '#f',
  '/?a=b',
  'X',
  '%7E',
  '~',
);

/** A request path near one of the prefixes: near-misses, encodings, slashes, dot segments. */
function requestPath(prefixes: readonly string[]): fc.Arbitrary<string> {
  const base = prefixes.length > 0 ? fc.oneof(fc.constantFrom(...prefixes), prefix) : prefix;
  return fc
    .record({
      base,
      suffix,
      encodeAt: fc.option(fc.nat(), { nil: undefined }),
      lowerHex: fc.boolean(),
      doubleSlashAt: fc.option(fc.nat(), { nil: undefined }),
      upper: fc.boolean(),
    })
    .map(({ base, suffix, encodeAt, lowerHex, doubleSlashAt, upper }) => {
      let path = (base === '/' ? '' : base) + suffix;
      if (!path.startsWith('/')) path = `/${path}`;
      if (encodeAt !== undefined) {
        const i = 1 + (encodeAt % Math.max(1, path.length - 1));
        const c = path.charAt(i);
        if (c !== '') {
          const hex = c.charCodeAt(0).toString(16).padStart(2, '0');
          path = `${path.slice(0, i)}%${lowerHex ? hex : hex.toUpperCase()}${path.slice(i + 1)}`;
        }
      }
      if (doubleSlashAt !== undefined) {
        const slashes = [...path.matchAll(/\//g)].map((m) => m.index);
        const at = slashes[doubleSlashAt % slashes.length] ?? 0;
        path = `${path.slice(0, at)}/${path.slice(at)}`;
      }
      return upper ? path.replace(/app/, 'APP') : path;
    });
}

type Method = NonNullable<Route['methods']>[number];

/** Two backends sharing a namespace and one in another (the catalog wants unique names). */
const backends = [
  fixtureService('one', 'ns-a', '/one-health', []),
  fixtureService('two', 'ns-a', '/two-health', []),
  fixtureService('three', 'ns-b', '/three-health', []),
];

interface RouteSpec {
  readonly paths: readonly string[];
  readonly methods: readonly Method[];
  readonly hosts?: readonly string[];
  readonly backend: number;
}

/** Compact specs (so counterexamples stay readable), turned into an environment in the property. */
const routeSpecs = fc
  .array(
    fc.record({
      paths: fc.uniqueArray(prefix, { minLength: 1, maxLength: 3 }),
      methods: fc.constantFrom<readonly Method[]>([], [], ['GET'], ['GET', 'POST'], ['DELETE']),
      hosts: routeHosts,
      backend: fc.nat({ max: backends.length - 1 }),
    }),
    { minLength: 1, maxLength: 6 },
  )
  // the catalog refuses the same prefix in two routes
  .filter(
    (routes) =>
      new Set(routes.flatMap((r) => r.paths)).size === routes.flatMap((r) => r.paths).length,
  );

function catalogRoutes(specs: readonly RouteSpec[]): Route[] {
  return specs.map((r, i): Route => {
    const backend = backends[r.backend];
    if (backend === undefined) throw new Error(`no backend ${r.backend}`);
    const [first, ...rest] = r.paths;
    if (first === undefined) throw new Error(`route r${i} has no path`);
    return {
      name: `r${i}`,
      paths: [first, ...rest] as Route['paths'],
      service: backend.name,
      ...(r.methods.length > 0 ? { methods: [...r.methods] } : {}),
      ...(r.hosts !== undefined && r.hosts.length > 0 ? { hosts: [...r.hosts] } : {}),
    };
  });
}

/** The fixture's dev environment with exactly these routes, resolved by the loader. */
function environmentFrom(specs: readonly RouteSpec[]): EnvironmentModel {
  return fixtureEnvironment((c) => {
    replaceServicesAndRoutes(c, structuredClone(backends), catalogRoutes(specs));
  });
}

/** The fixture's catalog with exactly these routes, its dev environment only. */
function modelFrom(specs: readonly RouteSpec[]): Model {
  const model = fixtureModel((c) => {
    replaceServicesAndRoutes(c, structuredClone(backends), catalogRoutes(specs));
  });
  return { ...model, environments: model.environments.filter((e) => e.name === 'dev') };
}

/** A client request near the routes: their hosts and paths, and near-misses of both. */
function clientRequests(specs: readonly RouteSpec[]): fc.Arbitrary<ClientRequest[]> {
  const hosts = [...new Set(specs.flatMap((r) => r.hosts ?? []))].map((h) =>
    h.replace(/^\*\./, 'any.'),
  );
  const host = hosts.length > 0 ? fc.oneof(fc.constantFrom(...hosts), clientHost) : clientHost;
  return fc.array(
    fc.record({
      host,
      method: fc.constantFrom(...methods, 'OPTIONS'),
      path: requestPath(specs.flatMap((r) => r.paths)),
    }),
    { minLength: 20, maxLength: 40 },
  );
}

describe('Kong and Gateway API route every request alike', () => {
  // Each run resolves a catalog and renders its kong.yaml and Kubernetes objects (about 40 ms).
  it('for random route sets (paths, methods, hosts) and many near-miss requests', () => {
    const runs = 120;
    let refused = 0;
    fc.assert(
      fc.property(
        routeSpecs.chain((specs) => fc.tuple(fc.constant(specs), clientRequests(specs))),
        ([specs, requests]) => {
          let model: Model;
          try {
            model = modelFrom(specs);
          } catch (error) {
            // the loader refused a route set Kong would order differently: never rendered
            if (!(error instanceof CatalogError)) throw error;
            refused++;
            return;
          }
          const sides = renderRoutingSides(model);
          for (const request of requests) expectSameBackend(sides, request);
        },
      ),
      { numRuns: runs, seed: 20261202 },
    );
    // most drawn route sets must be rendered and compared, not refused
    expect(refused).toBeLessThan(runs / 2);
  }, 120_000);

  describe('the fixture catalog, dev', () => {
    const fixture = fixtureModel();
    const sides = renderRoutingSides({
      ...fixture,
      environments: fixture.environments.filter((e) => e.name === 'dev'),
    });
    it.each([
      ['/app1', 'sample-apps/sample-app-1'],
      ['/app1/', 'sample-apps/sample-app-1'],
      ['/app1/x', 'sample-apps/sample-app-1'],
      ['/app10', 'none'],
      ['/app1x', 'none'],
      ['/%61pp1', 'sample-apps/sample-app-1'],
      ['/app1%2Fx', 'none'],
      ['//app1', 'sample-apps/sample-app-1'],
      ['/api/users', 'api-services/users-api'],
      ['/api/usersx', 'none'],
      ['/api/users/../../app1', 'sample-apps/sample-app-1'],
    ])('GET %s goes to %s in both', (path, backend) => {
      const outcome = routeRequest(sides, { host: 'api.dev.example.com', method: 'GET', path });
      expect([outcome.kong, outcome.gateway]).toEqual([backend, backend]);
    });
  });

  it('for the shipped catalog, every environment', () => {
    const model = loadModel(join(repoRoot, 'catalog.yaml'));
    for (const env of model.environments) {
      const sides = renderRoutingSides({ ...model, environments: [env] });
      const prefixes = env.routes.flatMap((r) => r.paths);
      fc.assert(
        fc.property(
          requestPath(prefixes),
          fc.constantFrom(...methods, 'OPTIONS', 'PUT'),
          clientHost,
          (path, method, host) => expectSameBackend(sides, { host, method, path }),
        ),
        { numRuns: 3000, seed: 7 },
      );
    }
  });
});

describe('the precedence guard', () => {
  it('refuses a shorter prefix with methods in front of a longer one without', () => {
    const broad: RouteSpec = { paths: ['/api'], methods: ['GET'], backend: 0 };
    const narrow: RouteSpec = { paths: ['/api/users'], methods: [], backend: 1 };
    // the loader refuses this route set first, so the guard is tested on a hand-edited Model
    expect(() => environmentFrom([broad, narrow])).toThrow(CatalogError);
    const valid = environmentFrom([{ ...broad, methods: [] }, narrow]);
    const env: EnvironmentModel = {
      ...valid,
      routes: valid.routes.map((r) => (r.name === 'r0' ? { ...r, methods: ['GET'] } : r)),
    };
    expect(() => renderKongFile(env)).toThrow(DeckRenderError);
    expect(() => renderKongFile(env)).toThrow(
      /route r0 .* would win over the longer prefix \/api\/users of route r1/,
    );
  });
});
