import { DataAwsCallerIdentity } from '@cdktn/provider-aws/lib/data-aws-caller-identity/index.js';
import { DataAwsPartition } from '@cdktn/provider-aws/lib/data-aws-partition/index.js';
import { AwsProvider } from '@cdktn/provider-aws/lib/provider/index.js';
import type { EnvironmentModel } from '@routeplane/model';
import { S3Backend, type TerraformStack } from 'cdktn';
import { KonnectProvider } from '../bindings/konnect-provider.js';
import type { StackContext } from './context.js';

/** Terraform (and OpenTofu) 1.10 is the first release with S3-native state locking. */
const requiredTerraform = '>= 1.10.0';

/** Settings every AWS provider of the environment shares, whatever its region. */
export function awsProviderDefaults(env: EnvironmentModel): {
  defaultTags: { tags: Record<string, string> }[];
  allowedAccountIds?: string[];
} {
  const defaultTags = [
    { tags: { 'routeplane.dev/environment': env.name, 'routeplane.dev/managed-by': 'routeplane' } },
  ];
  // A catalog that names the account makes Terraform refuse credentials of any other account.
  return env.aws.accountId === undefined
    ? { defaultTags }
    : { defaultTags, allowedAccountIds: [env.aws.accountId] };
}

/** Backend, providers and the account facts every other part reads. */
export function addProviders(stack: TerraformStack, env: EnvironmentModel): StackContext {
  stack.addOverride('terraform.required_version', requiredTerraform);
  new S3Backend(stack, {
    bucket: env.aws.state.bucket,
    region: env.aws.state.region,
    key: `${env.aws.state.keyPrefix}/terraform.tfstate`,
    encrypt: true,
    useLockfile: true,
  });

  const { defaultTags, ...allowed } = awsProviderDefaults(env);
  const aws = new AwsProvider(stack, 'aws', {
    region: env.aws.region,
    defaultTags,
    ...allowed,
  });
  const awsUsEast1 = new AwsProvider(stack, 'aws_us_east_1', {
    alias: 'us_east_1',
    region: 'us-east-1',
    defaultTags,
    ...allowed,
  });
  const konnect = new KonnectProvider(stack, 'konnect', {
    server_url: `https://${env.kong.konnectRegion}.api.konghq.com`,
  });

  const caller = new DataAwsCallerIdentity(stack, 'current');
  const partition = new DataAwsPartition(stack, 'partition');
  return {
    stack,
    env,
    aws,
    awsUsEast1,
    konnect,
    partition: partition.partition,
    accountId: caller.accountId,
    callerArn: caller.arn,
  };
}
