import { describe, expect, it } from 'vitest';
import { at, list } from '../corrupt.fixture.js';
import {
  gateway as gatewayFile,
  grant as grantFile,
  gatewayObject as gw,
  httpsListener,
  route as routeFile,
} from '../corruption-setup.fixture.js';
import { type TreeEdit as Edit, findingsAfter as findings } from '../tree-edits.fixture.js';

/**
 * The ReferenceGrant checks the corruption table does not reach: one edit of the clean dev tree
 * per case (the grant that lets HTTPRoute istio-ingress/app1 reach Service sample-apps/sample-app-1,
 * the route, or the Gateway's certificateRef), with the exact findings (rule, object, message).
 */
const grant = 'ReferenceGrant/sample-apps/httproutes-from-istio-ingress';
const route = 'HTTPRoute/istio-ingress/app1';

type Doc = Record<string, unknown>;

const onGrant = (change: (grant: Doc) => void): Edit => [grantFile, 'ReferenceGrant', change];
const grantFrom = (change: (from: Doc) => void) => onGrant((g) => change(at(g, 'spec', 'from', 0)));
const grantTo = (change: (to: Doc) => void) => onGrant((g) => change(at(g, 'spec', 'to', 0)));
/** Edits the https listener's certificateRef. */
const certRef = (change: (ref: Doc) => void): Edit => [
  gatewayFile,
  'Gateway',
  (g) => change(at(g, 'spec', 'listeners', httpsListener, 'tls', 'certificateRefs', 0)),
];

const missing = (object: string, target: string, namespace: string, from: string, to: string) =>
  `xlayer/grant-missing ${object}: reference to ${target} needs a ReferenceGrant in namespace ${namespace} from {group: gateway.networking.k8s.io, ${from}} to ${to}, but none admits it`;
/** The finding when nothing admits app1's reference to sample-app-1. */
const routeMissing = missing(
  route,
  'Service sample-apps/sample-app-1',
  'sample-apps',
  'kind: HTTPRoute, namespace: istio-ingress',
  '{group: "", kind: Service, name: sample-app-1}',
);
/** The finding when nothing admits the Gateway's certificateRef to a Secret in cert-manager. */
const certMissing = (to: string, name = 'kong-cloud-gw-gateway-tls') =>
  missing(
    gw,
    `Secret cert-manager/${name}`,
    'cert-manager',
    'kind: Gateway, namespace: istio-ingress',
    to,
  );
const noCertificate = `xlayer/gateway-certificate-source ${gw}: listener "https" certificateRef Secret cert-manager/kong-cloud-gw-gateway-tls is produced by no rendered Certificate: on a fresh cluster the listener stays ResolvedRefs=False and Argo CD reports the Gateway Degraded`;
const unused = (object: string, message: string) => `xlayer/grant-unused ${object}: ${message}`;

describe('xlayer/grant-missing and xlayer/grant-unused', () => {
  it.each<[string, readonly Edit[], string[]]>([
    [
      'a grant in another namespace than the Service',
      [
        onGrant((g) => {
          at(g, 'metadata').namespace = 'cert-manager';
        }),
      ],
      [
        routeMissing,
        unused(
          'ReferenceGrant/cert-manager/httproutes-from-istio-ingress',
          'from {kind: "HTTPRoute", namespace: "istio-ingress"} is used by no reference into cert-manager',
        ),
        unused(
          'ReferenceGrant/cert-manager/httproutes-from-istio-ingress',
          'to {kind: "Service", name: sample-app-1} is used by no reference',
        ),
      ],
    ],
    [
      'a second from entry no route uses (the first still admits app1)',
      [
        onGrant((g) => {
          list(g, 'spec', 'from').push({
            group: 'gateway.networking.k8s.io',
            kind: 'HTTPRoute',
            namespace: 'team-x',
          });
        }),
      ],
      [
        unused(
          grant,
          'from {kind: "HTTPRoute", namespace: "team-x"} is used by no reference into sample-apps',
        ),
      ],
    ],
    [
      'from.group networking.istio.io',
      [
        grantFrom((from) => {
          from.group = 'networking.istio.io';
        }),
      ],
      [routeMissing],
    ],
    [
      'from.kind GRPCRoute',
      [
        grantFrom((from) => {
          from.kind = 'GRPCRoute';
        }),
      ],
      [
        routeMissing,
        unused(
          grant,
          'from {kind: "GRPCRoute", namespace: "istio-ingress"} is used by no reference into sample-apps',
        ),
      ],
    ],
    [
      'to.group apps',
      [
        grantTo((to) => {
          to.group = 'apps';
        }),
      ],
      [routeMissing],
    ],
    [
      'to without group (the schema requires it; core is the default, so the grant still admits)',
      [
        grantTo((to) => {
          delete to.group;
        }),
      ],
      [
        `schema/valid ${grant}: spec.to.0 must have required property 'group' {"missingProperty":"group"}`,
      ],
    ],
    [
      'to.kind Secret',
      [
        grantTo((to) => {
          to.kind = 'Secret';
        }),
      ],
      [
        routeMissing,
        unused(grant, 'to {kind: "Secret", name: sample-app-1} is used by no reference'),
      ],
    ],
    [
      'to without name (admits every Service of the namespace)',
      [
        grantTo((to) => {
          delete to.name;
        }),
      ],
      [unused(grant, 'to {kind: "Service"} has no name: set to.name (least privilege)')],
    ],
    [
      'a route whose backend is in its own namespace (needs no grant: the grant is left unused)',
      [
        [
          routeFile,
          'HTTPRoute',
          (r) => {
            at(r, 'metadata').namespace = 'sample-apps';
            at(r, 'spec', 'parentRefs', 0).namespace = 'istio-ingress';
          },
        ],
        [
          gatewayFile,
          'Gateway',
          (g) => {
            const namespaces = at(
              g,
              'spec',
              'listeners',
              httpsListener,
              'allowedRoutes',
              'namespaces',
            );
            namespaces.from = 'Selector';
            namespaces.selector = { matchLabels: { 'routeplane.dev/role': 'backend' } };
          },
        ],
      ],
      [
        unused(
          grant,
          'from {kind: "HTTPRoute", namespace: "istio-ingress"} is used by no reference into sample-apps',
        ),
        unused(grant, 'to {kind: "Service", name: sample-app-1} is used by no reference'),
      ],
    ],
    [
      'a certificateRef to a Secret in another namespace',
      [
        certRef((ref) => {
          ref.namespace = 'cert-manager';
        }),
      ],
      [noCertificate, certMissing('{group: "", kind: Secret, name: kong-cloud-gw-gateway-tls}')],
    ],
    [
      'a certificateRef to another namespace naming only the Secret (group "" and kind Secret are the defaults)',
      [
        certRef((ref) => {
          ref.namespace = 'cert-manager';
          delete ref.group;
          delete ref.kind;
        }),
      ],
      [noCertificate, certMissing('{group: "", kind: Secret, name: kong-cloud-gw-gateway-tls}')],
    ],
    [
      'a certificateRef to another namespace of another group and kind',
      [
        certRef((ref) => {
          ref.namespace = 'cert-manager';
          ref.group = 'example.com';
          ref.kind = 'TLSBundle';
        }),
      ],
      [
        `xlayer/gateway-certificate-source ${gw}: listener "https" certificateRef TLSBundle cert-manager/kong-cloud-gw-gateway-tls is produced by no rendered Certificate: on a fresh cluster the listener stays ResolvedRefs=False and Argo CD reports the Gateway Degraded`,
        `xlayer/gateway-tls ${gw}: listener "https" certificateRef must be {group: "", kind: Secret, name: <secret>}, but {"group":"example.com","kind":"TLSBundle","name":"kong-cloud-gw-gateway-tls","namespace":"cert-manager"} was given`,
        missing(
          gw,
          'TLSBundle cert-manager/kong-cloud-gw-gateway-tls',
          'cert-manager',
          'kind: Gateway, namespace: istio-ingress',
          '{group: "example.com", kind: TLSBundle, name: kong-cloud-gw-gateway-tls}',
        ),
      ],
    ],
    [
      'a certificateRef to another namespace without a name',
      [
        certRef((ref) => {
          ref.namespace = 'cert-manager';
          delete ref.name;
        }),
      ],
      [
        `schema/valid ${gw}: spec.listeners.1.tls.certificateRefs.0 must have required property 'name' {"missingProperty":"name"}`,
        `xlayer/gateway-certificate-source ${gw}: listener "https" certificateRef Secret cert-manager/ is produced by no rendered Certificate: on a fresh cluster the listener stays ResolvedRefs=False and Argo CD reports the Gateway Degraded`,
        `xlayer/gateway-tls ${gw}: listener "https" certificateRef must be {group: "", kind: Secret, name: <secret>}, but {"group":"","kind":"Secret","namespace":"cert-manager"} was given`,
        certMissing('{group: "", kind: Secret, name: }', ''),
      ],
    ],
  ])('checks %s', (_name, edits, expected) => {
    expect(findings(...edits)).toEqual(expected);
  });
});
