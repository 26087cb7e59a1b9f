/**
 * Property: for every request, Kong (reading the rendered kong.yaml) and Gateway API (reading the
 * routes' PathPrefix values, as the HTTPRoutes carry them) send it to the same backend, or both to
 * none. The two matchers are independent models, see @routeplane/router-models for the documentation each follows.
 */
import { join } from 'node:path';
import type { Route } from '@routeplane/catalog';
import { CatalogError, loadModel } from '@routeplane/catalog';
import {
  fixtureEnvironment,
  fixtureService,
  replaceServicesAndRoutes,
} from '@routeplane/catalog/testing';
import type { EnvironmentModel } from '@routeplane/model';
import {
  type GatewayRoute,
  gatewaySelect,
  kongForwardedPath,
  kongSelect,
} from '@routeplane/router-models';
import { repoRoot } from '@routeplane/test-support';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DeckRenderError } from './errors.js';
import { renderKongFile } from './render-deck.js';
import { kongServiceName } from './services.js';

const methods = ['GET', 'POST', 'DELETE'] as const;

function gatewayRoutes(env: EnvironmentModel): GatewayRoute[] {
  return env.routes.map((r) => ({
    backend: `${r.backend.namespace}/${r.backend.name}`,
    prefixes: r.paths,
    methods: r.methods,
  }));
}

/** Both picks as `<namespace>/<name>` of the backend, or `none` / `ambiguous`. */
function picks(env: EnvironmentModel, method: string, rawPath: string): [string, string] {
  const kongFile = renderKongFile(env);
  const byServiceName = new Map(
    env.services.map((s) => [kongServiceName(s), `${s.namespace}/${s.name}`]),
  );
  const kong = kongSelect(kongFile, method, rawPath);
  const gateway = gatewaySelect(gatewayRoutes(env), method, kongForwardedPath(rawPath));
  return [
    typeof kong === 'string'
      ? kong
      : (byServiceName.get(kong.service) ?? `unknown ${kong.service}`),
    typeof gateway === 'string' ? gateway : gateway.backend,
  ];
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
  readonly backend: number;
}

/** Compact specs (so counterexamples stay readable), turned into an environment in the property. */
const routeSpecs = fc
  .array(
    fc.record({
      paths: fc.uniqueArray(prefix, { minLength: 1, maxLength: 3 }),
      methods: fc.constantFrom<readonly Method[]>([], [], ['GET'], ['GET', 'POST'], ['DELETE']),
      backend: fc.nat({ max: backends.length - 1 }),
    }),
    { minLength: 1, maxLength: 6 },
  )
  // the catalog refuses the same prefix in two routes
  .filter(
    (routes) =>
      new Set(routes.flatMap((r) => r.paths)).size === routes.flatMap((r) => r.paths).length,
  );

/** The fixture's dev environment with exactly these routes, resolved by the loader. */
function environmentFrom(specs: readonly RouteSpec[]): EnvironmentModel {
  return fixtureEnvironment((c) => {
    const routes = specs.map((r, i): Route => {
      const backend = backends[r.backend];
      if (backend === undefined) throw new Error(`no backend ${r.backend}`);
      const [first, ...rest] = r.paths;
      if (first === undefined) throw new Error(`route r${i} has no path`);
      return {
        name: `r${i}`,
        paths: [first, ...rest] as Route['paths'],
        service: backend.name,
        ...(r.methods.length > 0 ? { methods: [...r.methods] } : {}),
      };
    });
    replaceServicesAndRoutes(c, structuredClone(backends), routes);
  });
}

describe('Kong and Gateway API route every request alike', () => {
  // Each run resolves a catalog (about 2 s in all): the timeout leaves room for a busy machine.
  it('for random route sets and thousands of near-miss paths', () => {
    const runs = 400;
    let refused = 0;
    fc.assert(
      fc.property(
        routeSpecs.chain((specs) =>
          fc.tuple(
            fc.constant(specs),
            fc.array(requestPath(specs.flatMap((r) => r.paths)), { minLength: 10, maxLength: 20 }),
          ),
        ),
        ([specs, paths]) => {
          let env: EnvironmentModel;
          try {
            env = environmentFrom(specs);
          } catch (error) {
            // the loader refused a route set Kong would order differently: never rendered
            if (!(error instanceof CatalogError)) throw error;
            refused++;
            return;
          }
          // what the loader accepts, the renderer's own precedence guard accepts too
          expect(() => renderKongFile(env)).not.toThrow();
          for (const path of paths) {
            for (const method of methods) {
              const [kong, gateway] = picks(env, method, path);
              expect(kong, `${method} ${path}`).not.toBe('ambiguous');
              expect(kong, `${method} ${path} (Kong) vs Gateway API`).toBe(gateway);
            }
          }
        },
      ),
      { numRuns: runs, seed: 20261123 },
    );
    // most drawn route sets must be rendered and compared, not refused
    expect(refused).toBeLessThan(runs / 2);
  }, 120_000);

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
  ])('fixture: GET %s goes to %s in both', (path, backend) => {
    expect(picks(fixtureEnvironment(), 'GET', path)).toEqual([backend, backend]);
  });

  it('for the shipped catalog, every environment', () => {
    const model = loadModel(join(repoRoot, 'catalog.yaml'));
    for (const env of model.environments) {
      const prefixes = env.routes.flatMap((r) => r.paths);
      fc.assert(
        fc.property(
          requestPath(prefixes),
          fc.constantFrom(...methods, 'OPTIONS', 'PUT'),
          (path, method) => {
            const [kong, gateway] = picks(env, method, path);
            expect(kong, `${env.name}: ${method} ${path}`).toBe(gateway);
          },
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
