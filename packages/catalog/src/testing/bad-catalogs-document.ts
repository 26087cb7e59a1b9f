import { type BadCatalog, shipped, shippedText } from './bad-catalog-edits.js';

/**
 * Bad catalogs caught on the document itself (encoding, YAML, unknown keys, types, versions,
 * gitops), and path mistakes whose message starts with its own words rather than a key path.
 */
export const documentMistakes: readonly BadCatalog[] = [
  [
    'not UTF-8',
    new Uint8Array([0x61, 0x3a, 0x20, 0xff, 0xfe]),
    'catalog.yaml: file is not valid UTF-8 text',
  ],
  [
    'two documents',
    `${shippedText}\n---\nfoo: bar\n`,
    'must hold exactly one YAML document, but 2 were given',
  ],
  [
    'an anchor and alias',
    shippedText
      .replace('gitops:\n', 'gitops: &g\n')
      .replace('kind: RouteCatalog', 'kind: RouteCatalog\nx: *g'),
    'anchors (&g) are not allowed',
  ],
  [
    'a duplicate key',
    shippedText.replace('kind: RouteCatalog', 'kind: RouteCatalog\nkind: RouteCatalog'),
    'duplicate key',
  ],
  [
    'a custom tag',
    shippedText.replace('targetRevision: main', 'targetRevision: !secret main'),
    'custom tags (!secret) are not allowed',
  ],
  [
    'a misspelled key',
    shippedText.replace('  targetRevision: main', '  targetRevison: main'),
    'gitops.targetRevison: unknown key "targetRevison"; did you mean "targetRevision"?',
  ],
  [
    'a wrong apiVersion',
    shipped(['apiVersion', 'routeplane.dev/v2']),
    'apiVersion: must be "routeplane.dev/v1alpha1", but "routeplane.dev/v2" was given',
  ],
  [
    'a YAML 1.1 boolean',
    shipped(['allowEmptyRoutes', 'no']),
    'allowEmptyRoutes: must be a boolean, but "no" was given',
  ],
  [
    'a YAML 1.1 octal',
    shippedText.replace('kubernetes: "1.34"', 'kubernetes: 0777'),
    'versions.kubernetes: must be a string, but 0777 was given (YAML 1.2 reads a leading zero as decimal',
  ],
  [
    'a path with /../',
    shipped(['routes.1.paths', ['/app1/../x']]),
    'must not contain "/./" or "/../" segments',
  ],
  [
    'a path with %2f',
    shipped(['routes.1.paths', ['/app1%2fx']]),
    'must not contain percent-encoded characters',
  ],
  [
    'an empty route list',
    shipped(['routes', []]),
    'routes: is empty: decK sync and Argo CD prune would delete every route; set allowEmptyRoutes: true',
  ],
  [
    'a rate limit override without the plugin',
    shipped(['environments.1.rateLimits', { app1: { minute: 5 } }]),
    'route "app1" has no rateLimiting plugin to override',
  ],
  [
    'HEAD as revision',
    shipped(['gitops.targetRevision', 'HEAD']),
    'gitops.targetRevision: must be a pinned branch or tag name (not HEAD, no spaces)',
  ],
  [
    'node pool sizes out of order',
    shipped(['aws.nodePools.user.desiredSize', 9]),
    'needs minSize <= desiredSize <= maxSize',
  ],
  [
    'a managed cache on Kong Gateway 3.12',
    shipped(['versions.kongGateway', '3.12']),
    'versions.kongGateway: must be 3.13 or later for kong.managedCache (Redis cloud authentication, which the managed cache\'s partial uses, is new in 3.13), but "3.12" was given',
  ],
  [
    'a shorter prefix with methods in front of a longer one',
    shipped(
      ['routes.0.paths', ['/app1']],
      ['routes.0.methods', ['GET']],
      ['routes.1.paths', ['/app1/v2']],
    ),
    'route "healthz" sets methods or hosts on a shorter prefix than "/app1/v2" of route "app1"',
  ],
  [
    'a longer prefix limited to hosts under a shorter one without them',
    shipped(['routes.1.paths', ['/app2/admin']], ['routes.1.hosts', ['admin.example.com']]),
    'route "app1" limits "/app2/admin" to its hosts, but route "app2" has a shorter prefix without those hosts',
  ],
  [
    'two environments on one Konnect control plane',
    shipped(['environments.1.controlPlaneName', 'kong-cloud-gw-dev']),
    'Konnect control plane name "kong-cloud-gw-dev" of environment "prod" is also environment "dev"\'s',
  ],
];
