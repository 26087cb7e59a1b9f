import type { WorkloadIdentityRoleModel } from '@routeplane/model';
import type { Environment } from './catalog.generated.js';

/** A role of `workloadIdentityRoles` as written: a name (with an optional path) or an ARN. */
export interface ParsedRole {
  readonly name: string;
  readonly path: string;
  /** The ARN's account; absent for the name form. */
  readonly accountId?: string;
}

// IAM's limits (IAM API reference, CreateRole): name 1-64 of [\w+=,.@-], path "/" or
// "/segment/.../", at most 512 characters.
const nameChars = /^[\w+=,.@-]{1,64}$/;
const pathForm = /^\/(?:[\w+=,.@-]+\/)*$/;
const arnForm = /^arn:aws[a-z-]*:iam::([0-9]{12}):role(\/.*)$/;

/** Parses `role`; a string says what is wrong with it. */
export function parseWorkloadRole(role: string): ParsedRole | string {
  const arn = arnForm.exec(role);
  const accountId = arn?.[1];
  const full = arn ? (arn[2] ?? '') : role.startsWith('/') ? role : `/${role}`;
  const cut = full.lastIndexOf('/') + 1;
  const path = full.slice(0, cut);
  const name = full.slice(cut);
  if (role.startsWith('arn:') && !arn)
    return 'must be an IAM role ARN arn:aws:iam::<12-digit account>:role/[path/]name';
  if (!nameChars.test(name))
    return 'must end in an IAM role name of 1-64 letters, digits or +=,.@_-';
  if (!pathForm.test(path) || path.length > 512)
    return 'must have an IAM path of /-separated segments of letters, digits or +=,.@_- (at most 512 characters)';
  return accountId === undefined ? { name, path } : { name, path, accountId };
}

/** The environment's roles; the loader has refused every role that does not parse. */
export function resolveWorkloadIdentityRoles(env: Environment): WorkloadIdentityRoleModel[] {
  return (env.workloadIdentityRoles ?? []).flatMap((r) => {
    const parsed = parseWorkloadRole(r.role);
    if (typeof parsed === 'string') return [];
    return [{ name: parsed.name, path: parsed.path, policyArns: [...(r.policyArns ?? [])] }];
  });
}
