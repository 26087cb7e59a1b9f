import { parseDocument } from 'yaml';
import type { Edit } from './bad-catalogs.js';
import { ecsExample } from './ecs-fargate-catalogs.js';

/** The ECS Fargate example's top-level `kong.dataPlane.ecsFargate` (network, entry apiGateway, tasks). */
export const ecsFargateBlock = parseDocument(ecsExample()).toJS().kong.dataPlane.ecsFargate;

/**
 * Edits of the shipped catalog that make it mixed: dev and prod stay dedicated, a third environment
 * staging runs on ECS Fargate from the top-level ECS settings (one task) merged with `staging`'s own.
 * Kong on Fargate resolves the gateway by a name from hostEnv, not the Konnect networks' private zone.
 */
export function mixedCatalog(staging?: Readonly<Record<string, unknown>>): Edit[] {
  return [
    [
      'environments.2',
      {
        name: 'staging',
        controlPlaneName: 'kong-fargate-staging',
        aws: { cluster: { name: 'kong-fargate-staging' } },
        kong: { dataPlane: { kind: 'ecsFargate', ...(staging && { ecsFargate: staging }) } },
      },
    ],
    ['routes.3.plugins.rateLimiting.policy', undefined],
    ['kong.upstream.privateDnsZone', undefined],
    ['kong.upstream.hostEnv', 'DECK_GATEWAY_UPSTREAM_HOST'],
    [
      'kong.dataPlane',
      {
        kind: 'dedicated',
        ecsFargate: { ...ecsFargateBlock, tasks: { ...ecsFargateBlock.tasks, minCount: 1 } },
      },
    ],
  ];
}
