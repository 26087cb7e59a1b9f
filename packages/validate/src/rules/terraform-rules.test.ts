import { join } from 'node:path';
import { loadModel } from '@routeplane/catalog';
import { renderInfra } from '@routeplane/render-terraform';
import { repoRoot } from '@routeplane/test-support';
import { describe, expect, it } from 'vitest';
import { at, corrupt } from '../corrupt.fixture.js';
import type { TreeFile } from '../finding.js';
import { treeFromRendered } from '../rendered-files.js';
import { validateTree } from '../validate-tree.js';

const file = 'generated/terraform/dev/main.tf.json';
const tree = treeFromRendered(renderInfra(loadModel(join(repoRoot, 'catalog.yaml'))));

type Doc = Record<string, unknown>;
const cluster = (tf: Doc) => at(tf, 'resource', 'aws_eks_cluster', 'cluster');
const privateOnly = (tf: Doc): undefined => {
  at(cluster(tf), 'vpc_config').endpoint_public_access = false;
  delete at(cluster(tf), 'vpc_config').public_access_cidrs;
};
const ingress = (tf: Doc, rule: Doc) => {
  const rules = at(tf, 'resource', 'aws_vpc_security_group_ingress_rule');
  rules.runner = {
    security_group_id: `\${aws_eks_cluster.cluster.vpc_config[0].cluster_security_group_id}`,
    ...rule,
  };
};

function findings(files: TreeFile[], rule: string): string[] {
  return validateTree({ files, waivers: [] })
    .filter((f) => f.rule === rule)
    .map((f) => `${f.file} ${f.object}: ${f.message}`);
}

const reach = 'xlayer/terraform-api-reachable';
const creator = 'xlayer/terraform-creator-access';

describe('Terraform an apply could not complete', () => {
  it('passes the shipped Terraform', () => {
    expect(tree.some((f) => f.path === file)).toBe(true);
    expect(findings(tree, reach)).toEqual([]);
    expect(findings(tree, creator)).toEqual([]);
  });

  it.each<[string, (tf: Doc) => undefined, number]>([
    ['private-only endpoint, no rule', privateOnly, 1],
    [
      'private-only endpoint, 443 from a runner CIDR',
      (tf): undefined => {
        privateOnly(tf);
        ingress(tf, { ip_protocol: 'tcp', from_port: 443, to_port: 443, cidr_ipv4: '10.9.0.0/24' });
      },
      0,
    ],
    [
      'private-only endpoint, a rule on another port',
      (tf): undefined => {
        privateOnly(tf);
        ingress(tf, { ip_protocol: 'tcp', from_port: 22, to_port: 22, cidr_ipv4: '10.9.0.0/24' });
      },
      1,
    ],
    [
      'private-only endpoint, 443 on another security group',
      (tf): undefined => {
        privateOnly(tf);
        ingress(tf, { ip_protocol: 'tcp', from_port: 443, to_port: 443, cidr_ipv4: '10.9.0.0/24' });
        at(tf, 'resource', 'aws_vpc_security_group_ingress_rule', 'runner').security_group_id =
          'sg-0123456789abcdef0';
      },
      1,
    ],
  ])('%s: %i finding(s)', (_name, edit, count) => {
    const found = findings(corrupt(tree, file, 0, edit), reach);
    expect(found).toHaveLength(count);
    if (count > 0) {
      expect(found[0]).toMatch(
        /aws_eks_cluster\.cluster: helm_release .*lb_controller_release.* endpoint is private-only .*set aws\.cluster\.apiAccess/,
      );
    }
  });

  it('flags access entries beside the implicit creator entry (409 ResourceInUseException)', () => {
    const files = corrupt(tree, file, 0, (tf) => {
      at(cluster(tf), 'access_config').bootstrap_cluster_creator_admin_permissions = true;
    });
    expect(findings(files, creator)).toEqual([
      expect.stringMatching(
        /aws_eks_cluster\.cluster: bootstrap_cluster_creator_admin_permissions is true .*admin_access_entry_0.*409 ResourceInUseException/,
      ),
    ]);
  });
});
