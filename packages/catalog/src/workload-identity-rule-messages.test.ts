import { describe, expect, it } from 'vitest';
import { shipped } from './testing/bad-catalogs.js';
import { catalogProblems } from './testing/catalog-problems.js';
import { type Expected, expectedProblems } from './testing/expected-problems.js';
import { mixedCatalog } from './testing/mixed-catalog.js';

/** The workload-identity-roles rule: ARN accounts, and role names unique per known account. */
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
      shipped(...mixedCatalog(), roles(2, 'arn:aws:iam::111122223333:role/x', 'x', 'x')),
      [
        [
          'environments.2.workloadIdentityRoles',
          true,
          "is a dedicated-only option (roles the Dedicated Cloud Gateway's Konnect network roles assume), but environment staging uses kong.dataPlane.kind ecsFargate: remove it",
        ],
      ],
    ],
  ])('%s', (_name, text, expected) => {
    expect(catalogProblems(text)).toEqual(expectedProblems(text, expected));
  });
});
