import { fixtureEnvironment } from '@routeplane/catalog/testing';
import { describe, expect, it } from 'vitest';
import { parsed, ref, resources, synth } from '../../terraform-json.fixture.js';

const networkRole = (network: string) =>
  `arn:${ref('data.aws_partition.partition.partition')}:iam::${ref('local.kong_aws_account_id')}:role/${ref(`konnect_cloud_gateway_network.${network}.id`)}`;

describe('AWS workload identity roles', () => {
  const tf = synth(
    fixtureEnvironment((c) => {
      const [dev] = c.environments;
      if (!dev) return;
      // The ARN form must name the environment's account.
      dev.aws = { ...dev.aws, accountId: '111122223333' };
      dev.dataPlaneRegions = [
        {
          region: 'eu-central-1',
          networkCidr: '192.169.0.0/16',
          availabilityZoneIds: ['euc1-az1', 'euc1-az2', 'euc1-az3'],
        },
      ];
      dev.workloadIdentityRoles = [
        { role: 'kong-s3-reader', policyArns: ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'] },
        { role: 'arn:aws:iam::111122223333:role/kong/team-a/kong-lambda' },
      ];
    }),
  );
  const roles = resources(tf, 'aws_iam_role');

  it("creates each role, trusting every network's Konnect role once the networks exist", () => {
    const reader = roles.kong_workload_identity_kong_s3_reader;
    expect(reader).toMatchObject({
      name: 'kong-s3-reader',
      path: '/',
      tags: { 'routeplane-kong-workload-identity': 'true' },
      depends_on: ['konnect_cloud_gateway_configuration.cloud_gateway_configuration'],
    });
    expect(parsed(reader?.assume_role_policy)).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'KonnectDataPlanes',
          Effect: 'Allow',
          Principal: {
            AWS: [
              networkRole('cloud_gateway_network'),
              networkRole('cloud_gateway_network_eu_central_1'),
            ],
          },
          Action: 'sts:AssumeRole',
        },
      ],
    });
  });

  it('takes the name and path from an ARN, and attaches exactly the listed policies', () => {
    expect(roles.kong_workload_identity_kong_lambda).toMatchObject({
      name: 'kong-lambda',
      path: '/kong/team-a/',
    });
    const attached = Object.entries(resources(tf, 'aws_iam_role_policy_attachment')).filter(
      ([id]) => id.startsWith('kong_workload_identity_'),
    );
    expect(attached).toEqual([
      [
        'kong_workload_identity_kong_s3_reader_policy_0',
        {
          role: ref('aws_iam_role.kong_workload_identity_kong_s3_reader.name'),
          policy_arn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
        },
      ],
    ]);
  });

  it('renders no role without workloadIdentityRoles', () => {
    const plain = resources(synth(fixtureEnvironment()), 'aws_iam_role');
    expect(Object.keys(plain).filter((id) => id.startsWith('kong_workload_identity_'))).toEqual([]);
  });
});
