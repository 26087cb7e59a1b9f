import { arr, isObject, show, str } from '../json.js';
import { fileRule, type Rule } from '../rule.js';
import { deckVariable, envRefShape } from '../tls-chain.js';
import { objectId } from '../tree-index.js';

/** A PEM private key block, or the base64 of one (as in a Secret's data or a Helm value). */
const pemKey = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;
const base64Pem = /LS0tLS1CRUdJTi[A-Za-z0-9+/=]{20,}/g;

function hidesPrivateKey(value: string): boolean {
  if (pemKey.test(value)) return true;
  for (const [encoded] of value.matchAll(base64Pem)) {
    if (pemKey.test(Buffer.from(encoded, 'base64').toString('latin1'))) return true;
  }
  return false;
}

function* leaves(value: unknown, path = ''): Generator<readonly [string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* leaves(item, `${path}[${i}]`);
  } else if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) yield* leaves(v, path ? `${path}.${k}` : k);
  }
}

/** Private keys stay in the cluster (cert-manager) or in DECK_* variables, never in a rendered file. */
export const noPrivateKeyRule: Rule = fileRule(
  'policy/no-private-key',
  'No private key anywhere in the rendered tree',
  (file, r) => {
    for (const doc of file.documents) {
      const id =
        isObject(doc) && typeof doc.kind === 'string'
          ? objectId(
              doc.kind,
              str(doc, 'metadata', 'namespace') ?? '',
              str(doc, 'metadata', 'name') ?? '',
            )
          : '-';
      for (const [path, value] of leaves(doc)) {
        if (hidesPrivateKey(value)) {
          r.at(
            file.path,
            id,
            `${path || '(value)'} holds a private key (PEM or base64 PEM): keys stay in the cluster (cert-manager) or in DECK_* variables`,
          );
        }
      }
      if (isObject(doc) && doc.kind === 'Secret') {
        const keys = Object.keys({
          ...(isObject(doc.data) ? doc.data : {}),
          ...(isObject(doc.stringData) ? doc.stringData : {}),
        });
        const keyish = keys.filter((k) => /(^|\.)key$|private/i.test(k));
        if (str(doc, 'type') === 'kubernetes.io/tls' || keyish.length > 0) {
          r.at(
            file.path,
            id,
            `a TLS Secret (${show(keyish)}) must not be rendered: cert-manager issues it in the cluster`,
          );
        }
      }
      if (file.path.startsWith('deck/')) {
        for (const [i, cert] of arr(doc, 'certificates').entries()) {
          if (isObject(cert) && cert.key !== undefined && !deckVariable(cert.key)) {
            r.at(
              file.path,
              `certificates[${i}]`,
              `key must be a ${envRefShape} reference, but a literal was given`,
            );
          }
        }
      }
    }
  },
);
