import { describe, expect, it } from 'vitest';
import { at, corrupt, list } from '../corrupt.fixture.js';
import { exampleTree, ruleFindings } from '../example-tree.fixture.js';
import type { TreeFile } from '../finding.js';

const rule = 'xlayer/kong-no-edge';
const tree = exampleTree('no-edge');

type Doc = Record<string, unknown>;

const findings = (files: TreeFile[]) => ruleFindings(rule, files);
const devDeck = 'deck/dev/kong.yaml';
const viewerHostMessage =
  'matches header X-Viewer-Host, which no CloudFront function sets in this environment, so the client chooses its value; match hosts instead';

/** dev's kong.yaml with one more global plugin. */
const withPlugin = (plugin: Doc) =>
  corrupt(tree, devDeck, 0, (deck) => {
    deck.plugins = [...((deck.plugins as unknown[] | undefined) ?? []), plugin];
  });

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

  it('flags an origin check with more code after it', () => {
    const check = prodOriginCheck();
    const config = check.config as { access: string[] };
    config.access = [...config.access, 'kong.log.notice("checked")'];
    expect(findings(withPlugin(check))).toEqual([
      `${devDeck} plugins pre-function: checks the CloudFront origin secret, but no CloudFront distribution sends it in this environment, so Kong refuses every request with 403`,
    ]);
  });

  it('names a route without a name "?"', () => {
    const edited = corrupt(tree, devDeck, 0, (deck) => {
      const route = at(deck, 'services', 0, 'routes', 0);
      delete route.name;
      route.headers = { 'x-viewer-host': ['proxy.kong-cloud-gw-dev.example.com'] };
    });
    expect(findings(edited)).toEqual([`${devDeck} route ?: ${viewerHostMessage}`]);
  });

  it.each<[string, () => TreeFile[]]>([
    [
      'a pre-function of its own',
      () => withPlugin({ name: 'pre-function', config: { access: ['kong.log.notice("hi")'] } }),
    ],
    [
      'a route matching another header',
      () =>
        corrupt(tree, devDeck, 0, (deck) => {
          at(deck, 'services', 0, 'routes', 0).headers = { 'X-Tenant': ['acme'] };
        }),
    ],
    [
      'a viewer-host route where Kong is no Dedicated Cloud Gateway',
      () =>
        corrupt(
          corrupt(tree, devDeck, 0, (deck) => {
            at(deck, 'services', 0, 'routes', 0).headers = { 'X-Viewer-Host': ['api.example.com'] };
          }),
          'generated/terraform/dev/main.tf.json',
          0,
          (tf) => {
            delete at(tf, 'resource').konnect_cloud_gateway_configuration;
          },
        ),
    ],
  ])('accepts %s', (_name, edited) => {
    expect(findings(edited())).toEqual([]);
  });

  it('leaves an environment behind CloudFront to xlayer/kong-hosts-behind-cloudfront', () => {
    const edited = corrupt(tree, 'deck/prod/kong.yaml', 0, (deck) => {
      at(deck, 'services', 0, 'routes', 0).headers = { 'X-Viewer-Host': ['api.example.com'] };
    });
    expect(findings(edited)).toEqual([]);
  });
});
