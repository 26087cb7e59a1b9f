import type { AwsProvider } from '@cdktn/provider-aws/lib/provider/index.js';
import type { EnvironmentModel } from '@routeplane/model';
import type { TerraformStack } from 'cdktn';
import type { KonnectProvider } from '../bindings/konnect-provider.js';

/** What every part of an environment stack shares. */
export interface StackContext {
  readonly stack: TerraformStack;
  readonly env: EnvironmentModel;
  /** The environment's region. */
  readonly aws: AwsProvider;
  /** CloudFront-scoped WAF, its logs and its KMS key must live in us-east-1. */
  readonly awsUsEast1: AwsProvider;
  readonly konnect: KonnectProvider;
  /** `${partition}`, `${account}`, `${region}` of the environment's AWS account. */
  readonly partition: string;
  readonly accountId: string;
  /** ARN of the identity running Terraform (`data.aws_caller_identity`). */
  readonly callerArn: string;
}

/** Terraform-safe suffix of an AZ id: `use1-az1` -> `use1_az1`. */
export function idSuffix(value: string): string {
  return value.replace(/[^A-Za-z0-9_]/g, '_');
}

/** CloudFront settings of a `dedicated` environment (resolve sets them for that kind only). */
export function dedicatedEdge(env: EnvironmentModel): NonNullable<EnvironmentModel['aws']['edge']> {
  if (env.aws.edge === undefined)
    throw new Error(
      `environment ${env.name}: aws.edge is set only for kong.dataPlane.kind dedicated`,
    );
  return env.aws.edge;
}

/** The Dedicated Cloud Gateway's sizing, connectivity and regions (absent for `ecsFargate`). */
export function dedicatedGroups(
  env: EnvironmentModel,
): NonNullable<EnvironmentModel['kong']['dataPlaneGroups']> {
  if (env.kong.dataPlaneGroups === undefined)
    throw new Error(
      `environment ${env.name}: data-plane groups exist only for kong.dataPlane.kind dedicated`,
    );
  return env.kong.dataPlaneGroups;
}
