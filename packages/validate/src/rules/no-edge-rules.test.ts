import { describe, expect, it } from 'vitest';
import { at, corrupt, list } from '../corrupt.fixture.js';
import { exampleTree, ruleFindings } from '../example-tree.fixture.js';
import type { TreeFile } from '../finding.js';

const rule = 'xlayer/kong-no-edge';
const tree = exampleTree('no-edge');

type Doc = Record<string, unknown>;

const findings = (files: TreeFile[]) => ruleFindings(rule, files);

/** prod's origin check (it sits behind CloudFront), copied into dev's kong.yaml. */
function prodOriginCheck(): Doc {
  const prod = tree.find((f) => f.path === 'deck/prod/kong.yaml')?.documents[0];
  const check = list(prod, 'plugins').find((p) => (p as Doc).name === 'pre-function');
  if (check === undefined) throw new Error('prod renders no origin check');
  return structuredClone(check) as Doc;
}

describe(rule, () => {
  it('passes examples/no-edge (dev without CloudFront, prod behind it)', () => {
    expect(findings(tree)).toEqual([]);
  });

  it.each<[string, string, (doc: unknown) => undefined, string]>([
    [
      'an origin check nobody can pass',
      'deck/dev/kong.yaml',
      (deck) => {
        const plugins = (deck as Doc).plugins as unknown[] | undefined;
        (deck as Doc).plugins = [...(plugins ?? []), prodOriginCheck()];
      },
      'deck/dev/kong.yaml plugins pre-function: checks the CloudFront origin secret, but no CloudFront distribution sends it in this environment, so Kong refuses every request with 403',
    ],
    [
      'a route matching the viewer-host header the client would choose',
      'deck/dev/kong.yaml',
      (deck) => {
        const route = at(deck, 'services', 0, 'routes', 0);
        route.headers = { 'X-Viewer-Host': ['proxy.kong-cloud-gw-dev.example.com'] };
      },
      `deck/dev/kong.yaml route ${String(at(tree.find((f) => f.path === 'deck/dev/kong.yaml')?.documents[0], 'services', 0, 'routes', 0).name)}: matches header X-Viewer-Host, which no CloudFront function sets in this environment, so the client chooses its value; match hosts instead`,
    ],
  ])('flags %s', (_name, file, edit, expected) => {
    expect(findings(corrupt(tree, file, 0, edit))).toEqual([expected]);
  });

  it('leaves an environment behind CloudFront to xlayer/kong-hosts-behind-cloudfront', () => {
    const edited = corrupt(tree, 'deck/prod/kong.yaml', 0, (deck) => {
      at(deck, 'services', 0, 'routes', 0).headers = { 'X-Viewer-Host': ['api.example.com'] };
    });
    expect(findings(edited)).toEqual([]);
  });
});
