import { describe, expect, it } from 'vitest';
import { fakeAwsKeyId } from '../corruption-setup.fixture.js';
import { indexTree } from '../tree-index.js';
import { secretRules } from './secret-rules.js';

/** policy/secret-literal names the object and path of a literal, whatever the document's shape. */
const file = 'generated/k8s/dev/extra.yaml';
const looksLikeKey = 'value looks like an AWS access key id';

function findings(document: unknown): string[] {
  return secretRules
    .flatMap((rule) => rule.check(indexTree([{ path: file, documents: [document] }])))
    .map((f) => `${f.object}: ${f.message}`);
}

describe('policy/secret-literal', () => {
  it.each<[string, unknown, string[]]>([
    [
      'a cluster-scoped object',
      { kind: 'ClusterIssuer', metadata: { name: 'ca' }, spec: { token: fakeAwsKeyId } },
      [`ClusterIssuer/ca: spec.token: ${looksLikeKey}`],
    ],
    [
      'an object without a name',
      { kind: 'ConfigMap', metadata: { namespace: 'apps' }, data: { token: fakeAwsKeyId } },
      [`ConfigMap/apps/: data.token: ${looksLikeKey}`],
    ],
    ['a document that is the literal itself', fakeAwsKeyId, [`-: (value): ${looksLikeKey}`]],
  ])('reports a literal in %s', (_name, document, expected) => {
    expect(findings(document)).toEqual(expected);
  });
});
