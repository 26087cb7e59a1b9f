import type {
  DataPlaneGroupsModel,
  EcsFargateModel,
  GatewayModel,
  KongModel,
} from '@routeplane/model';
import { compareText } from '@routeplane/model';
import type { CatalogWithDefaults, Environment } from './catalog-with-defaults.generated.js';
import type { CustomPluginSource } from './custom-plugin-files.js';
import { edgeKind } from './edge-kind.js';
import { effectiveAws } from './environment-overrides.js';
import { resolveDataPlaneGroups, upstreamHost } from './resolve-dedicated-data-plane.js';
import { dataPlaneBaseRps, kongUpstreamPort } from './resolve-derived-defaults.js';
import { deckEnvSources, nlbHostSource } from './resolve-pki.js';
import { resolveManagedCache, usesSharedCounters } from './resolve-rate-limits.js';

/** The Kong model with `kong.customPlugins` and the Lua the loader read for each. */
export function withCustomPlugins(
  kong: KongModel,
  catalog: CatalogWithDefaults,
  sources: ReadonlyMap<string, CustomPluginSource>,
): KongModel {
  const declared = catalog.kong.customPlugins ?? [];
  if (declared.length === 0) return kong;
  const customPlugins = declared
    .map((plugin) => {
      const source = sources.get(plugin.name);
      if (!source)
        throw new Error(`resolve: no Lua source was read for custom plugin ${plugin.name}`);
      return { name: plugin.name, handler: source.handler, schema: source.schema };
    })
    .sort((a, b) => compareText(a.name, b.name));
  return { ...kong, customPlugins };
}

export function resolveKong(
  catalog: CatalogWithDefaults,
  env: Environment,
  gateway: GatewayModel,
  ecsFargate: EcsFargateModel | undefined,
): KongModel {
  const k = catalog.kong;
  const host = upstreamHost(k.upstream, env, gateway);
  const consumers = [...(catalog.consumers ?? [])]
    .map((c) => ({
      username: c.username,
      jwtCredentials: [...(c.jwtCredentials ?? [])]
        .map((j) => ({ key: j.key, algorithm: j.algorithm, secretEnv: j.secretEnv }))
        .sort((a, b) => compareText(a.key, b.key)),
    }))
    .sort((a, b) => compareText(a.username, b.username));
  const tls = {
    caCertificateEnv: k.upstream.caCertificateEnv,
    clientCertificateEnv: k.upstream.clientCertificateEnv,
    clientKeyEnv: k.upstream.clientKeyEnv,
    tlsVerifyDepth: k.upstream.tlsVerifyDepth,
  };
  // The origin check is CloudFront's: API Gateway in front of ECS Fargate sends no such header,
  // and without an edge (aws.edge.kind none) nobody would.
  const edge = effectiveAws(catalog, env).edge;
  const behindCloudfront = !ecsFargate && edge !== undefined && edgeKind(edge) === 'cloudfront';
  const origin = behindCloudfront ? k.cloudfrontOriginHeader : undefined;
  const sources = deckEnvSources(gateway, tls, origin);
  if (host.kind === 'env') sources.set(host.variable, nlbHostSource(gateway));
  for (const c of consumers) {
    for (const j of c.jwtCredentials) {
      sources.set(
        j.secretEnv,
        `the secret (HS*) or public key (RS*, ES*) of consumer ${c.username}'s JWT key ${j.key} (CI secret store)`,
      );
    }
  }
  for (const service of catalog.services) {
    const secret = service.sharedSecretHeader;
    if (secret === undefined) continue;
    const backend = `${service.namespace}/${service.name}`;
    const earlier = sources.get(secret.valueEnv);
    sources.set(
      secret.valueEnv,
      earlier?.startsWith('the shared secret Kong sends in header')
        ? `${earlier}, ${backend}`
        : `the shared secret Kong sends in header ${secret.name} to backend ${backend}`,
    );
  }
  const redisInUse =
    ecsFargate !== undefined && catalog.routes.some((r) => r.plugins?.rateLimiting);
  if (redisInUse) {
    sources.set(
      ecsFargate.redis.hostEnv,
      "the primary endpoint of the environment's ElastiCache Redis (Terraform output redis_primary_endpoint)",
    );
    sources.set(
      ecsFargate.redis.passwordEnv,
      'the Redis AUTH token (the Terraform variable redis_auth_token, from the CI secret store)',
    );
  }
  const managedCache = resolveManagedCache(catalog, env);
  if (managedCache && catalog.routes.some((r) => usesSharedCounters(r)))
    sources.set(
      managedCache.partialIdEnv,
      `the id of the Redis partial Konnect created for add-on ${managedCache.addOnName} (Terraform output managed_cache_partial_id, once the add-on is ready)`,
    );
  const requiredEnv = new Set(sources.keys());
  const networkCidr = ecsFargate?.vpcCidr ?? k.networkCidr ?? '';
  const baseRps = dataPlaneBaseRps(env);
  const dataPlaneGroups = ecsFargate ? undefined : resolveDataPlaneGroups(catalog, env, baseRps);
  return {
    konnectRegion: env.konnectRegion ?? k.konnectRegion,
    controlPlaneName: env.controlPlaneName,
    selectTags: [...k.selectTags],
    networkCidr,
    sourceCidrs: sourceCidrsOf(ecsFargate, dataPlaneGroups),
    upstream: {
      protocol: 'https',
      port: kongUpstreamPort(k.upstream, gateway.httpsPort),
      host,
      sni: gateway.hostname,
      ...(k.upstream.privateDnsZone === undefined
        ? {}
        : { privateDnsZone: k.upstream.privateDnsZone }),
      ...tls,
    },
    ...(origin
      ? {
          cloudfrontOriginHeader: {
            name: origin.name,
            valueEnv: origin.valueEnv,
            ...(origin.nextValueEnv === undefined ? {} : { nextValueEnv: origin.nextValueEnv }),
          },
        }
      : {}),
    trustedIps: [...(k.trustedIps ?? [])].sort(compareText),
    consumers,
    dataPlane: {
      kind: ecsFargate ? 'ecsFargate' : 'dedicated',
      version: catalog.versions.kongGateway,
      baseRps,
    },
    ...(ecsFargate ? { ecsFargate } : {}),
    ...(dataPlaneGroups ? { dataPlaneGroups } : {}),
    ...(managedCache ? { managedCache } : {}),
    requiredEnv: [...requiredEnv].sort(compareText),
    envSources: Object.fromEntries([...sources].sort(([a], [b]) => compareText(a, b))),
  };
}

/**
 * The networks Kong's traffic to the gateway comes from: the ECS tasks' subnets, every data-plane
 * region's Konnect network, or none through a private endpoint (its ENIs sit in the cluster's own
 * subnets, admitted by the VPC rules).
 */
function sourceCidrsOf(
  ecsFargate: EcsFargateModel | undefined,
  groups: DataPlaneGroupsModel | undefined,
): string[] {
  if (ecsFargate) return [...ecsFargate.subnets.app].sort(compareText);
  if (!groups || groups.connectivity === 'privateEndpoint') return [];
  return groups.regions.map((r) => r.networkCidr).sort(compareText);
}
