import { describe, expect, it } from 'vitest';
import { at, corrupt } from '../corrupt.fixture.js';
import type { TreeFile } from '../finding.js';
import { findingLines } from '../tree-edits.fixture.js';
import { waypointExampleFiles, waypointFile } from '../waypoint-corruptions.fixture.js';
import { waypointRules } from './waypoint-rules.js';

/**
 * The waypoint checks on edits of examples/waypoint (orders-api behind the waypoint
 * orders-api-waypoint with the L7 policy orders-api-l7, catalog-api without a waypoint) the
 * corruption table does not make, with the exact findings of these rules.
 */
const ordersBackend = 'generated/k8s/dev/backends/orders/orders-api.yaml';
const ordersNamespace = 'generated/k8s/dev/namespaces/orders.yaml';
const catalogNamespace = 'generated/k8s/dev/namespaces/catalog.yaml';

type Doc = Record<string, unknown>;
type Edit = (files: readonly TreeFile[]) => readonly TreeFile[];

const findings = (edit: Edit): string[] =>
  findingLines([...edit(waypointExampleFiles)], waypointRules);

const change =
  (path: string, kind: string, edit: (d: Doc) => Doc | null | undefined): Edit =>
  (files) =>
    corrupt(files, path, kind, edit);
const both =
  (...edits: Edit[]): Edit =>
  (files) =>
    edits.reduce((tree, edit) => edit(tree), files);
/** The L7 policy orders-api-l7. */
const policy = (edit: (d: Doc) => Doc | null | undefined) =>
  change(waypointFile, 'AuthorizationPolicy', edit);
const firstRule = (d: Doc) => at(d, 'spec', 'rules', 0);
const labelsOf = (d: Doc) => at(d, 'metadata', 'labels');
const refs = (...targets: (readonly [string, string])[]) =>
  targets.map(([kind, name]) => ({ group: '', kind, name }));

/** A second Service in orders on the waypoint, selecting orders-api's pods. */
const ordersAdmin: Edit = (files) => {
  const source = files.find((f) => f.path === ordersBackend)?.documents ?? [];
  const service = structuredClone(source.find((d) => (d as Doc).kind === 'Service')) as Doc;
  at(service, 'metadata').name = 'orders-admin';
  return [
    ...files,
    { path: 'generated/k8s/dev/backends/orders/orders-admin.yaml', documents: [service] },
  ];
};

const l7Policy = 'AuthorizationPolicy/orders/orders-api-l7';
const needsWaypoint = (message: string, object = l7Policy) =>
  `xlayer/l7-policy-needs-waypoint ${object}: ${message}`;
const idle = (services: string, waypoint = 'Gateway/orders/orders-api-waypoint') =>
  `xlayer/waypoint-l7-policy ${waypoint}: no AuthorizationPolicy with L7 fields targets this waypoint or its Services (${services}): it costs a proxy hop and enforces only what ztunnel already does`;
const notAWaypoint = (name: string, field: string) =>
  needsWaypoint(
    `targetRefs Gateway orders/${name} is not a rendered istio-waypoint Gateway, so nothing enforces ${field}`,
  );

describe('waypoint rules', () => {
  it('pass examples/waypoint', () => {
    expect(findings((files) => files)).toEqual([]);
  });

  describe('the L7 fields of a policy', () => {
    it.each<[string, Edit, string[]]>([
      [
        'a source requestPrincipals',
        policy((d) => {
          delete firstRule(d).to;
          at(firstRule(d), 'from', 0, 'source').requestPrincipals = ['*'];
          at(d, 'spec').targetRefs = refs(['Gateway', 'other']);
        }),
        [notAWaypoint('other', 'rules[0].from.source.requestPrincipals'), idle('orders-api')],
      ],
      [
        'a request condition',
        policy((d) => {
          delete firstRule(d).to;
          firstRule(d).when = [{ key: 'request.headers[x-tenant]', values: ['acme'] }];
          at(d, 'spec').targetRefs = refs(['Gateway', 'other']);
        }),
        [notAWaypoint('other', 'rules[0].when request.headers[x-tenant]'), idle('orders-api')],
      ],
      [
        'ports and a source.ip condition only (L4: no waypoint needed, none enforced)',
        policy((d) => {
          at(firstRule(d), 'to', 0).operation = { ports: ['8080'] };
          firstRule(d).when = [{ key: 'source.ip', values: ['10.0.0.0/16'] }];
          at(d, 'spec').targetRefs = refs(['Gateway', 'other']);
        }),
        [idle('orders-api')],
      ],
    ])('finds %s', (_name, edit, expected) => {
      expect(findings(edit)).toEqual(expected);
    });
  });

  describe('xlayer/l7-policy-needs-waypoint and xlayer/waypoint-l7-policy', () => {
    it.each<[string, Edit, string[]]>([
      [
        'the L7 policy on the waypoint Gateway itself',
        policy((d) => {
          at(d, 'spec').targetRefs = refs(['Gateway', 'orders-api-waypoint']);
        }),
        [],
      ],
      [
        'the L7 policy on the waypoint by targetRef (singular)',
        policy((d) => {
          delete at(d, 'spec').targetRefs;
          at(d, 'spec').targetRef = { group: '', kind: 'Gateway', name: 'other' };
        }),
        [notAWaypoint('other', 'rules[0].to.operation.methods'), idle('orders-api')],
      ],
      [
        'the L7 policy on a Gateway named like the Service',
        policy((d) => {
          at(d, 'spec').targetRefs = refs(['Gateway', 'orders-api']);
        }),
        [notAWaypoint('orders-api', 'rules[0].to.operation.methods'), idle('orders-api')],
      ],
      [
        'the L7 policy on a GatewayClass (neither Gateway nor Service)',
        policy((d) => {
          at(d, 'spec').targetRefs = [
            { group: 'gateway.networking.k8s.io', kind: 'GatewayClass', name: 'istio-waypoint' },
          ];
        }),
        [idle('orders-api')],
      ],
      [
        'the L7 policy on a Service that does not exist',
        policy((d) => {
          at(d, 'spec').targetRefs = refs(['Service', 'catalog-api']);
        }),
        [
          needsWaypoint(
            'targetRefs Service orders/catalog-api does not exist in the rendered tree',
          ),
          idle('orders-api'),
        ],
      ],
      [
        'the L7 policy on a Service named like the waypoint',
        policy((d) => {
          at(d, 'spec').targetRefs = refs(['Service', 'orders-api-waypoint']);
        }),
        [
          needsWaypoint(
            'targetRefs Service orders/orders-api-waypoint does not exist in the rendered tree',
          ),
          idle('orders-api'),
        ],
      ],
      [
        'the L7 policy on its Service and on one that does not exist',
        policy((d) => {
          at(d, 'spec').targetRefs = refs(['Service', 'orders-api'], ['Service', 'orders-v2']);
        }),
        [needsWaypoint('targetRefs Service orders/orders-v2 does not exist in the rendered tree')],
      ],
      [
        'the L7 policy in another namespace than its Service',
        policy((d) => {
          at(d, 'metadata').namespace = 'catalog';
        }),
        [
          needsWaypoint(
            'targetRefs Service catalog/orders-api does not exist in the rendered tree',
            'AuthorizationPolicy/catalog/orders-api-l7',
          ),
          idle('orders-api'),
        ],
      ],
      [
        'the waypoint Gateway in another namespace than its Service',
        change(waypointFile, 'Gateway', (d) => {
          at(d, 'metadata').namespace = 'catalog';
        }),
        [
          needsWaypoint(
            'Service orders/orders-api names waypoint "orders-api-waypoint", but no istio-waypoint Gateway orders/orders-api-waypoint is rendered: rules[0].to.operation.methods is enforced by nothing',
          ),
          'xlayer/waypoint-l7-policy Gateway/catalog/orders-api-waypoint: no Service uses this waypoint (label istio.io/use-waypoint: orders-api-waypoint)',
        ],
      ],
      [
        'a Service labelled use-waypoint none',
        change(ordersBackend, 'Service', (d) => {
          labelsOf(d)['istio.io/use-waypoint'] = 'none';
        }),
        [
          needsWaypoint(
            'rules[0].to.operation.methods is L7, but Service orders/orders-api uses no waypoint (label istio.io/use-waypoint): ztunnel cannot enforce it',
          ),
          'xlayer/waypoint-l7-policy Gateway/orders/orders-api-waypoint: no Service uses this waypoint (label istio.io/use-waypoint: orders-api-waypoint)',
        ],
      ],
      [
        'the waypoint named on the Namespace instead of the Service',
        both(
          change(ordersBackend, 'Service', (d) => {
            delete labelsOf(d)['istio.io/use-waypoint'];
          }),
          change(ordersNamespace, 'Namespace', (d) => {
            labelsOf(d)['istio.io/use-waypoint'] = 'orders-api-waypoint';
          }),
        ),
        [],
      ],
      [
        'a Service without a waypoint whose Namespace is not rendered',
        change(catalogNamespace, 'Namespace', () => null),
        [],
      ],
      ['a second Service on the waypoint, the policy on one of them', ordersAdmin, []],
      [
        'a second Service on the waypoint, no L7 policy',
        both(
          ordersAdmin,
          policy(() => null),
        ),
        [idle('orders-api, orders-admin')],
      ],
    ])('checks %s', (_name, edit, expected) => {
      expect(findings(edit)).toEqual(expected);
    });
  });
});
