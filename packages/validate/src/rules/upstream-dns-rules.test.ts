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

const rule = 'xlayer/kong-upstream-resolvable';
const tfFile = 'generated/terraform/dev/main.tf.json';

const treeOf = (model: Model) => treeFromRendered([...renderDeck(model), ...renderInfra(model)]);
const tree = treeOf(loadModel(join(repoRoot, 'catalog.yaml')));

type Doc = Record<string, unknown>;

function findings(files: TreeFile[]): string[] {
  return validateTree({ files, waivers: [] })
    .filter((f) => f.rule === rule)
    .map((f) => `${f.file} ${f.object}: ${f.message}`);
}

const upstream = 'deck/dev/kong.yaml upstream kong-cloud-gw-gateway.istio-ingress.routeplane';

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
  ])('flags %s', (_name, edit, expected) => {
    expect(findings(corrupt(tree, tfFile, 0, edit))).toEqual([expected]);
  });
});
