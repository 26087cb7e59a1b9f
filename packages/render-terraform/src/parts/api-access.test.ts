import { fixtureEnvironment } from '@routeplane/catalog/testing';
import { describe, expect, it } from 'vitest';
import { ref, resource, resources, synth } from '../terraform-json.fixture.js';

const privateOnly = synth(
  fixtureEnvironment((c) => {
    c.aws.cluster.apiAccess = {
      privateSources: { cidrs: ['10.99.0.0/24'], prefixListIds: ['pl-0123456789abcdef0'] },
    };
  }),
);

describe('aws.cluster.apiAccess: the runner reaches the API it installs Helm releases through', () => {
  it('opens 443 on the cluster security group to each private source, and nothing else', () => {
    const rules = Object.values(
      resources(privateOnly, 'aws_vpc_security_group_ingress_rule'),
    ).filter((r) => String(r.description).includes('aws.cluster.apiAccess'));
    const common = {
      security_group_id: ref('aws_eks_cluster.cluster.vpc_config[0].cluster_security_group_id'),
      ip_protocol: 'tcp',
      from_port: 443,
      to_port: 443,
    };
    expect(rules).toEqual([
      expect.objectContaining({ ...common, cidr_ipv4: '10.99.0.0/24' }),
      expect.objectContaining({ ...common, prefix_list_id: 'pl-0123456789abcdef0' }),
    ]);
    expect(resource(privateOnly, 'aws_eks_cluster', 'cluster').vpc_config).toMatchObject({
      endpoint_private_access: true,
      endpoint_public_access: false,
    });
  });

  it('installs the first Helm release only after those rules exist', () => {
    expect(resource(privateOnly, 'helm_release', 'lb_controller_release').depends_on).toEqual(
      expect.arrayContaining([
        'aws_vpc_security_group_ingress_rule.api_from_10_99_0_0_24',
        'aws_vpc_security_group_ingress_rule.api_from_pl_0123456789abcdef0',
      ]),
    );
  });

  it('adds no security group rule when only public CIDRs are named', () => {
    const tf = synth(fixtureEnvironment());
    const names = Object.keys(resources(tf, 'aws_vpc_security_group_ingress_rule'));
    expect(names.filter((n) => n.startsWith('api_from_'))).toEqual([]);
  });
});
