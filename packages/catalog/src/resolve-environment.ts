import type { EcsFargateModel, EnvironmentModel } from '@routeplane/model';
import { compareText } from '@routeplane/model';
import type { CatalogWithDefaults, Environment } from './catalog-with-defaults.generated.js';
import type { CustomPluginSource } from './custom-plugin-files.js';
import { effectiveAws } from './environment-overrides.js';
import { resolveEcsFargate } from './resolve-data-plane.js';
import { stateKeyPrefix } from './resolve-derived-defaults.js';
import { resolveEdge } from './resolve-edge.js';
import { resolveGateway, resolveNamespaces } from './resolve-gateway.js';
import { resolveKong, withCustomPlugins } from './resolve-kong.js';
import { byName } from './resolve-order.js';
import { counterStore } from './resolve-rate-limits.js';
import { resolveReferenceGrants, resolveRoute } from './resolve-routes.js';
import { resolveBackend } from './resolve-services.js';
import { withWaypoint } from './resolve-waypoint.js';
import { awsWithDefaults } from './section-defaults.js';

/** One environment of the Model: the catalog with that environment's overrides applied. */
export function resolveEnvironment(
  catalog: CatalogWithDefaults,
  env: Environment,
  customPluginSources: ReadonlyMap<string, CustomPluginSource>,
): EnvironmentModel {
  const aws = awsWithDefaults(effectiveAws(catalog, env));
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
      destinationServer: catalog.gitops.destinationServer,
    },
    versions: { ...catalog.versions },
    argocd: {
      namespace: 'argocd',
      project: `routeplane-${env.name}`,
      rootApplication: `routeplane-${env.name}-root`,
    },
    gateway,
    istio: { istiodReplicas: env.istiodReplicas },
    namespaces: resolveNamespaces(gateway, services, catalog.versions.kubernetes),
    services,
    routes,
    referenceGrants: resolveReferenceGrants(routes),
    kong,
    aws: resolveAws(aws, env.name, catalog.versions.kubernetes, ecsFargate),
    waivers: [...(catalog.waivers ?? [])]
      .map((w) => ({ rule: w.rule, object: w.object, reason: w.reason }))
      .sort((a, b) => compareText(a.rule, b.rule) || compareText(a.object, b.object)),
  };
}

/** The AWS part of one environment's Model, from its merged AWS settings. */
function resolveAws(
  aws: CatalogWithDefaults['aws'],
  envName: string,
  kubernetesVersion: string,
  ecsFargate: EcsFargateModel | undefined,
): EnvironmentModel['aws'] {
  const apiAccess = aws.cluster.apiAccess;
  return {
    region: aws.region,
    ...(aws.accountId === undefined ? {} : { accountId: aws.accountId }),
    vpcCidr: aws.vpcCidr,
    availabilityZoneIds: [...aws.availabilityZoneIds],
    cluster: {
      name: aws.cluster.name,
      version: kubernetesVersion,
      apiAccess: {
        publicCidrs: [...(apiAccess?.publicCidrs ?? [])].sort(compareText),
        privateCidrs: [...(apiAccess?.privateSources?.cidrs ?? [])].sort(compareText),
        privatePrefixListIds: [...(apiAccess?.privateSources?.prefixListIds ?? [])].sort(
          compareText,
        ),
      },
      admins: [...aws.cluster.admins].sort(compareText),
    },
    nodePools: { system: { ...aws.nodePools.system }, user: { ...aws.nodePools.user } },
    transitGatewayAsn: aws.transitGatewayAsn,
    ...(aws.edge === undefined || ecsFargate !== undefined
      ? {}
      : { edge: resolveEdge(aws.edge, envName) }),
    state: {
      bucket: aws.state.bucket,
      region: aws.state.region,
      keyPrefix: stateKeyPrefix(aws.state, envName),
    },
  };
}
