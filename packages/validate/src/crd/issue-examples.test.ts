import { haveSharedCrds } from '@routeplane/test-support';
import { describe, expect, it } from 'vitest';
import { cleanTree } from '../clean-tree.fixture.js';
import { at, corrupt, list } from '../corrupt.fixture.js';
import { crdFindings } from './api-server.fixture.js';

const k8s = 'generated/k8s/dev';
const gateway = `${k8s}/gateway/gateway.yaml`;
const route = `${k8s}/routes/httproute-app1.yaml`;
const backend = `${k8s}/backends/sample-apps/sample-app-1.yaml`;
const namespacePolicies = `${k8s}/backends/sample-apps/_namespace-policies.yaml`;
const tree = cleanTree();

describe.runIf(haveSharedCrds())(
  'the examples of issue 19, each rejected as the API server would',
  () => {
    it('passes the clean tree', () => {
      expect(crdFindings(tree)).toEqual([]);
    });

    it.each([
      {
        name: 'a Gateway with two listeners of the same name',
        files: corrupt(tree, gateway, 'Gateway', (d) => {
          const listeners = list(d, 'spec', 'listeners');
          listeners.push({ ...(listeners[1] as object), port: 8443 });
        }),
        expected: [
          'crd/cel Gateway/istio-ingress/kong-cloud-gw-gateway: spec.listeners: Invalid value: "array": Listener name must be unique within the Gateway (FieldValueInvalid; rule: self.all(l1, self.exists_one(l2, l1.name == l2.name)))',
          'crd/schema Gateway/istio-ingress/kong-cloud-gw-gateway: spec.listeners[2]: Duplicate value: {"name":"https"}',
        ],
      },
      {
        name: 'an HTTP listener carrying tls',
        files: corrupt(tree, gateway, 'Gateway', (d) => {
          Object.assign(at(d, 'spec', 'listeners', 1), { protocol: 'HTTP' });
        }),
        expected: [
          `crd/cel Gateway/istio-ingress/kong-cloud-gw-gateway: spec.listeners: Invalid value: "array": tls must not be specified for protocols ['HTTP', 'TCP', 'UDP'] (FieldValueInvalid; rule: self.all(l, l.protocol in ['HTTP', 'TCP', 'UDP'] ? !has(l.tls) : true))`,
        ],
      },
      {
        name: 'an HTTPRoute rule with a RequestRedirect filter and backendRefs',
        files: corrupt(tree, route, 0, (d) => {
          at(d, 'spec', 'rules', 0).filters = [
            { type: 'RequestRedirect', requestRedirect: { scheme: 'https' } },
          ];
        }),
        expected: [
          'crd/cel HTTPRoute/istio-ingress/app1: spec.rules[0]: Invalid value: "object": RequestRedirect filter must not be used together with backendRefs (FieldValueInvalid; rule: (has(self.backendRefs) && size(self.backendRefs) > 0) ? (!has(self.filters) || self.filters.all(f, !has(f.requestRedirect))): true)',
        ],
      },
      {
        name: 'an AuthorizationPolicy with targetRefs and selector',
        files: corrupt(tree, backend, 'AuthorizationPolicy', (d) => {
          Object.assign(at(d, 'spec'), {
            selector: { matchLabels: { app: 'sample-app-1' } },
            targetRefs: [{ kind: 'Service', group: '', name: 'sample-app-1' }],
          });
        }),
        expected: [
          'crd/cel AuthorizationPolicy/sample-apps/sample-app-1: spec: Invalid value: "object": only one of targetRefs or selector can be set (FieldValueInvalid; rule: (has(self.selector) ? 1 : 0) + (has(self.targetRef) ? 1 : 0) + (has(self.targetRefs) ? 1 : 0) <= 1)',
        ],
      },
      {
        name: 'a PeerAuthentication with portLevelMtls and no selector',
        files: corrupt(tree, namespacePolicies, 'PeerAuthentication', (d) => {
          at(d, 'spec').portLevelMtls = { '8080': { mode: 'PERMISSIVE' } };
        }),
        expected: [
          'crd/cel PeerAuthentication/sample-apps/default: spec: Invalid value: "object": portLevelMtls requires selector (FieldValueInvalid; rule: has(self.portLevelMtls) ? (((has(self.selector) && has(self.selector.matchLabels)) ? self.selector.matchLabels : {}).size() > 0) : true)',
        ],
      },
      {
        name: 'a wildcard label value in a PeerAuthentication selector',
        files: corrupt(tree, namespacePolicies, 'PeerAuthentication', (d) => {
          at(d, 'spec').selector = { matchLabels: { app: 'sample-*' } };
        }),
        expected: [
          'crd/cel PeerAuthentication/sample-apps/default: spec.selector.matchLabels[app]: Invalid value: "string": wildcard not allowed in label value match (FieldValueInvalid; rule: !self.contains("*"))',
        ],
      },
    ])('$name', ({ files, expected }) => {
      expect(crdFindings(files)).toEqual(expected);
    });
  },
);
