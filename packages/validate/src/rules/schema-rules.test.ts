import { describe, expect, it } from 'vitest';
import { cleanTree } from '../clean-tree.fixture.js';
import { at, corrupt } from '../corrupt.fixture.js';
import type { TreeFile } from '../finding.js';
import { validateTree } from '../validate-tree.js';

/**
 * The schema rules on one edit of the clean tree each, with every schema finding (`rule object:
 * message`) it causes: where the message puts the field, and what an unknown kind gets.
 */
type Doc = Record<string, unknown>;
const backend = 'generated/k8s/dev/backends/sample-apps/sample-app-1.yaml';
const route = 'generated/k8s/dev/routes/httproute-app1.yaml';

function schemaFindings(files: readonly TreeFile[]): string[] {
  return validateTree({ files, waivers: [] })
    .filter((f) => f.rule.startsWith('schema/'))
    .map((f) => `${f.rule} ${f.object}: ${f.message}`);
}
const edited = (path: string, selector: string, edit: (d: Doc) => void) =>
  schemaFindings(
    corrupt(cleanTree(), path, selector, (d) => {
      edit(d);
      return undefined;
    }),
  );

describe('schema rules', () => {
  it.each<[string, string, string, (d: Doc) => void, string[]]>([
    [
      'a wrong type, named by its field path',
      backend,
      'Deployment',
      (d) => {
        at(d, 'spec').replicas = 'two';
      },
      [
        'schema/valid Deployment/sample-apps/sample-app-1: spec.replicas must be integer {"type":"integer"}',
      ],
    ],
    [
      'a required property missing at the top of the object',
      'argocd/dev/apps/project.yaml',
      'AppProject',
      (d) => {
        delete d.spec;
      },
      [
        'schema/valid AppProject/argocd/routeplane-dev: (object) must have required property spec {"missingProperty":"spec"}',
      ],
    ],
    [
      'an unknown top-level field of a Gateway API object',
      route,
      'HTTPRoute',
      (d) => {
        d.status_ = {};
      },
      [
        'schema/strict HTTPRoute/istio-ingress/app1: status_ is not a field of gateway.networking.k8s.io/v1 HTTPRoute',
      ],
    ],
    [
      'an unknown nested field of a Gateway API object',
      route,
      'HTTPRoute',
      (d) => {
        at(d, 'spec', 'rules', 0).backendRef = [];
      },
      [
        'schema/strict HTTPRoute/istio-ingress/app1: spec.rules.0.backendRef is not a field of gateway.networking.k8s.io/v1 HTTPRoute',
      ],
    ],
    [
      'an unknown metadata field of a core object',
      backend,
      'Service',
      (d) => {
        at(d, 'metadata').label = {};
      },
      [
        'schema/strict Service/sample-apps/sample-app-1: metadata.label is not a field of v1 Service',
      ],
    ],
  ])('reports %s', (_name, path, selector, edit, expected) => {
    expect(edited(path, selector, edit)).toEqual(expected);
  });

  it('reports an object of an unknown kind once, without guessing its fields', () => {
    const serviceEntry = {
      apiVersion: 'networking.istio.io/v1',
      kind: 'ServiceEntry',
      metadata: { name: 'payments-api', namespace: 'sample-apps', label: {} },
      spec: { hosts: ['payments.example.com'], resolution: 'DNS' },
    };
    const files = cleanTree().map((f) =>
      f.path === backend ? { path: f.path, documents: [...f.documents, serviceEntry] } : f,
    );
    expect(schemaFindings(files)).toEqual([
      'schema/valid ServiceEntry/sample-apps/payments-api: no schema is known for apiVersion "networking.istio.io/v1" kind "ServiceEntry"',
    ]);
  });
});
