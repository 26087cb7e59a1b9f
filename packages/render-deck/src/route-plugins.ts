import type { KongPlugin } from '@routeplane/deck-types';
import {
  type CorsPluginModel,
  compareText,
  deckEnvRef,
  type JwtPluginModel,
  type RequestTransformerPluginModel,
  type RouteModel,
} from '@routeplane/model';
import { DeckRenderError } from './errors.js';
import { type CounterStores, rateLimitPlugin } from './rate-limit-plugin.js';

type Config = Record<string, unknown>;

/**
 * jwt. `run_on_preflight` stays true: the cors plugin (priority 2000) answers preflights before jwt
 * (priority 1450) runs, so CORS works without letting other OPTIONS requests through unauthenticated.
 */
function jwtConfig(jwt: JwtPluginModel): Config {
  return {
    key_claim_name: jwt.keyClaimName,
    claims_to_verify: [...jwt.claimsToVerify],
    ...(jwt.maximumExpiration === undefined ? {} : { maximum_expiration: jwt.maximumExpiration }),
    run_on_preflight: true,
  };
}

/** cors. Browsers refuse `*` with credentials and it would reflect every origin: never render it. */
function corsConfig(route: RouteModel, cors: CorsPluginModel): Config {
  if (cors.credentials && cors.origins.includes('*')) {
    throw new DeckRenderError(
      `route ${route.name}: plugins.cors.origins must list explicit origins when credentials is true, but "*" was given`,
    );
  }
  // A preflight is an OPTIONS request: a route limited to other methods never lets it reach cors.
  if (route.methods.length > 0 && !route.methods.includes('OPTIONS')) {
    throw new DeckRenderError(
      `route ${route.name}: methods must include OPTIONS when plugins.cors is set (browsers send preflights as OPTIONS), but ${JSON.stringify(route.methods)} was given`,
    );
  }
  return {
    origins: [...cors.origins],
    ...(cors.methods.length > 0 ? { methods: [...cors.methods] } : {}),
    ...(cors.headers.length > 0 ? { headers: [...cors.headers] } : {}),
    ...(cors.exposedHeaders.length > 0 ? { exposed_headers: [...cors.exposedHeaders] } : {}),
    credentials: cors.credentials,
    ...(cors.maxAge === undefined ? {} : { max_age: cors.maxAge }),
    preflight_continue: false,
  };
}

const headerName = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;

/** The backend's shared secret: a header Kong adds, its value from a DECK_* variable. */
export interface SharedSecretHeader {
  readonly name: string;
  readonly valueEnv: string;
}

/**
 * The route's request-transformer with the backend's shared-secret header added. Kong runs one
 * instance of a plugin per request, the most specific (route over service: kong/runloop/
 * plugins_iterator.lua), so the secret goes into each route's own request-transformer, never a
 * service-level one a route-level instance would shadow.
 */
function withSharedSecret(
  route: RouteModel,
  rt: RequestTransformerPluginModel | undefined,
  secret: SharedSecretHeader | undefined,
): RequestTransformerPluginModel | undefined {
  if (secret === undefined) return rt;
  const own = rt ?? { addHeaders: [], removeHeaders: [] };
  if (own.addHeaders.some(([n]) => n.toLowerCase() === secret.name.toLowerCase())) {
    throw new DeckRenderError(
      `route ${route.name}: plugins.requestTransformer.addHeaders must not set ${secret.name}, the shared-secret header of its service, but it does`,
    );
  }
  // request-transformer removes before it adds (kong/plugins/request-transformer/access.lua), and
  // `add` skips a header the request already has: removing first means a client's own value never
  // stands in for the secret.
  const addHeaders = [...own.addHeaders, [secret.name, deckEnvRef(secret.valueEnv)] as const];
  const removeHeaders = own.removeHeaders.includes(secret.name)
    ? own.removeHeaders
    : [...own.removeHeaders, secret.name];
  return {
    addHeaders: addHeaders.sort(([a], [b]) => compareText(a, b)),
    removeHeaders: [...removeHeaders].sort(compareText),
  };
}

/** request-transformer takes `Name:value` strings; a bad name would shift the split point. */
function requestTransformerConfig(route: RouteModel, rt: RequestTransformerPluginModel): Config {
  for (const name of [...rt.addHeaders.map(([n]) => n), ...rt.removeHeaders]) {
    if (!headerName.test(name)) {
      throw new DeckRenderError(
        `route ${route.name}: plugins.requestTransformer header names must be HTTP tokens, but ${JSON.stringify(name)} was given`,
      );
    }
  }
  return {
    ...(rt.addHeaders.length > 0
      ? { add: { headers: rt.addHeaders.map(([name, value]) => `${name}:${value}`) } }
      : {}),
    ...(rt.removeHeaders.length > 0 ? { remove: { headers: [...rt.removeHeaders] } } : {}),
  };
}

/** The route's plugins, sorted by plugin name. */
export function routePlugins(
  route: RouteModel,
  tags: readonly string[],
  stores: CounterStores = {},
  sharedSecret?: SharedSecretHeader,
): KongPlugin[] {
  const { plugins } = route;
  const transformer = withSharedSecret(route, plugins.requestTransformer, sharedSecret);
  const entries: [string, Config | undefined][] = [
    ['cors', plugins.cors && corsConfig(route, plugins.cors)],
    ['jwt', plugins.jwt && jwtConfig(plugins.jwt)],
    ['request-transformer', transformer && requestTransformerConfig(route, transformer)],
  ];
  const rendered: KongPlugin[] = entries.flatMap(([name, config]) =>
    config === undefined ? [] : [{ name, config, tags: [...tags] }],
  );
  if (plugins.rateLimiting)
    rendered.push(rateLimitPlugin(route, plugins.rateLimiting, tags, stores));
  // Custom plugins take the defaults of their schema.lua: Kong fills `config` from it on sync.
  const custom = (plugins.custom ?? []).map((name) => ({ name, tags: [...tags] }));
  return [...rendered, ...custom].sort((a, b) => compareText(a.name, b.name));
}
