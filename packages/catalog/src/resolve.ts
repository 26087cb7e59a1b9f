import type { Environment, Route, RouteCatalog, Service } from './catalog.generated.js';
import { compareText } from './compare-text.js';
import type { CustomPluginSource } from './custom-plugin-files.js';
import { effectiveAws } from './environment-overrides.js';
import type {
  BackendModel,
  DataPlaneGroupsModel,
  EcsFargateModel,
  EnvironmentModel,
  GatewayModel,
  KongModel,
  Model,
  NamespaceModel,
  ReferenceGrantModel,
  RouteModel,
  RoutePluginsModel,
} from './model.js';
import type { CatalogProblem } from './problems.js';
import { resolveEcsFargate } from './resolve-data-plane.js';
import { resolveDataPlaneGroups, upstreamHost } from './resolve-dedicated-data-plane.js';
import { deckEnvSources, nlbHostSource, resolvePki } from './resolve-pki.js';
import {
  effectiveManagedCache,
  resolveManagedCache,
  resolveRateLimiting,
  type SharedCounterStore,
  usesSharedCounters,
} from './resolve-rate-limits.js';
import { resolveTimeouts, withWaypoint } from './resolve-waypoint.js';
import { kongPathsForPrefix, normalizePathPrefix } from './route-paths.js';
import { schemaDefault } from './schema-defaults.js';

/** Facts read from files the catalog points at (the only I/O resolve depends on, done by load). */
export interface ResolveInputs {
  readonly catalogFile: string;
  /** Loader warnings carried to the CLI. @default [] */
  readonly warnings?: readonly CatalogProblem[];
  /** Lua of every `kong.customPlugins` entry by name, read and checked by the loader. @default none */
  readonly customPlugins?: ReadonlyMap<string, CustomPluginSource>;
}

/** Every backend Service exposes this port; the container port differs per image. */
export const backendServicePort = 80;
/** Non-root UID/GID (> 10000, Pod Security Standards "restricted" guidance). */
export const backendRunAsId = 10101;

const byName = <T extends { readonly name: string }>(a: T, b: T) => compareText(a.name, b.name);

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

/** Turns a schema- and rule-clean catalog into the frozen Model renderers read. */
export function resolveCatalog(catalog: RouteCatalog, inputs: ResolveInputs): Model {
  const environments = [...catalog.environments]
    .sort(byName)
    .map((env) => resolveEnvironment(catalog, env, inputs.customPlugins ?? new Map()));
  return deepFreeze({
    catalogFile: inputs.catalogFile,
    environments,
    warnings: [...(inputs.warnings ?? [])],
  });
}

function resolveEnvironment(
  catalog: RouteCatalog,
  env: Environment,
  customPluginSources: ReadonlyMap<string, CustomPluginSource>,
): EnvironmentModel {
  const aws = effectiveAws(catalog, env);
  const gateway = resolveGateway(catalog, env, aws.cluster.name);
  const backends = [...catalog.services]
    .map((s) => resolveBackend(s, env))
    .sort((a, b) => compareText(a.namespace, b.namespace) || compareText(a.name, b.name));
  const ecsFargate = resolveEcsFargate(catalog, env, aws.cluster.name);
  const routes = [...catalog.routes]
    .map((r) => resolveRoute(r, env, gateway, backends, counterStore(catalog, env, ecsFargate)))
    .sort(byName);
  const services = backends.map((b) => withWaypoint(b, catalog, routes));
  const kong = withCustomPlugins(
    resolveKong(catalog, env, gateway, ecsFargate),
    catalog,
    customPluginSources,
  );
  return {
    name: env.name,
    gitops: {
      repoURL: catalog.gitops.repoURL,
      targetRevision: env.targetRevision ?? catalog.gitops.targetRevision,
      destinationServer: catalog.gitops.destinationServer ?? 'https://kubernetes.default.svc',
    },
    versions: {
      ...catalog.versions,
      certManager: catalog.versions.certManager ?? schemaDefault(['versions', 'certManager']),
    },
    argocd: {
      namespace: 'argocd',
      project: `routeplane-${env.name}`,
      rootApplication: `routeplane-${env.name}-root`,
    },
    gateway,
    istio: { istiodReplicas: env.istiodReplicas ?? 2 },
    namespaces: resolveNamespaces(gateway, services, catalog.versions.kubernetes),
    services,
    routes,
    referenceGrants: resolveReferenceGrants(routes),
    kong,
    aws: {
      region: aws.region,
      ...(aws.accountId === undefined ? {} : { accountId: aws.accountId }),
      vpcCidr: aws.vpcCidr,
      availabilityZoneIds: [...aws.availabilityZoneIds],
      cluster: {
        name: aws.cluster.name,
        version: catalog.versions.kubernetes,
        apiAccess: {
          publicCidrs: [...(aws.cluster.apiAccess?.publicCidrs ?? [])].sort(compareText),
          privateCidrs: [...(aws.cluster.apiAccess?.privateSources?.cidrs ?? [])].sort(compareText),
          privatePrefixListIds: [
            ...(aws.cluster.apiAccess?.privateSources?.prefixListIds ?? []),
          ].sort(compareText),
        },
        admins: [...aws.cluster.admins].sort(compareText),
      },
      nodePools: {
        system: { ...aws.nodePools.system, diskSizeGiB: aws.nodePools.system.diskSizeGiB ?? 50 },
        user: { ...aws.nodePools.user, diskSizeGiB: aws.nodePools.user.diskSizeGiB ?? 50 },
      },
      transitGatewayAsn: aws.transitGatewayAsn ?? 64512,
      ...(aws.edge === undefined || ecsFargate !== undefined ? {} : { edge: { ...aws.edge } }),
      state: {
        bucket: aws.state.bucket,
        region: aws.state.region,
        keyPrefix: aws.state.keyPrefix ?? `routeplane/${env.name}`,
      },
    },
    waivers: [...(catalog.waivers ?? [])]
      .map((w) => ({ rule: w.rule, object: w.object, reason: w.reason }))
      .sort((a, b) => compareText(a.rule, b.rule) || compareText(a.object, b.object)),
  };
}

function resolveGateway(
  catalog: RouteCatalog,
  env: Environment,
  clusterName: string,
): GatewayModel {
  const g = catalog.gateway;
  const className = 'istio';
  const generatedName = `${g.name}-${className}`;
  return {
    name: g.name,
    namespace: g.namespace,
    className,
    hostname: g.hostname,
    tlsSecretName: g.tlsSecretName,
    httpPort: g.httpPort ?? 80,
    httpsPort: g.httpsPort ?? 443,
    replicas: env.gatewayReplicas ?? g.replicas ?? 2,
    generatedName,
    principal: `cluster.local/ns/${g.namespace}/sa/${generatedName}`,
    parametersConfigMapName: `${g.name}-options`,
    systemNodeSelector: sortedRecord(
      (g.systemNodeSelector as Record<string, string> | undefined) ?? { 'node-role': 'system' },
    ),
    systemToleration: {
      key: 'CriticalAddonsOnly',
      operator: 'Equal',
      value: 'true',
      effect: 'NoSchedule',
    },
    statusPort: 15021,
    loadBalancerSecurityGroupName: `${clusterName}-gateway-nlb`,
    pki: resolvePki(g, env.name),
  };
}

function sortedRecord(record: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compareText(a, b)));
}

function resolveNamespaces(
  gateway: GatewayModel,
  services: readonly BackendModel[],
  kubernetesVersion: string,
): NamespaceModel[] {
  const psaVersion = `v${kubernetesVersion}`;
  const backendNamespaces = [...new Set(services.map((s) => s.namespace))];
  const namespaces: NamespaceModel[] = backendNamespaces
    .filter((ns) => ns !== gateway.namespace)
    .map((name) => ({
      name,
      role: 'backend',
      labels: sortedRecord({
        'app.kubernetes.io/managed-by': 'routeplane',
        'istio.io/dataplane-mode': 'ambient',
        'pod-security.kubernetes.io/enforce': 'restricted',
        'pod-security.kubernetes.io/enforce-version': psaVersion,
        'pod-security.kubernetes.io/audit': 'restricted',
        'pod-security.kubernetes.io/warn': 'restricted',
        'routeplane.dev/role': 'backend',
      }),
    }));
  // The gateway namespace is not ambient-enrolled: the NLB sends plain TLS to the gateway pods,
  // which STRICT mTLS would refuse; the gateway speaks HBONE to ambient backends by itself.
  // The gateway pod Istio generates passes "restricted", so the namespace enforces it. The AWS Load
  // Balancer Controller injects its readiness gate only into namespaces carrying the label: a new
  // gateway pod then turns Ready only once the NLB target is healthy, so rollouts drop no targets.
  namespaces.push({
    name: gateway.namespace,
    role: 'gateway',
    labels: sortedRecord({
      'app.kubernetes.io/managed-by': 'routeplane',
      'elbv2.k8s.aws/pod-readiness-gate-inject': 'enabled',
      'pod-security.kubernetes.io/enforce': 'restricted',
      'pod-security.kubernetes.io/enforce-version': psaVersion,
      'pod-security.kubernetes.io/audit': 'restricted',
      'pod-security.kubernetes.io/warn': 'restricted',
      'routeplane.dev/role': 'gateway',
    }),
  });
  // cert-manager, the CA key and Kong's client key: outside the mesh (the API server calls the
  // webhook directly), restricted Pod Security enforced (the chart's pods comply).
  namespaces.push({
    name: gateway.pki.namespace,
    role: 'pki',
    labels: sortedRecord({
      'app.kubernetes.io/managed-by': 'routeplane',
      'pod-security.kubernetes.io/enforce': 'restricted',
      'pod-security.kubernetes.io/enforce-version': psaVersion,
      'pod-security.kubernetes.io/audit': 'restricted',
      'pod-security.kubernetes.io/warn': 'restricted',
      'routeplane.dev/role': 'pki',
    }),
  });
  return namespaces.sort(byName);
}

function resolveBackend(service: Service, env: Environment): BackendModel {
  const selectorLabels = { 'app.kubernetes.io/name': service.name };
  return {
    name: service.name,
    namespace: service.namespace,
    image: service.image,
    containerPort: service.port,
    servicePort: backendServicePort,
    portName: 'http',
    replicas: env.replicas?.[service.name] ?? service.replicas ?? 2,
    resources: {
      requests: { ...service.resources.requests },
      limits: { ...service.resources.limits },
    },
    healthPath: service.healthPath,
    responses: (service.responses ?? [])
      .map((r) => ({
        path: r.path,
        status: r.status ?? 200,
        contentType: r.contentType ?? 'application/json',
        body: r.body,
      }))
      .sort((a, b) => compareText(a.path, b.path)),
    selectorLabels,
    labels: sortedRecord({
      ...selectorLabels,
      'app.kubernetes.io/component': 'backend',
      'app.kubernetes.io/managed-by': 'routeplane',
      'app.kubernetes.io/part-of': 'routeplane',
    }),
    runAsUser: backendRunAsId,
    runAsGroup: backendRunAsId,
    allowFrom: (service.allowFrom ?? [])
      .map((c) => ({
        namespace: c.namespace,
        serviceAccount: c.serviceAccount,
        principal: `cluster.local/ns/${c.namespace}/sa/${c.serviceAccount}`,
      }))
      .sort((a, b) => compareText(a.principal, b.principal)),
    ...(service.sharedSecretHeader === undefined
      ? {}
      : {
          sharedSecretHeader: {
            name: service.sharedSecretHeader.name,
            valueEnv: service.sharedSecretHeader.valueEnv,
          },
        }),
  };
}

function resolveRoute(
  route: Route,
  env: Environment,
  gateway: GatewayModel,
  services: readonly BackendModel[],
  store: SharedCounterStore,
): RouteModel {
  const backend = services.find((s) => s.name === route.service);
  if (!backend)
    throw new Error(`resolve: route ${route.name} names unknown service ${route.service}`);
  const paths = [...new Set(route.paths.map(normalizePathPrefix))].sort(compareText);
  return {
    name: route.name,
    namespace: gateway.namespace,
    paths,
    hosts: [...new Set(route.hosts ?? [])].sort(compareText),
    methods: [...new Set(route.methods ?? [])].sort(compareText),
    backend: { name: backend.name, namespace: backend.namespace, port: backend.servicePort },
    kongPaths: paths.flatMap(kongPathsForPrefix),
    plugins: resolvePlugins(route, env, store),
    ...(route.timeouts === undefined ? {} : { timeouts: resolveTimeouts(route.timeouts) }),
  };
}

/**
 * Autoscaled data planes count in a shared store (ecsFargate: its Redis; dedicated: the managed
 * cache); `local` would count per node and multiply the limit
 * (kong/plugins/rate-limiting/policies/init.lua).
 */
function counterStore(
  catalog: RouteCatalog,
  env: Environment,
  ecsFargate: EcsFargateModel | undefined,
): SharedCounterStore {
  if (ecsFargate) return 'redis';
  return effectiveManagedCache(catalog, env) ? 'managedCache' : undefined;
}

function resolvePlugins(
  route: Route,
  env: Environment,
  store: SharedCounterStore,
): RoutePluginsModel {
  const p = route.plugins ?? {};
  const plugins: {
    -readonly [K in keyof RoutePluginsModel]: RoutePluginsModel[K];
  } = {};
  if (p.jwt) {
    plugins.jwt = {
      keyClaimName: p.jwt.keyClaimName ?? 'iss',
      claimsToVerify: [...(p.jwt.claimsToVerify ?? ['exp'])].sort(compareText),
      ...(p.jwt.maximumExpiration === undefined
        ? {}
        : { maximumExpiration: p.jwt.maximumExpiration }),
    };
  }
  const rateLimiting = resolveRateLimiting(route, env, store);
  if (rateLimiting) plugins.rateLimiting = rateLimiting;
  if (p.cors) {
    plugins.cors = {
      origins: [...p.cors.origins].sort(compareText),
      methods: [...(p.cors.methods ?? [])],
      headers: [...(p.cors.headers ?? [])],
      exposedHeaders: [...(p.cors.exposedHeaders ?? [])],
      credentials: p.cors.credentials ?? false,
      ...(p.cors.maxAge === undefined ? {} : { maxAge: p.cors.maxAge }),
    };
  }
  if (p.requestTransformer) {
    plugins.requestTransformer = {
      addHeaders: Object.entries(p.requestTransformer.addHeaders ?? {})
        .map(([name, value]) => [name, String(value)] as const)
        .sort(([a], [b]) => compareText(a, b)),
      removeHeaders: [...(p.requestTransformer.removeHeaders ?? [])].sort(compareText),
    };
  }
  if (p.custom) plugins.custom = [...p.custom].sort(compareText);
  return plugins;
}

/** The Kong model with `kong.customPlugins` and the Lua the loader read for each. */
function withCustomPlugins(
  kong: KongModel,
  catalog: RouteCatalog,
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

function resolveReferenceGrants(routes: readonly RouteModel[]): ReferenceGrantModel[] {
  const byNamespace = new Map<string, { from: string; services: Set<string> }>();
  for (const route of routes) {
    if (route.backend.namespace === route.namespace) continue;
    const key = `${route.backend.namespace}\u0000${route.namespace}`;
    const entry = byNamespace.get(key) ?? { from: route.namespace, services: new Set<string>() };
    entry.services.add(route.backend.name);
    byNamespace.set(key, entry);
  }
  return [...byNamespace.entries()]
    .map(([key, entry]) => ({
      namespace: key.split('\u0000')[0] ?? '',
      fromNamespace: entry.from,
      serviceNames: [...entry.services].sort(compareText),
    }))
    .sort((a, b) => compareText(a.namespace, b.namespace));
}

function resolveKong(
  catalog: RouteCatalog,
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
        .map((j) => ({ key: j.key, algorithm: j.algorithm ?? 'HS256', secretEnv: j.secretEnv }))
        .sort((a, b) => compareText(a.key, b.key)),
    }))
    .sort((a, b) => compareText(a.username, b.username));
  const upstreamDefault = (key: string) => schemaDefault<string>(['kong', 'upstream', key]);
  const tls = {
    caCertificateEnv: k.upstream.caCertificateEnv ?? upstreamDefault('caCertificateEnv'),
    clientCertificateEnv:
      k.upstream.clientCertificateEnv ?? upstreamDefault('clientCertificateEnv'),
    clientKeyEnv: k.upstream.clientKeyEnv ?? upstreamDefault('clientKeyEnv'),
    tlsVerifyDepth:
      k.upstream.tlsVerifyDepth ?? schemaDefault<number>(['kong', 'upstream', 'tlsVerifyDepth']),
  };
  // The origin check is CloudFront's: API Gateway in front of ECS Fargate sends no such header.
  const origin = ecsFargate ? undefined : k.cloudfrontOriginHeader;
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
  const baseRps = env.dataPlaneBaseRps ?? 100;
  const dataPlaneGroups = ecsFargate ? undefined : resolveDataPlaneGroups(catalog, env, baseRps);
  return {
    konnectRegion: env.konnectRegion ?? k.konnectRegion,
    controlPlaneName: env.controlPlaneName,
    selectTags: [...k.selectTags],
    networkCidr,
    sourceCidrs: sourceCidrsOf(ecsFargate, dataPlaneGroups),
    upstream: {
      protocol: 'https',
      port: k.upstream.port ?? gateway.httpsPort,
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
