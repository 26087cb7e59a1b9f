import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { shipped } from './testing/bad-catalogs.js';
import { catalogProblems } from './testing/catalog-problems.js';
import { ecsExample } from './testing/ecs-fargate-catalogs.js';
import { type Expected, expectedProblems } from './testing/expected-problems.js';

/** The workload-identity-roles rule: ARN accounts, and role names unique per known account. */
const ecsFargateBlock = parseDocument(ecsExample()).toJS().kong.dataPlane.ecsFargate;
const roles = (env: number, ...names: string[]) =>
  [`environments.${env}.workloadIdentityRoles`, names.map((role) => ({ role }))] as const;

describe('workload-identity-roles: every problem, where it points', () => {
  it.each<[string, string, readonly Expected[]]>([
    [
      'two roles of one environment in the top-level account',
      shipped(['aws.accountId', '111122223333'], roles(0, 'kong-s3', 'kong-sqs')),
      [],
    ],
    [
      // Neither account is known, so routeplane cannot tell the names collide.
      'one role name in two environments that name no account',
      shipped(
        ['environments.1.aws.accountId', undefined],
        roles(0, 'kong-s3'),
        roles(1, 'kong-s3'),
      ),
      [],
    ],
    [
      'an ARN with an account while aws.accountId is unset',
      shipped(roles(0, 'arn:aws:iam::111122223333:role/kong')),
      [
        [
          'environments.0.workloadIdentityRoles.0.role',
          false,
          "routeplane creates this role in environment dev's account, so an ARN must name aws.accountId (not set), but account 111122223333 was given; give the role's name instead, or set aws.accountId",
        ],
      ],
    ],
    [
      // data-plane-kind refuses the option whole; its entries are not checked one by one.
      'roles on an ecsFargate environment',
      shipped(
        ['environments.1.kong', { dataPlane: { kind: 'ecsFargate', ecsFargate: ecsFargateBlock } }],
        roles(1, 'arn:aws:iam::111122223333:role/x', 'x', 'x'),
      ),
      [
        [
          'kong.upstream.privateDnsZone',
          true,
          'is a dedicated-only option (a private hosted zone attached to the Konnect networks), but environment prod uses kong.dataPlane.kind ecsFargate, whose Kong would resolve gateway.hostname without it: remove it and use hostEnv or upstreamHost',
        ],
        [
          'environments.1.dataPlaneBaseRps',
          true,
          "is a dedicated-only option (the Dedicated Cloud Gateway's autopilot base), but environment prod uses kong.dataPlane.kind ecsFargate: remove it",
        ],
        [
          'environments.1.aws.edge',
          true,
          'is a dedicated-only option (what clients reach in front of the Dedicated Cloud Gateway), but environment prod uses kong.dataPlane.kind ecsFargate: remove it',
        ],
        [
          'environments.1.kong.dataPlane.ecsFargate.tasks.minCount',
          false,
          'production needs at least 2 Kong tasks (one per AZ survives an AZ or task loss), but 1 was given (environment prod)',
        ],
        [
          'environments.1.workloadIdentityRoles',
          true,
          "is a dedicated-only option (roles the Dedicated Cloud Gateway's Konnect network roles assume), but environment prod uses kong.dataPlane.kind ecsFargate: remove it",
        ],
      ],
    ],
  ])('%s', (_name, text, expected) => {
    expect(catalogProblems(text)).toEqual(expectedProblems(text, expected));
  });
});
