import { describe, expect, it } from 'vitest';
import { at, corrupt } from '../corrupt.fixture.js';
import { exampleTree, ruleFindings } from '../example-tree.fixture.js';
import type { TreeFile } from '../finding.js';

const rule = 'xlayer/kong-hosts-behind-cloudfront';
const tree = exampleTree('viewer-hosts');
const deck = 'deck/dev/kong.yaml';
const terraform = 'generated/terraform/dev/main.tf.json';

type Doc = Record<string, unknown>;
/** One edit of one file of the example's tree. */
type Edit = readonly [path: string, change: (doc: Doc) => void];

const findings = (files: readonly TreeFile[]) => ruleFindings(rule, files);

function after(...edits: readonly Edit[]): TreeFile[] {
  return edits.reduce<TreeFile[]>(
    (files, [path, change]) =>
      corrupt(files, path, 0, (doc) => {
        change(doc);
        return undefined;
      }),
    tree,
  );
}

function app2(doc: unknown): Doc {
  const services = (doc as { services: { routes?: Doc[] }[] }).services;
  const route = services.flatMap((s) => s.routes ?? []).find((r) => r.name === 'app2');
  if (route === undefined) throw new Error('route app2 not rendered');
  return route;
}

/** app2 matches `hosts` instead of the viewer-host header. */
const hosts = (...names: string[]): Edit => [
  deck,
  (d) => {
    const route = app2(d);
    route.hosts = names;
    delete route.headers;
  },
];
const routeHeaders = (headers: Doc): Edit => [
  deck,
  (d) => {
    app2(d).headers = headers;
  },
];
const viewerHosts = (...values: unknown[]) => routeHeaders({ 'X-Viewer-Host': values });
const distribution = (change: (d: Doc) => void): Edit => [
  terraform,
  (tf) => change(at(tf, 'resource', 'aws_cloudfront_distribution', 'distribution')),
];
const aliases = (...names: string[]) =>
  distribution((d) => {
    d.aliases = names;
  });
const association = (change: (a: Doc) => void) =>
  distribution((d) => {
    change(at(d, 'default_cache_behavior', 'function_association', 0));
  });

const onApp2 = (message: string) => `${deck} route app2: ${message}`;
const neverMatch = (names: string) =>
  `hosts ${names} never match behind CloudFront, which sends Kong the origin's name as Host; match header X-Viewer-Host instead`;
const notServed = (values: string, served: string) =>
  onApp2(
    `matches X-Viewer-Host ${values}, but CloudFront serves only ${served}, so no such request reaches Kong`,
  );
const unchecked = (values: string) =>
  onApp2(
    `matches X-Viewer-Host ${values}, a regex validate cannot compile, so whether CloudFront's aliases reach the route is unchecked (routeplane renders anchored lowercase regexes): check it by hand, or waive this finding`,
  );
const noFunction = onApp2(
  "matches header X-Viewer-Host, but CloudFront's default behaviour has no viewer-request function setting it from the viewer's Host, so the route never matches",
);

describe(rule, () => {
  it('passes examples/viewer-hosts', () => {
    expect(findings(tree)).toEqual([]);
  });

  it.each<[string, Edit[], string[]]>([
    [
      'a route matching hosts behind CloudFront',
      [hosts('api.dev.example.com')],
      [onApp2(neverMatch('api.dev.example.com'))],
    ],
    [
      'a route matching two hosts',
      [hosts('api.dev.example.com', 'api.example.com')],
      [onApp2(neverMatch('api.dev.example.com, api.example.com'))],
    ],
    [
      'an unnamed route matching hosts',
      [
        [
          deck,
          (d) => {
            const route = app2(d);
            route.hosts = ['api.dev.example.com'];
            delete route.headers;
            delete route.name;
          },
        ],
      ],
      [`${deck} route ?: ${neverMatch('api.dev.example.com')}`],
    ],
    [
      'a viewer host CloudFront does not serve',
      [viewerHosts('api.other.example.com')],
      [notServed('api.other.example.com', 'api.dev.example.com')],
    ],
    [
      'a plain viewer host that is only a prefix of the alias',
      [viewerHosts('api.dev.example')],
      [notServed('api.dev.example', 'api.dev.example.com')],
    ],
    [
      'two viewer hosts CloudFront does not serve',
      [viewerHosts('api.other.example.com', 'www.other.example.com')],
      [notServed('api.other.example.com, www.other.example.com', 'api.dev.example.com')],
    ],
    [
      'a viewer host neither of two aliases serves',
      [viewerHosts('api.other.example.com'), aliases('api.dev.example.com', 'www.dev.example.com')],
      [notServed('api.other.example.com', 'api.dev.example.com, www.dev.example.com')],
    ],
    [
      'viewer hosts behind a distribution without aliases',
      [
        distribution((d) => {
          delete d.aliases;
        }),
      ],
      [notServed('api.dev.example.com, api.example.com', 'no alias')],
    ],
    [
      'a viewer-host regex JavaScript cannot compile (Kong may: not judged, reported unchecked)',
      [viewerHosts('~*a++')],
      [unchecked('~*a++ (Invalid regular expression: /a++/: Nothing to repeat)')],
    ],
    [
      'a plain viewer host that would be no valid regex (compared as text, never compiled)',
      [viewerHosts('api.dev.example.com(')],
      [notServed('api.dev.example.com(', 'api.dev.example.com')],
    ],
    [
      'two uncompilable regexes beside a served name, without the viewer-request function',
      [
        viewerHosts('api.dev.example.com', '~*[', '~*a++'),
        distribution((d) => {
          delete at(d, 'default_cache_behavior').function_association;
        }),
      ],
      [
        unchecked(
          '~*[ (Invalid regular expression: /[/: Unterminated character class), ~*a++ (Invalid regular expression: /a++/: Nothing to repeat)',
        ),
        noFunction,
      ],
    ],
    [
      'a distribution without the viewer-request function',
      [
        distribution((d) => {
          delete at(d, 'default_cache_behavior').function_association;
        }),
      ],
      [noFunction],
    ],
    [
      'the setter attached at viewer-response',
      [
        association((a) => {
          a.event_type = 'viewer-response';
        }),
      ],
      [noFunction],
    ],
    [
      'a viewer-request function that does not set the header',
      [
        [
          terraform,
          (tf) => {
            at(tf, 'resource', 'aws_cloudfront_function', 'viewer_host').code =
              'function handler(event) {\n  return event.request;\n}\n';
          },
        ],
      ],
      [noFunction],
    ],
    [
      'a function_arn that ends with more than the reference',
      [
        association((a) => {
          a.function_arn = `\${aws_cloudfront_function.viewer_host.arn}-old`;
        }),
      ],
      [noFunction],
    ],
    [
      'a function_arn that starts with more than the reference',
      [
        association((a) => {
          a.function_arn = `old-\${aws_cloudfront_function.viewer_host.arn}`;
        }),
      ],
      [noFunction],
    ],
  ])('flags %s', (_name, edits, expected) => {
    expect(findings(after(...edits))).toEqual(expected);
  });

  it.each<[string, Edit[]]>([
    ['a case-insensitive regex viewer host (~*)', [viewerHosts('~*^api\\.dev\\.example\\.com$')]],
    [
      'a viewer host the second of two aliases serves',
      [viewerHosts('api.dev.example.com'), aliases('www.dev.example.com', 'api.dev.example.com')],
    ],
    ['a route matching another header', [routeHeaders({ 'X-Env': ['blue'] })]],
    [
      'a viewer-host value that is not a list (left to the kong.yaml schema rule)',
      [routeHeaders({ 'X-Viewer-Host': 'api.other.example.com' })],
    ],
    ['a viewer-host value that is not a string (left to the schema rule)', [viewerHosts(42)]],
    [
      'an alias that is not a string beside the served one (Terraform rejects it)',
      [
        distribution((d) => {
          d.aliases = [42, 'api.dev.example.com'];
        }),
      ],
    ],
    [
      'a null distribution entry before the real one (Terraform rejects it)',
      [
        [
          terraform,
          (tf) => {
            const resources = at(tf, 'resource');
            resources.aws_cloudfront_distribution = {
              broken: null,
              ...at(resources, 'aws_cloudfront_distribution'),
            };
          },
        ],
      ],
    ],
    [
      'no CloudFront distribution in front of Kong',
      [
        [
          terraform,
          (tf) => {
            delete at(tf, 'resource').aws_cloudfront_distribution;
          },
        ],
      ],
    ],
  ])('passes %s', (_name, edits) => {
    expect(findings(after(...edits))).toEqual([]);
  });
});
