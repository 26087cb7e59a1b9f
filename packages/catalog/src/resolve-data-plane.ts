import type { EcsFargateModel } from '@routeplane/model';
import { compareText } from '@routeplane/model';
import type { Environment, RouteCatalog } from './catalog.generated.js';
import { effectiveAws, mergeOverride } from './environment-overrides.js';

type DataPlane = NonNullable<RouteCatalog['kong']['dataPlane']>;

/** The data plane settings one environment uses: its override deep-merged over the catalog's. */
export function effectiveDataPlane(catalog: RouteCatalog, env: Environment): DataPlane {
  return mergeOverride<DataPlane>(catalog.kong.dataPlane ?? {}, env.kong?.dataPlane);
}

/** `dedicated` unless the catalog or the environment says otherwise (schema default). */
export function dataPlaneKind(catalog: RouteCatalog, env: Environment): 'dedicated' | 'ecsFargate' {
  return effectiveDataPlane(catalog, env).kind ?? 'dedicated';
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
  const dataPlane = effectiveDataPlane(catalog, env);
  const ecs = dataPlane.ecsFargate;
  if ((dataPlane.kind ?? 'dedicated') !== 'ecsFargate' || ecs === undefined) return undefined;
  const api = ecs.apiGateway ?? {};
  const tasks = ecs.tasks ?? {};
  const redis = ecs.redis ?? {};
  return {
    name: `${clusterName}-kong`,
    vpcCidr: ecs.vpcCidr,
    availabilityZoneIds: [...ecs.availabilityZoneIds],
    subnets: { web: [...ecs.subnets.web], app: [...ecs.subnets.app], data: [...ecs.subnets.data] },
    entry:
      (ecs.entry ?? 'apiGateway') === 'cloudfront' && ecs.cloudfront !== undefined
        ? { kind: 'cloudfront', ...ecs.cloudfront }
        : {
            kind: 'apiGateway',
            vpcLinkSubnets: [...(api.vpcLinkSubnets ?? ecs.subnets.app)],
            throttlingRateLimit: api.throttlingRateLimit ?? 1000,
            throttlingBurstLimit: api.throttlingBurstLimit ?? 2000,
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
      cpu: tasks.cpu ?? 1024,
      memory: tasks.memory ?? 2048,
      minCount: tasks.minCount ?? 2,
      maxCount: tasks.maxCount ?? 6,
      targetCpuPercent: tasks.targetCpuPercent ?? 60,
      targetRequestsPerTarget: tasks.targetRequestsPerTarget ?? 1000,
    },
    redis: {
      nodeType: redis.nodeType ?? 'cache.t4g.small',
      numCacheClusters: redis.numCacheClusters ?? 2,
      hostEnv: redis.hostEnv ?? 'DECK_REDIS_HOST',
      passwordEnv: redis.passwordEnv ?? 'DECK_REDIS_PASSWORD',
      port: 6379,
    },
    proxyPort: 8000,
    statusPort: 8100,
  };
}
