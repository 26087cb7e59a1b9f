import type { EcsFargateModel } from '@routeplane/model';
import { compareText } from '@routeplane/model';
import type { Environment, RouteCatalog } from './catalog.generated.js';
import { effectiveAws, mergeOverride } from './environment-overrides.js';
import { vpcLinkSubnets } from './resolve-derived-defaults.js';
import { dataPlaneWithDefaults } from './section-defaults.js';

type DataPlane = NonNullable<RouteCatalog['kong']['dataPlane']>;

/** The data plane settings one environment uses: its override deep-merged over the catalog's. */
export function effectiveDataPlane(catalog: RouteCatalog, env: Environment): DataPlane {
  return mergeOverride<DataPlane>(catalog.kong.dataPlane ?? {}, env.kong?.dataPlane);
}

/** The data plane kind one environment uses (the schema's default unless the catalog says). */
export function dataPlaneKind(catalog: RouteCatalog, env: Environment): 'dedicated' | 'ecsFargate' {
  return dataPlaneWithDefaults(effectiveDataPlane(catalog, env)).kind;
}

/**
 * The AWS settings an environment's data plane kind reads: an `ecsFargate` environment has no
 * Dedicated Cloud Gateway edge, even when it inherits the top-level `aws.edge` of the others.
 */
export function awsOfKind(catalog: RouteCatalog, env: Environment): RouteCatalog['aws'] {
  const aws = effectiveAws(catalog, env);
  if (dataPlaneKind(catalog, env) === 'dedicated') return aws;
  return Object.fromEntries(
    Object.entries(aws).filter(([key]) => key !== 'edge'),
  ) as RouteCatalog['aws'];
}

/** The ECS Fargate model with every schema default applied; undefined for `dedicated`. */
export function resolveEcsFargate(
  catalog: RouteCatalog,
  env: Environment,
  clusterName: string,
): EcsFargateModel | undefined {
  const dataPlane = dataPlaneWithDefaults(effectiveDataPlane(catalog, env));
  const ecs = dataPlane.ecsFargate;
  if (dataPlane.kind !== 'ecsFargate' || ecs === undefined) return undefined;
  const { apiGateway: api, tasks, redis } = ecs;
  return {
    name: `${clusterName}-kong`,
    vpcCidr: ecs.vpcCidr,
    availabilityZoneIds: [...ecs.availabilityZoneIds],
    subnets: { web: [...ecs.subnets.web], app: [...ecs.subnets.app], data: [...ecs.subnets.data] },
    entry:
      ecs.entry === 'cloudfront' && ecs.cloudfront !== undefined
        ? { kind: 'cloudfront', ...ecs.cloudfront }
        : {
            kind: 'apiGateway',
            vpcLinkSubnets: vpcLinkSubnets(api, ecs.subnets.app),
            throttlingRateLimit: api.throttlingRateLimit,
            throttlingBurstLimit: api.throttlingBurstLimit,
            ...(api.customDomain === undefined ? {} : { customDomain: { ...api.customDomain } }),
          },
    ...(ecs.transitGatewayHub === undefined
      ? {}
      : {
          transitGatewayHub: {
            transitGatewayId: ecs.transitGatewayHub.transitGatewayId,
            destinationCidrs: [...ecs.transitGatewayHub.destinationCidrs].sort(compareText),
          },
        }),
    tasks: {
      cpu: tasks.cpu,
      memory: tasks.memory,
      minCount: tasks.minCount,
      maxCount: tasks.maxCount,
      targetCpuPercent: tasks.targetCpuPercent,
      targetRequestsPerTarget: tasks.targetRequestsPerTarget,
    },
    redis: {
      nodeType: redis.nodeType,
      numCacheClusters: redis.numCacheClusters,
      hostEnv: redis.hostEnv,
      passwordEnv: redis.passwordEnv,
      port: 6379,
    },
    deletionProtection: ecs.deletionProtection,
    proxyPort: 8000,
    statusPort: 8100,
  };
}
