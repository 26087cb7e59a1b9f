import { IamRole } from '@cdktn/provider-aws/lib/iam-role/index.js';
import { IamRolePolicyAttachment } from '@cdktn/provider-aws/lib/iam-role-policy-attachment/index.js';
import { dedicatedGroups, idSuffix, type StackContext } from '../context.js';
import { policy } from '../iam-policy.js';
import type { KongAccount, Konnect } from '../konnect.js';

/** Tag `routeplane validate` finds the workload identity roles by (xlayer/kong-workload-identity). */
export const workloadIdentityTag = { 'routeplane-kong-workload-identity': 'true' } as const;

/**
 * `workloadIdentityRoles`: IAM roles the data planes' plugins assume. Konnect gives every network
 * an assume-only role `arn:aws:iam::<Kong's AWS account>:role/<network id>` (developer.konghq.com,
 * dedicated-cloud-gateways/reference, "Derive the Konnect IAM Role ARN"), so each role trusts
 * that role of every network of the environment, home region and dataPlaneRegions alike.
 *
 * routeplane creates and owns the roles: the AWS provider holds a role's whole trust policy in
 * `aws_iam_role.assume_role_policy` and has no resource that adds one statement to a role someone
 * else manages (two owners would overwrite each other's policy on every apply). An existing role
 * is adopted with `terraform import`, and its trust policy is then routeplane's.
 *
 * IAM refuses a trust policy naming a role that does not exist yet, so the roles wait for the
 * configuration, whose data-plane groups make Konnect provision the networks (and their roles).
 */
export function addWorkloadIdentity(ctx: StackContext, konnect: Konnect, account: KongAccount) {
  const { stack, env } = ctx;
  const networks = [konnect.network, ...konnect.regionNetworks.map((r) => r.network)];
  const principals = networks.map(
    (network) => `arn:${ctx.partition}:iam::${account.awsAccountId}:role/${network.id}`,
  );
  return dedicatedGroups(env).workloadIdentityRoles.map((role) => {
    const id = `kong_workload_identity_${idSuffix(role.name)}`;
    const iamRole = new IamRole(stack, id, {
      name: role.name,
      path: role.path,
      description: `routeplane ${env.name}: assumed by Kong's Dedicated Cloud Gateway data planes`,
      assumeRolePolicy: policy({
        Sid: 'KonnectDataPlanes',
        Effect: 'Allow',
        Principal: { AWS: principals },
        Action: 'sts:AssumeRole',
      }),
      tags: { ...workloadIdentityTag },
      dependsOn: [konnect.configuration],
    });
    role.policyArns.forEach((policyArn, i) => {
      new IamRolePolicyAttachment(stack, `${id}_policy_${i}`, { role: iamRole.name, policyArn });
    });
    return iamRole;
  });
}
