import { join } from 'node:path';
import { loadModel } from '@routeplane/catalog';
import { renderInfra } from '@routeplane/render-terraform';
import { repoRoot } from '@routeplane/test-support';
import { describe, expect, it } from 'vitest';
import { at, corrupt } from '../corrupt.fixture.js';
import type { TreeFile } from '../finding.js';
import { treeFromRendered } from '../rendered-files.js';
import { validateTree } from '../validate-tree.js';
import { terraformRules } from './terraform-rules.js';

const file = 'generated/terraform/dev/main.tf.json';
const tree = treeFromRendered(renderInfra(loadModel(join(repoRoot, 'catalog.yaml'))));

type Doc = Record<string, unknown>;
type Edit = (tf: Doc) => undefined;
const cluster = (tf: Doc) => at(tf, 'resource', 'aws_eks_cluster', 'cluster');
const privateOnly: Edit = (tf) => {
  at(cluster(tf), 'vpc_config').endpoint_public_access = false;
  delete at(cluster(tf), 'vpc_config').public_access_cidrs;
};
const clusterGroup = `\${aws_eks_cluster.cluster.vpc_config[0].cluster_security_group_id}`;
/** A private-only endpoint plus one rule of `type` on the cluster security group. */
const privateWith =
  (rule: Doc, type = 'aws_vpc_security_group_ingress_rule'): Edit =>
  (tf) => {
    privateOnly(tf);
    const resources = at(tf, 'resource');
    resources[type] = {
      ...(resources[type] as Doc | undefined),
      runner: { security_group_id: clusterGroup, ...rule },
    };
  };
const tcp443 = { ip_protocol: 'tcp', from_port: 443, to_port: 443, cidr_ipv4: '10.9.0.0/24' };
const creatorTrue: Edit = (tf) => {
  at(cluster(tf), 'access_config').bootstrap_cluster_creator_admin_permissions = true;
};

function findings(files: TreeFile[]): string[] {
  return validateTree({ files, waivers: [] }, terraformRules).map(
    (f) => `${f.rule} ${f.file} ${f.object}: ${f.message}`,
  );
}
const after = (edit: Edit, path = file) => findings(corrupt(tree, path, 0, edit));

const releases = 'argocd_release, argocd_root_application, lb_controller_release';
const unreachable = (names = releases, cidrs = '') =>
  `xlayer/terraform-api-reachable ${file} aws_eks_cluster.cluster: helm_release ${names} install through this cluster's API, but its endpoint is private-only${cidrs} and no rule opens TCP 443 on its cluster security group: terraform apply cannot reach it from outside the VPC (set aws.cluster.apiAccess in the catalog)`;
const creatorEntries = (entries: string) =>
  `xlayer/terraform-creator-access ${file} aws_eks_cluster.cluster: bootstrap_cluster_creator_admin_permissions is true and the configuration declares access entries (${entries}): an entry for the identity running Terraform then fails with 409 ResourceInUseException; set it to false and grant admins only through entries`;

describe('Terraform an apply could not complete', () => {
  it('passes the shipped Terraform', () => {
    expect(tree.some((f) => f.path === file)).toBe(true);
    expect(findings(tree)).toEqual([]);
  });

  it.each<[string, Edit, string[]]>([
    ['private-only endpoint, no rule', privateOnly, [unreachable()]],
    [
      'private-only endpoint with public_access_cidrs left over',
      (tf) => {
        at(cluster(tf), 'vpc_config').endpoint_public_access = false;
      },
      [unreachable(releases, ' (public_access_cidrs without endpoint_public_access)')],
    ],
    [
      'private-only endpoint as a one-element vpc_config block list',
      (tf) => {
        privateOnly(tf);
        cluster(tf).vpc_config = [at(cluster(tf), 'vpc_config')];
      },
      [unreachable()],
    ],
    [
      'private-only endpoint, no Helm release to install',
      (tf) => {
        privateOnly(tf);
        delete at(tf, 'resource').helm_release;
      },
      [],
    ],
    [
      'a Helm release body that is not an object is no release',
      (tf) => {
        privateOnly(tf);
        at(tf, 'resource', 'helm_release').stray = null;
      },
      [unreachable()],
    ],
    ['private-only endpoint, 443 from a runner CIDR', privateWith(tcp443), []],
    [
      'private-only endpoint, IANA protocol 6 on 443',
      privateWith({ ...tcp443, ip_protocol: '6' }),
      [],
    ],
    [
      'private-only endpoint, all traffic (protocol -1, no ports)',
      privateWith({ ip_protocol: '-1', cidr_ipv4: '10.9.0.0/24' }),
      [],
    ],
    [
      'private-only endpoint, a port range around 443',
      privateWith({ ...tcp443, from_port: 400, to_port: 500 }),
      [],
    ],
    [
      'private-only endpoint, TCP up to 443 without from_port (EC2 refuses it)',
      privateWith({ ip_protocol: 'tcp', to_port: 443, cidr_ipv4: '10.9.0.0/24' }),
      [unreachable()],
    ],
    [
      'private-only endpoint, TCP from 443 without to_port (EC2 refuses it)',
      privateWith({ ip_protocol: 'tcp', from_port: 443, cidr_ipv4: '10.9.0.0/24' }),
      [unreachable()],
    ],
    [
      'private-only endpoint, UDP on 443',
      privateWith({ ...tcp443, ip_protocol: 'udp' }),
      [unreachable()],
    ],
    [
      'private-only endpoint, a rule on another port',
      privateWith({ ...tcp443, from_port: 22, to_port: 22 }),
      [unreachable()],
    ],
    [
      'private-only endpoint, a port range above 443',
      privateWith({ ...tcp443, from_port: 8443, to_port: 9443 }),
      [unreachable()],
    ],
    [
      'private-only endpoint, 443 on another security group',
      privateWith({ ...tcp443, security_group_id: 'sg-0123456789abcdef0' }),
      [unreachable()],
    ],
    [
      'private-only endpoint, a legacy aws_security_group_rule of type ingress on 443',
      privateWith(
        { type: 'ingress', protocol: 'tcp', from_port: 443, to_port: 443 },
        'aws_security_group_rule',
      ),
      [],
    ],
    [
      'private-only endpoint, a legacy aws_security_group_rule of type egress on 443',
      privateWith(
        { type: 'egress', protocol: 'tcp', from_port: 443, to_port: 443 },
        'aws_security_group_rule',
      ),
      [unreachable()],
    ],
    [
      'creator permissions with access entries',
      creatorTrue,
      [creatorEntries('admin_access_entry_0')],
    ],
    [
      'creator permissions with two access entries',
      (tf) => {
        creatorTrue(tf);
        const entries = at(tf, 'resource', 'aws_eks_access_entry');
        entries.admin_access_entry_1 = { ...at(entries, 'admin_access_entry_0') };
      },
      [creatorEntries('admin_access_entry_0, admin_access_entry_1')],
    ],
    [
      'creator permissions without any access entry',
      (tf) => {
        creatorTrue(tf);
        delete at(tf, 'resource').aws_eks_access_entry;
      },
      [],
    ],
    [
      'a cluster without access_config (the provider default applies)',
      (tf) => {
        delete cluster(tf).access_config;
      },
      [],
    ],
  ])('%s', (_name, edit, expected) => {
    expect(after(edit)).toEqual(expected);
  });

  it('lists every release the cluster API must serve', () => {
    const found = after((tf) => {
      privateOnly(tf);
      delete at(tf, 'resource', 'helm_release').argocd_root_application;
    });
    expect(found).toEqual([unreachable('argocd_release, lb_controller_release')]);
  });

  it.each(['generated/terraform/dev/main.json', 'deck/main.tf.json'])(
    'reads only generated/terraform/**/*.tf.json, not %s',
    (path) => {
      const broken = corrupt(tree, file, 0, (tf) => {
        privateOnly(tf);
        creatorTrue(tf);
      }).find((f) => f.path === file) as TreeFile;
      expect(findings([{ path, documents: broken.documents }])).toEqual([]);
      expect(findings([broken])).toHaveLength(2);
    },
  );
});
