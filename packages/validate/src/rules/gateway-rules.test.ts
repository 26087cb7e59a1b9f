import { describe, expect, it } from 'vitest';
import { at } from '../corrupt.fixture.js';
import { gateway as gatewayFile, gatewayObject as gw, k8s } from '../corruption-setup.fixture.js';
import { type TreeEdit as Edit, findingsAfter as findings } from '../tree-edits.fixture.js';

/**
 * The Gateway and HTTPRoute checks the corruption table does not reach: one edit of the clean dev
 * tree per case (a Gateway listener, a route's parentRef or namespace, the gateway's parameters
 * ConfigMap), with the exact findings (rule, object, message) it must cause.
 */
const redirectFile = `${k8s}/gateway/httproute-https-redirect.yaml`;
const options = 'ConfigMap/istio-ingress/kong-cloud-gw-gateway-options';
const redirect = 'HTTPRoute/istio-ingress/kong-cloud-gw-gateway-https-redirect';

type Doc = Record<string, unknown>;

const listener = (name: 'http' | 'https') => (gateway: Doc) =>
  (at(gateway, 'spec', 'listeners') as unknown as Doc[]).find((l) => l.name === name) as Doc;
const http = listener('http');
const https = listener('https');
const redirectParent = (route: Doc) => at(route, 'spec', 'parentRefs', 0);

/** An edit of the Gateway. */
const onGateway = (change: (gateway: Doc) => void): Edit => [gatewayFile, 'Gateway', change];
/** An edit of the HTTP-to-HTTPS redirect route (no backends: no other rule follows it). */
const onRedirect = (change: (route: Doc) => void): Edit => [redirectFile, 'HTTPRoute', change];
/** An edit of the gateway's parameters ConfigMap. */
const onOptions = (change: (cm: Doc) => void): Edit => [gatewayFile, 'ConfigMap', change];

/** Moves the redirect route to `namespace`, its parentRef still naming the gateway in istio-ingress. */
const moveRedirect = (namespace: string): Edit =>
  onRedirect((route) => {
    at(route, 'metadata').namespace = namespace;
    redirectParent(route).namespace = 'istio-ingress';
  });
/** Lets the http listener admit routes from the namespaces labelled `selector`. */
const selectOnHttp = (selector: Doc | undefined): Edit =>
  onGateway((gateway) => {
    const namespaces = at(http(gateway), 'allowedRoutes', 'namespaces');
    namespaces.from = 'Selector';
    if (selector) namespaces.selector = { matchLabels: selector };
  });
const backendNamespaces = { 'routeplane.dev/role': 'backend' };

describe('xlayer/route-parent', () => {
  const rule = (object: string, message: string) => `xlayer/route-parent ${object}: ${message}`;
  const notAdmitted = (namespace: string) =>
    `no listener of Gateway istio-ingress/kong-cloud-gw-gateway admits routes from namespace ${namespace} (allowedRoutes)`;

  it.each<[string, readonly Edit[], string[]]>([
    [
      'a route with no parentRefs',
      [
        onRedirect((route) => {
          at(route, 'spec').parentRefs = [];
        }),
      ],
      [rule(redirect, 'spec.parentRefs must name a Gateway, but none was given')],
    ],
    [
      'a parentRef that is a bare name, not an object',
      [
        onRedirect((route) => {
          at(route, 'spec').parentRefs = ['kong-cloud-gw-gateway'];
        }),
      ],
      [
        `schema/valid ${redirect}: spec.parentRefs.0 must be object {"type":"object"}`,
        rule(redirect, 'spec.parentRefs must name a Gateway, but none was given'),
      ],
    ],
    [
      'a parentRef to a Gateway name that is not rendered',
      [
        onRedirect((route) => {
          redirectParent(route).name = 'internal-gateway';
        }),
      ],
      [
        rule(
          redirect,
          'parentRef Gateway istio-ingress/internal-gateway does not exist in the rendered tree',
        ),
      ],
    ],
    [
      'a parentRef without a name',
      [onRedirect((route) => void delete redirectParent(route).name)],
      [
        `schema/valid ${redirect}: spec.parentRefs.0 must have required property 'name' {"missingProperty":"name"}`,
        rule(redirect, 'parentRef Gateway istio-ingress/ does not exist in the rendered tree'),
      ],
    ],
    [
      'a parentRef to the Gateway name in another namespace',
      [
        onRedirect((route) => {
          redirectParent(route).namespace = 'sample-apps';
        }),
      ],
      [
        rule(
          redirect,
          'parentRef Gateway sample-apps/kong-cloud-gw-gateway does not exist in the rendered tree',
        ),
      ],
    ],
    [
      'a parentRef without sectionName (any listener may admit it)',
      [onRedirect((route) => void delete redirectParent(route).sectionName)],
      [],
    ],
    [
      'a route from another namespace on a listener that admits only its own',
      [moveRedirect('sample-apps')],
      [
        rule(
          'HTTPRoute/sample-apps/kong-cloud-gw-gateway-https-redirect',
          notAdmitted('sample-apps'),
        ),
      ],
    ],
    [
      'a route from another namespace on a listener with no allowedRoutes.namespaces.from (Same)',
      [
        moveRedirect('sample-apps'),
        onGateway((g) => void delete at(http(g), 'allowedRoutes', 'namespaces').from),
      ],
      [
        rule(
          'HTTPRoute/sample-apps/kong-cloud-gw-gateway-https-redirect',
          notAdmitted('sample-apps'),
        ),
      ],
    ],
    [
      'a route from another namespace on a listener that admits All (its selector is ignored)',
      [
        moveRedirect('sample-apps'),
        onGateway((g) => {
          const namespaces = at(http(g), 'allowedRoutes', 'namespaces');
          namespaces.from = 'All';
          namespaces.selector = { matchLabels: { 'routeplane.dev/role': 'gateway' } };
        }),
      ],
      [
        'policy/listener-scope Gateway/istio-ingress/kong-cloud-gw-gateway: listener "http" allowedRoutes.namespaces.from must be Same or Selector, but "All" was given: any namespace could attach routes',
      ],
    ],
    [
      'a route from a namespace whose labels the listener selector matches',
      [moveRedirect('sample-apps'), selectOnHttp(backendNamespaces)],
      [],
    ],
    [
      "a route from the gateway's own namespace the listener selector does not match",
      [selectOnHttp(backendNamespaces)],
      [rule(redirect, notAdmitted('istio-ingress'))],
    ],
    [
      'a route from a namespace the tree does not render (no labels to match)',
      [moveRedirect('team-x'), selectOnHttp(backendNamespaces)],
      [rule('HTTPRoute/team-x/kong-cloud-gw-gateway-https-redirect', notAdmitted('team-x'))],
    ],
    [
      'a route on a Selector listener without a selector (Istio admits every namespace)',
      [moveRedirect('sample-apps'), selectOnHttp(undefined)],
      [],
    ],
    [
      'a route without sectionName that one listener admits and the other does not',
      [
        moveRedirect('sample-apps'),
        onRedirect((route) => void delete redirectParent(route).sectionName),
        selectOnHttp(backendNamespaces),
      ],
      [],
    ],
  ])('checks %s', (_name, edits, expected) => {
    expect(findings(...edits)).toEqual(expected);
  });
});

describe('xlayer/gateway-tls', () => {
  const rule = (message: string) => `xlayer/gateway-tls ${gw}: listener "https" ${message}`;
  const certRef = (change: (ref: Doc) => void): Edit =>
    onGateway((g) => void change(at(https(g), 'tls', 'certificateRefs', 0)));
  const refMessage = (ref: string) =>
    `certificateRef must be {group: "", kind: Secret, name: <secret>}, but ${ref} was given`;

  it.each<[string, Edit, string[]]>([
    [
      'tls.mode Passthrough',
      onGateway((g) => {
        at(https(g), 'tls').mode = 'Passthrough';
      }),
      [rule('tls.mode must be Terminate, but "Passthrough" was given')],
    ],
    [
      'certificateRefs holding a bare name, not an object',
      onGateway((g) => {
        at(https(g), 'tls').certificateRefs = ['kong-cloud-gw-gateway-tls'];
      }),
      [
        `schema/valid ${gw}: spec.listeners.1.tls.certificateRefs.0 must be object {"type":"object"}`,
        rule('tls.certificateRefs must name the TLS Secret, but none was given'),
      ],
    ],
    [
      'a certificateRef of kind ConfigMap',
      certRef((ref) => {
        ref.kind = 'ConfigMap';
      }),
      [
        `xlayer/gateway-certificate-source ${gw}: listener "https" certificateRef ConfigMap istio-ingress/kong-cloud-gw-gateway-tls is rendered nowhere: nothing creates it on a fresh cluster`,
        rule(refMessage('{"group":"","kind":"ConfigMap","name":"kong-cloud-gw-gateway-tls"}')),
      ],
    ],
    [
      'a certificateRef in group cert-manager.io',
      certRef((ref) => {
        ref.group = 'cert-manager.io';
      }),
      [
        rule(
          refMessage(
            '{"group":"cert-manager.io","kind":"Secret","name":"kong-cloud-gw-gateway-tls"}',
          ),
        ),
      ],
    ],
    [
      'a certificateRef without a name',
      certRef((ref) => void delete ref.name),
      [
        `schema/valid ${gw}: spec.listeners.1.tls.certificateRefs.0 must have required property 'name' {"missingProperty":"name"}`,
        `xlayer/gateway-certificate-source ${gw}: listener "https" certificateRef Secret istio-ingress/ is produced by no rendered Certificate: on a fresh cluster the listener stays ResolvedRefs=False and Argo CD reports the Gateway Degraded`,
        rule(refMessage('{"group":"","kind":"Secret"}')),
      ],
    ],
    [
      'a certificateRef naming only the Secret (group "" and kind Secret are the defaults)',
      certRef((ref) => {
        delete ref.group;
        delete ref.kind;
      }),
      [],
    ],
  ])('checks %s', (_name, edit, expected) => {
    expect(findings(edit)).toEqual(expected);
  });
});

describe('xlayer/gateway-parameters', () => {
  const rule = (object: string, message: string) =>
    `xlayer/gateway-parameters ${object}: ${message}`;
  const parametersRef = (change: (ref: Doc) => void): Edit =>
    onGateway((g) => void change(at(g, 'spec', 'infrastructure', 'parametersRef')));
  const refMessage = (ref: string) =>
    `spec.infrastructure.parametersRef must be {group: "", kind: ConfigMap}, but ${ref} was given`;
  const missing = (name: string) =>
    `parametersRef ConfigMap istio-ingress/"${name}" does not exist in the rendered tree (it must be in the Gateway's namespace)`;
  const data = (key: string, value: unknown): Edit =>
    onOptions((cm) => {
      at(cm, 'data')[key] = value;
    });

  it.each<[string, Edit, string[]]>([
    [
      'a parametersRef of kind Secret',
      parametersRef((ref) => {
        ref.kind = 'Secret';
      }),
      [rule(gw, refMessage('{"group":"","kind":"Secret","name":"kong-cloud-gw-gateway-options"}'))],
    ],
    [
      'a parametersRef in group apps',
      parametersRef((ref) => {
        ref.group = 'apps';
      }),
      [
        rule(
          gw,
          refMessage('{"group":"apps","kind":"ConfigMap","name":"kong-cloud-gw-gateway-options"}'),
        ),
      ],
    ],
    [
      'a parametersRef without group (core is the default)',
      parametersRef((ref) => void delete ref.group),
      [],
    ],
    [
      'a parametersRef to a ConfigMap that is not rendered',
      parametersRef((ref) => {
        ref.name = 'gateway-options';
      }),
      [rule(gw, missing('gateway-options'))],
    ],
    [
      "the parameters ConfigMap in another namespace than the Gateway's",
      onOptions((cm) => {
        at(cm, 'metadata').namespace = 'sample-apps';
      }),
      [rule(gw, missing('kong-cloud-gw-gateway-options'))],
    ],
    [
      'a data key Istio does not read',
      data('pods', 'spec: {}\n'),
      [
        rule(
          options,
          'data key "pods" is not read by Istio; expected one of deployment, service, serviceAccount, horizontalPodAutoscaler, podDisruptionBudget',
        ),
      ],
    ],
    [
      'an overlay that is a YAML list',
      data('service', '- spec\n'),
      [rule(options, 'data.service must be a YAML mapping, but "- spec\\n" was given')],
    ],
    [
      'an overlay that is not YAML',
      data('service', 'spec: [\n'),
      [rule(options, 'data.service must be a YAML mapping, but "spec: [\\n" was given')],
    ],
    ['an overlay that is a YAML mapping', data('service', 'spec:\n  type: ClusterIP\n'), []],
  ])('checks %s', (_name, edit, expected) => {
    expect(findings(edit)).toEqual(expected);
  });
});

/** The limits of the v1.6.1 CRD: 8 labels, 16 annotations (schema/valid holds the same ones). */
describe('policy/gateway-infrastructure', () => {
  const rule = (message: string) => `policy/gateway-infrastructure ${gw}: ${message}`;
  /** Sets `count` entries `example.com/k<i>` on spec.infrastructure.`key`. */
  const entries = (key: 'labels' | 'annotations', count: number): Edit =>
    onGateway((g) => {
      at(g, 'spec', 'infrastructure')[key] = Object.fromEntries(
        Array.from({ length: count }, (_, i) => [`example.com/k${i}`, 'v']),
      );
    });

  it.each<[string, Edit, string[]]>([
    ['8 labels', entries('labels', 8), []],
    ['16 annotations', entries('annotations', 16), []],
    [
      '17 annotations',
      entries('annotations', 17),
      [rule('spec.infrastructure.annotations must have at most 16 entries, but 17 were given')],
    ],
  ])('checks %s', (_name, edit, expected) => {
    expect(findings(edit)).toEqual(expected);
  });
});
