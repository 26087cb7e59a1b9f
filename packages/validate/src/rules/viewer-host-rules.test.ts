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

const rule = 'xlayer/kong-hosts-behind-cloudfront';
const treeOf = (model: Model) => treeFromRendered([...renderDeck(model), ...renderInfra(model)]);
const tree = treeOf(loadModel(join(repoRoot, 'examples/viewer-hosts/catalog.yaml')));

type Doc = Record<string, unknown>;

function findings(files: TreeFile[]): string[] {
  return validateTree({ files, waivers: [] })
    .filter((f) => f.rule === rule)
    .map((f) => `${f.file} ${f.object}: ${f.message}`);
}

function app2(deck: unknown): Doc {
  const services = (deck as { services: { routes?: Doc[] }[] }).services;
  const route = services.flatMap((s) => s.routes ?? []).find((r) => r.name === 'app2');
  if (route === undefined) throw new Error('route app2 not rendered');
  return route;
}

describe(rule, () => {
  it('passes examples/viewer-hosts', () => {
    expect(findings(tree)).toEqual([]);
  });

  it.each<[string, string, (doc: unknown) => undefined, string]>([
    [
      'a route matching hosts behind CloudFront',
      'deck/dev/kong.yaml',
      (deck) => {
        const route = app2(deck);
        route.hosts = ['api.dev.example.com'];
        delete route.headers;
      },
      "deck/dev/kong.yaml route app2: hosts api.dev.example.com never match behind CloudFront, which sends Kong the origin's name as Host; match header X-Viewer-Host instead",
    ],
    [
      'a viewer host CloudFront does not serve',
      'deck/dev/kong.yaml',
      (deck) => {
        app2(deck).headers = { 'X-Viewer-Host': ['api.other.example.com'] };
      },
      'deck/dev/kong.yaml route app2: matches X-Viewer-Host api.other.example.com, but CloudFront serves only api.dev.example.com, so no such request reaches Kong',
    ],
    [
      'a distribution without the viewer-request function',
      'generated/terraform/dev/main.tf.json',
      (tf) => {
        const behaviour = at(tf, 'resource', 'aws_cloudfront_distribution', 'distribution')
          .default_cache_behavior as Doc;
        delete behaviour.function_association;
      },
      "deck/dev/kong.yaml route app2: matches header X-Viewer-Host, but CloudFront's default behaviour has no viewer-request function setting it from the viewer's Host, so the route never matches",
    ],
  ])('flags %s', (_name, file, edit, expected) => {
    expect(findings(corrupt(tree, file, 0, edit))).toEqual([expected]);
  });
});
