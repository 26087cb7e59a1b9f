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

const rule = 'xlayer/kong-networks-connected';
const file = 'generated/terraform/dev/main.tf.json';
const tree = treeFromRendered(renderInfra(loadModel(join(repoRoot, 'catalog.yaml'))));

type Doc = Record<string, unknown>;

function findings(files: TreeFile[]): string[] {
  return validateTree({ files, waivers: [] })
    .filter((f) => f.rule === rule)
    .map((f) => `${f.object}: ${f.message}`);
}

describe(rule, () => {
  it('passes the shipped Terraform', () => {
    expect(findings(tree)).toEqual([]);
  });

  it('passes Terraform with a second data-plane region', () => {
    const model = fixtureModel(withSecondRegion);
    expect(findings(treeFromRendered(renderInfra(model)))).toEqual([]);
  });

  it.each(['vpcPeering', 'privateEndpoint'] as const)(
    'passes Terraform with %s',
    (connectivity) => {
      const model = fixtureModel((c) => {
        for (const env of c.environments) env.connectivity = connectivity;
      });
      expect(findings(treeFromRendered(renderInfra(model)))).toEqual([]);
    },
  );

  it('flags a Kong CIDR admitted beside a private endpoint', () => {
    const model = fixtureModel((c) => {
      for (const env of c.environments) env.connectivity = 'privateEndpoint';
    });
    const endpointTree = treeFromRendered(renderInfra(model));
    const files = corrupt(endpointTree, file, 0, (tf): undefined => {
      at(tf, 'resource', 'aws_vpc_security_group_ingress_rule').extra = {
        security_group_id: `\${aws_security_group.gateway_nlb_security_group.id}`,
        cidr_ipv4: '192.168.0.0/16',
      };
    });
    expect(findings(files)).toEqual([
      expect.stringMatching(
        /^aws_vpc_security_group_ingress_rule\.extra: the gateway NLB admits 192\.168\.0\.0\/16, which is not a source of the chosen path \(the private endpoint's VPC Lattice resource gateway group only\)$/,
      ),
    ]);
  });

  it.each<[string, (tf: Doc) => undefined, RegExp]>([
    [
      'a network no data-plane group uses',
      (tf): undefined => {
        at(
          tf,
          'resource',
          'konnect_cloud_gateway_configuration',
          'cloud_gateway_configuration',
        ).dataplane_groups = [];
      },
      /^konnect_cloud_gateway_network\.cloud_gateway_network: no data-plane group .* never provisions it/,
    ],
    [
      "a network the gateway NLB's security group does not admit",
      (tf): undefined => {
        delete at(tf, 'resource', 'aws_vpc_security_group_ingress_rule').gateway_nlb_from_kong_443;
      },
      /^konnect_cloud_gateway_network\.cloud_gateway_network: the gateway NLB's security group .* admits no ingress from this network's 192\.168\.0\.0\/16/,
    ],
    [
      'a network the VPC has no route to',
      (tf): undefined => {
        const routes = at(tf, 'resource', 'aws_route');
        for (const name of Object.keys(routes)) {
          if (name.startsWith('kong_route_')) delete routes[name];
        }
      },
      /^konnect_cloud_gateway_network\.cloud_gateway_network: no VPC route .* 192\.168\.0\.0\/16/,
    ],
    [
      'a source beside the Transit Gateway path',
      (tf): undefined => {
        at(tf, 'resource', 'aws_vpc_security_group_ingress_rule').anywhere = {
          security_group_id: `\${aws_security_group.gateway_nlb_security_group.id}`,
          cidr_ipv4: '0.0.0.0/0',
        };
      },
      /^aws_vpc_security_group_ingress_rule\.anywhere: the gateway NLB admits 0\.0\.0\.0\/0, which is not a source of the chosen path \(Kong's networks 192\.168\.0\.0\/16 only\)$/,
    ],
  ])('flags %s', (_name, edit, expected) => {
    expect(findings(corrupt(tree, file, 0, edit))).toEqual([expect.stringMatching(expected)]);
  });
});

describe('xlayer/kong-custom-domain', () => {
  const custom = (files: TreeFile[]) =>
    validateTree({ files, waivers: [] })
      .filter((f) => f.rule === 'xlayer/kong-custom-domain')
      .map((f) => `${f.object}: ${f.message}`);

  it('passes the shipped Terraform, whose CloudFront origin is the custom domain', () => {
    expect(custom(tree)).toEqual([]);
  });

  it('flags a CloudFront origin that is no Konnect custom domain', () => {
    const files = corrupt(tree, file, 0, (tf): undefined => {
      const [origin] = at(tf, 'resource', 'aws_cloudfront_distribution', 'distribution')
        .origin as Doc[];
      if (origin) origin.domain_name = 'kong.example.com';
    });
    expect(custom(files)).toEqual([
      'aws_cloudfront_distribution.distribution: origin kong.example.com is not a Konnect custom domain (proxy.kong-cloud-gw-dev.example.com): the data planes present no certificate for it, so origin TLS fails',
    ]);
  });

  it('flags an _acme-challenge record without the record of its domain', () => {
    const files = corrupt(tree, file, 0, (tf): undefined => {
      at(tf, 'resource').aws_route53_record = {
        acme: { name: '_acme-challenge.proxy.kong-cloud-gw-dev.example.com', type: 'CNAME' },
      };
    });
    expect(custom(files)).toEqual([
      'aws_route53_record _acme-challenge.proxy.kong-cloud-gw-dev.example.com: validates proxy.kong-cloud-gw-dev.example.com, which has no record of its own pointing at Konnect',
    ]);
  });
});
