import { join } from 'node:path';
import { loadModel } from '@routeplane/catalog';
import { fixtureModel, withSecondRegion } from '@routeplane/catalog/testing';
import { renderInfra } from '@routeplane/render-terraform';
import { repoRoot } from '@routeplane/test-support';
import { describe, expect, it } from 'vitest';
import { at, corrupt } from '../corrupt.fixture.js';
import type { TreeFile } from '../finding.js';
import { treeFromRendered } from '../rendered-files.js';
import { validateTree } from '../validate-tree.js';
import { notTerraformPaths, withCopyAt } from './misplaced-terraform.fixture.js';

const rule = 'xlayer/kong-networks-connected';
const domainRule = 'xlayer/kong-custom-domain';
const file = 'generated/terraform/dev/main.tf.json';
/** The shipped catalog (Transit Gateway) and the fixture with a private endpoint. */
const tree = treeFromRendered(renderInfra(loadModel(join(repoRoot, 'catalog.yaml'))));
const endpointTree = treeFromRendered(
  renderInfra(
    fixtureModel((c) => {
      for (const env of c.environments) env.connectivity = 'privateEndpoint';
    }),
  ),
);

type Doc = Record<string, unknown>;
type Edit = (tf: Doc) => void;

/** One rule's findings, one line each: `<object>: <message>`. */
function findingsOf(id: string, files: readonly TreeFile[]): string[] {
  return validateTree({ files, waivers: [] })
    .filter((f) => f.rule === id)
    .map((f) => `${f.object}: ${f.message}`);
}
const findings = (files: readonly TreeFile[]) => findingsOf(rule, files);

const edited = (files: readonly TreeFile[], edit: Edit) =>
  corrupt(files, file, 0, (tf) => {
    edit(tf);
    return undefined;
  });

const nlbGroup = `\${aws_security_group.gateway_nlb_security_group.id}`;
const otherGroup = `\${aws_security_group.other_security_group.id}`;
const ingress = (tf: Doc) => at(tf, 'resource', 'aws_vpc_security_group_ingress_rule');
/** Adds an ingress rule named `name` into the gateway NLB's group from `source`. */
const admit =
  (name: string, source: Doc): Edit =>
  (tf) => {
    ingress(tf)[name] = { security_group_id: nlbGroup, ip_protocol: 'tcp', ...source };
  };
/** Adds a Konnect network `extra` (10.99.0.0/16) that nothing uses, admits or routes. */
const extraNetwork: Edit = (tf) => {
  at(tf, 'resource', 'konnect_cloud_gateway_network').extra = { cidr_block: '10.99.0.0/16' };
};

const network = 'konnect_cloud_gateway_network.cloud_gateway_network';
const unused = (object: string) =>
  `${object}: no data-plane group of konnect_cloud_gateway_configuration uses this network, so Konnect never provisions it and its attachment never becomes ready`;
const notAdmitted = (object: string, cidr: string) =>
  `${object}: the gateway NLB's security group (aws_security_group.gateway_nlb_security_group.id) admits no ingress from this network's ${cidr}: Kong's data planes there cannot reach the gateway`;
const notRouted = (object: string, cidr: string) =>
  `${object}: no VPC route (aws_route) leads to this network's ${cidr}: the gateway's replies to Kong's data planes there are not routed`;
const foreign = (name: string, given: string, path: string) =>
  `aws_vpc_security_group_ingress_rule.${name}: the gateway NLB admits ${given}, which is not a source of the chosen path (${path})`;
const kongNetworks = (cidrs: string) => `Kong's networks ${cidrs} only`;
const latticeOnly = "the private endpoint's VPC Lattice resource gateway group only";

describe(rule, () => {
  it('passes the shipped Terraform', () => {
    expect(findings(tree)).toEqual([]);
  });

  it('passes Terraform with a second data-plane region', () => {
    const model = fixtureModel(withSecondRegion);
    expect(findings(treeFromRendered(renderInfra(model)))).toEqual([]);
  });

  it('passes Terraform with vpcPeering', () => {
    const model = fixtureModel((c) => {
      for (const env of c.environments) env.connectivity = 'vpcPeering';
    });
    expect(findings(treeFromRendered(renderInfra(model)))).toEqual([]);
  });

  it('passes Terraform with privateEndpoint', () => {
    expect(findings(endpointTree)).toEqual([]);
  });

  it.each<[string, Edit, string[]]>([
    [
      'a Kong CIDR admitted beside a private endpoint',
      admit('extra', { cidr_ipv4: '192.168.0.0/16' }),
      [foreign('extra', '192.168.0.0/16', latticeOnly)],
    ],
    [
      "a security group other than the VPC Lattice resource gateway's beside a private endpoint",
      admit('extra', { referenced_security_group_id: otherGroup }),
      [foreign('extra', otherGroup, latticeOnly)],
    ],
  ])('flags %s', (_name, edit, expected) => {
    expect(findings(edited(endpointTree, edit))).toEqual(expected);
  });

  it.each<[string, Edit, string[]]>([
    [
      'a network no data-plane group uses',
      (tf) => {
        at(
          tf,
          'resource',
          'konnect_cloud_gateway_configuration',
          'cloud_gateway_configuration',
        ).dataplane_groups = [];
      },
      [unused(network)],
    ],
    [
      "a network the gateway NLB's security group does not admit",
      (tf) => {
        delete ingress(tf).gateway_nlb_from_kong_443;
      },
      [notAdmitted(network, '192.168.0.0/16')],
    ],
    [
      'a network the VPC has no route to',
      (tf) => {
        const routes = at(tf, 'resource', 'aws_route');
        for (const name of Object.keys(routes)) {
          if (name.startsWith('kong_route_')) delete routes[name];
        }
      },
      [notRouted(network, '192.168.0.0/16')],
    ],
    [
      'a second network that nothing uses, admits or routes',
      extraNetwork,
      [
        notRouted('konnect_cloud_gateway_network.extra', '10.99.0.0/16'),
        unused('konnect_cloud_gateway_network.extra'),
        notAdmitted('konnect_cloud_gateway_network.extra', '10.99.0.0/16'),
      ],
    ],
    [
      'a source from anywhere beside the Transit Gateway path',
      admit('anywhere', { cidr_ipv4: '0.0.0.0/0' }),
      [foreign('anywhere', '0.0.0.0/0', kongNetworks('192.168.0.0/16'))],
    ],
    [
      'a source from anywhere beside two networks',
      (tf) => {
        extraNetwork(tf);
        admit('anywhere', { cidr_ipv4: '0.0.0.0/0' })(tf);
      },
      [
        foreign('anywhere', '0.0.0.0/0', kongNetworks('192.168.0.0/16, 10.99.0.0/16')),
        notRouted('konnect_cloud_gateway_network.extra', '10.99.0.0/16'),
        unused('konnect_cloud_gateway_network.extra'),
        notAdmitted('konnect_cloud_gateway_network.extra', '10.99.0.0/16'),
      ],
    ],
    [
      'an IPv6 source',
      admit('anywhere_v6', { cidr_ipv6: '::/0' }),
      [foreign('anywhere_v6', '::/0', kongNetworks('192.168.0.0/16'))],
    ],
    [
      'a source from a prefix list',
      admit('prefix_list', { prefix_list_id: 'pl-0123456789abcdef0' }),
      [foreign('prefix_list', 'an unnamed source', kongNetworks('192.168.0.0/16'))],
    ],
    [
      'nothing for an ingress rule into another security group',
      (tf) => {
        ingress(tf).other = { security_group_id: otherGroup, cidr_ipv4: '0.0.0.0/0' };
      },
      [],
    ],
    [
      'nothing without a Konnect network (no Dedicated Cloud Gateway)',
      (tf) => {
        delete at(tf, 'resource').konnect_cloud_gateway_network;
      },
      [],
    ],
    [
      'nothing for the CIDR path of a network with no attachment resource (no private endpoint)',
      (tf) => {
        delete at(tf, 'resource').konnect_cloud_gateway_transit_gateway;
      },
      [],
    ],
  ])('flags %s', (_name, edit, expected) => {
    expect(findings(edited(tree, edit))).toEqual(expected);
  });
});

describe(domainRule, () => {
  const custom = (files: readonly TreeFile[]) => findingsOf(domainRule, files);
  const domain = 'proxy.kong-cloud-gw-dev.example.com';
  const origin = (tf: Doc) =>
    (at(tf, 'resource', 'aws_cloudfront_distribution', 'distribution').origin as Doc[])[0] ?? {};
  const records = (tf: Doc, ...names: string[]) => {
    at(tf, 'resource').aws_route53_record = Object.fromEntries(
      names.map((name, i) => [`record_${i}`, { name, type: 'CNAME' }]),
    );
  };

  it('passes the shipped Terraform, whose CloudFront origin is the custom domain', () => {
    expect(custom(tree)).toEqual([]);
  });

  it.each<[string, Edit, string[]]>([
    [
      'a CloudFront origin that is no Konnect custom domain',
      (tf) => {
        origin(tf).domain_name = 'kong.example.com';
      },
      [
        `aws_cloudfront_distribution.distribution: origin kong.example.com is not a Konnect custom domain (${domain}): the data planes present no certificate for it, so origin TLS fails`,
      ],
    ],
    [
      'a CloudFront origin that is neither of two Konnect custom domains',
      (tf) => {
        origin(tf).domain_name = 'kong.example.com';
        at(tf, 'resource', 'konnect_cloud_gateway_custom_domain').admin = {
          domain: 'admin.example.com',
        };
      },
      [
        `aws_cloudfront_distribution.distribution: origin kong.example.com is not a Konnect custom domain (${domain}, admin.example.com): the data planes present no certificate for it, so origin TLS fails`,
      ],
    ],
    [
      'an _acme-challenge record without the record of its domain',
      (tf) => records(tf, `_acme-challenge.${domain}`),
      [
        `aws_route53_record _acme-challenge.${domain}: validates ${domain}, which has no record of its own pointing at Konnect`,
      ],
    ],
    [
      'an _acme-challenge record for a domain Konnect does not serve',
      (tf) => records(tf, '_acme-challenge.other.example.com', 'other.example.com'),
      [
        'aws_route53_record _acme-challenge.other.example.com: validates other.example.com, which is no Konnect custom domain',
      ],
    ],
    [
      "nothing for an _acme-challenge record beside its domain's record",
      (tf) => records(tf, `_acme-challenge.${domain}`, domain),
      [],
    ],
    [
      'nothing without a Konnect custom domain (CloudFront in front of something else)',
      (tf) => {
        delete at(tf, 'resource').konnect_cloud_gateway_custom_domain;
        records(tf, '_acme-challenge.other.example.com');
      },
      [],
    ],
  ])('flags %s', (_name, edit, expected) => {
    expect(custom(edited(tree, edit))).toEqual(expected);
  });
});

describe('the Dedicated Cloud Gateway rules', () => {
  it.each(notTerraformPaths)('do not read %s', (path) => {
    const broken = edited(tree, (tf) => {
      admit('anywhere', { cidr_ipv4: '0.0.0.0/0' })(tf);
      (at(tf, 'resource', 'aws_cloudfront_distribution', 'distribution').origin as Doc[]).push({
        domain_name: 'kong.example.com',
      });
    });
    const copied = withCopyAt(tree, broken, file, path);
    expect([findings(broken), findingsOf(domainRule, broken)].map((f) => f.length)).toEqual([1, 1]);
    expect([...findings(copied), ...findingsOf(domainRule, copied)]).toEqual([]);
  });
});
