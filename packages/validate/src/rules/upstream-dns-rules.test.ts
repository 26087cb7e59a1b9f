import { join } from 'node:path';
import { loadModel } from '@routeplane/catalog';
import type { Model } from '@routeplane/model';
import { renderDeck } from '@routeplane/render-deck';
import { renderInfra } from '@routeplane/render-terraform';
import { repoRoot } from '@routeplane/test-support';
import { describe, expect, it } from 'vitest';
import { at, corrupt } from '../corrupt.fixture.js';
import type { TreeFile } from '../finding.js';
import { treeFromRendered } from '../rendered-files.js';
import { validateTree } from '../validate-tree.js';
import { upstreamDnsRules } from './upstream-dns-rules.js';

const rule = 'xlayer/kong-upstream-resolvable';
const tfFile = 'generated/terraform/dev/main.tf.json';

const treeOf = (model: Model) => treeFromRendered([...renderDeck(model), ...renderInfra(model)]);
const tree = treeOf(loadModel(join(repoRoot, 'catalog.yaml')));

type Doc = Record<string, unknown>;

function findings(files: TreeFile[]): string[] {
  return validateTree({ files, waivers: [] }, upstreamDnsRules).map(
    (f) => `${f.file} ${f.object}: ${f.message}`,
  );
}

const upstream = 'deck/dev/kong.yaml upstream kong-cloud-gw-gateway.istio-ingress.routeplane';
const host = 'gateway.internal.example.com';
const noZone = `${upstream}: target host ${host}: no Route 53 private hosted zone in the Terraform holds it and no private endpoint maps it, so Kong cannot resolve it`;
const noRecord = `${upstream}: target host ${host}: the private hosted zone internal.example.com has no record for it`;
const notAttached = (networks: string) =>
  `${upstream}: target host ${host}: the private hosted zone internal.example.com is not attached (konnect_cloud_gateway_private_dns) to Kong's network(s) ${networks}, which then cannot resolve it`;

const resource = (tf: Doc, type: string, name: string) => at(tf, 'resource', type, name);
const zone = (tf: Doc) => resource(tf, 'aws_route53_zone', 'gateway_private_zone');
const record = (tf: Doc) => resource(tf, 'aws_route53_record', 'gateway_private_record');
const attachment = (tf: Doc) =>
  resource(tf, 'konnect_cloud_gateway_private_dns', 'cloud_gateway_private_dns');
/** A second Konnect network beside the shipped one (a second region's data planes). */
const secondNetwork = (tf: Doc) => {
  at(tf, 'resource', 'konnect_cloud_gateway_network').second_network = {
    ...resource(tf, 'konnect_cloud_gateway_network', 'cloud_gateway_network'),
  };
};
/** A private endpoint (resource gateway) next to the shipped transit gateway, mapping `name`. */
const endpointMapping = (tf: Doc, name: string) => {
  at(tf, 'resource', 'konnect_cloud_gateway_transit_gateway').cloud_gateway_resource_endpoint = {
    network_id: `\${konnect_cloud_gateway_network.cloud_gateway_network.id}`,
    aws_resource_endpoint_gateway: {
      name: 'kong-cloud-gw-dev-resource-endpoint',
      transit_gateway_attachment_config: {
        kind: 'aws-resource-endpoint-attachment',
        resource_config: [{ domain_name: name, resource_config_id: 'rcfg-0123456789abcdef0' }],
      },
    },
  };
};
const withoutZone = (tf: Doc): undefined => {
  delete at(tf, 'resource').aws_route53_zone;
};

describe(rule, () => {
  it("passes the shipped catalog, whose Kong connects by the certificate's name", () => {
    expect(findings(tree)).toEqual([]);
  });

  it.each<[string, (tf: Doc) => undefined, string]>([
    [
      'the private zone removed',
      (tf): undefined => {
        delete at(tf, 'resource').aws_route53_zone;
      },
      `${upstream}: target host gateway.internal.example.com: no Route 53 private hosted zone in the Terraform holds it and no private endpoint maps it, so Kong cannot resolve it`,
    ],
    [
      'the record removed',
      (tf): undefined => {
        delete at(tf, 'resource').aws_route53_record;
      },
      `${upstream}: target host gateway.internal.example.com: the private hosted zone internal.example.com has no record for it`,
    ],
    [
      "the zone not attached to Kong's network",
      (tf): undefined => {
        delete at(tf, 'resource').konnect_cloud_gateway_private_dns;
      },
      `${upstream}: target host gateway.internal.example.com: the private hosted zone internal.example.com is not attached (konnect_cloud_gateway_private_dns) to Kong's network(s) cloud_gateway_network, which then cannot resolve it`,
    ],
    [
      'a public zone (no vpc) for the name',
      (tf): undefined => {
        zone(tf).vpc = [];
      },
      noZone,
    ],
    [
      'a private zone for another domain',
      (tf): undefined => {
        zone(tf).name = 'internal.example.org';
      },
      noZone,
    ],
    [
      'a private endpoint mapping another name, no zone',
      (tf): undefined => {
        withoutZone(tf);
        endpointMapping(tf, 'other.internal.example.com');
      },
      noZone,
    ],
    [
      'the record for another name',
      (tf): undefined => {
        record(tf).name = 'api.internal.example.com';
      },
      noRecord,
    ],
    [
      'the record in another zone',
      (tf): undefined => {
        record(tf).zone_id = `\${aws_route53_zone.other_zone.zone_id}`;
      },
      noRecord,
    ],
    [
      'the attachment of another zone',
      (tf): undefined => {
        at(
          attachment(tf),
          'private_dns_attachment_config',
          'aws_private_hosted_zone_attachment_config',
        ).hosted_zone_id = `\${aws_route53_zone.other_zone.zone_id}`;
      },
      notAttached('cloud_gateway_network'),
    ],
    [
      'a second Konnect network without the attachment',
      (tf): undefined => {
        secondNetwork(tf);
      },
      notAttached('second_network'),
    ],
    [
      'two Konnect networks, no attachment',
      (tf): undefined => {
        secondNetwork(tf);
        delete at(tf, 'resource').konnect_cloud_gateway_private_dns;
      },
      notAttached('cloud_gateway_network, second_network'),
    ],
  ])('flags %s', (_name, edit, expected) => {
    expect(findings(corrupt(tree, tfFile, 0, edit))).toEqual([expected]);
  });

  it.each<[string, (tf: Doc) => undefined]>([
    [
      'a private endpoint mapping the name instead of a zone',
      (tf): undefined => {
        withoutZone(tf);
        endpointMapping(tf, host);
      },
    ],
    [
      'a network entry that is no resource body',
      (tf): undefined => {
        at(tf, 'resource', 'konnect_cloud_gateway_network').stray = null;
      },
    ],
  ])('accepts %s', (_name, edit) => {
    expect(findings(corrupt(tree, tfFile, 0, edit))).toEqual([]);
  });

  it('names an upstream without a name by the empty string, and still checks it', () => {
    const files = corrupt(
      corrupt(tree, tfFile, 0, (tf): undefined => withoutZone(tf)),
      'deck/dev/kong.yaml',
      0,
      (deck): undefined => {
        delete at(deck, 'upstreams', 0).name;
      },
    );
    expect(findings(files)).toEqual([
      noZone.replace('upstream kong-cloud-gw-gateway.istio-ingress.routeplane', 'upstream '),
    ]);
  });

  it('checks only targets that are the certificate name', () => {
    const files = corrupt(
      corrupt(tree, tfFile, 0, (tf): undefined => withoutZone(tf)),
      'deck/dev/kong.yaml',
      0,
      (deck): undefined => {
        at(deck, 'upstreams', 0).host_header = 'gateway.example.net';
      },
    );
    expect(findings(files)).toEqual([]);
  });
});
