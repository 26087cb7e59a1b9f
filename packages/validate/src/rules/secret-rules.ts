import { isObject, str } from '../json.js';
import { fileRule, type Rule } from '../rule.js';
import { secretReason, stringLeaves } from '../secrets.js';
import { objectId } from '../tree-index.js';

function docId(doc: unknown): string {
  if (!isObject(doc) || typeof doc.kind !== 'string') return '-';
  return objectId(
    doc.kind,
    str(doc, 'metadata', 'namespace') ?? '',
    str(doc, 'metadata', 'name') ?? '',
  );
}

export const secretRules: readonly Rule[] = [
  fileRule('policy/secret-literal', 'No secret-looking literal in any rendered file', (file, r) => {
    for (const doc of file.documents) {
      for (const [path, key, value] of stringLeaves(doc)) {
        // A Kubernetes Secret's data is a secret by definition: none belongs in git.
        const inSecret =
          isObject(doc) && doc.kind === 'Secret' && /^(data|stringData)\./.test(path);
        const reason = inSecret
          ? 'a Secret with data must not be committed'
          : secretReason(key, value);
        if (reason) r.at(file.path, docId(doc), `${path || '(value)'}: ${reason}`);
      }
    }
  }),
];
