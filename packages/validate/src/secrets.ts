/** Detection of secret-looking literals in rendered values (patterns: catalog's secretKind). */

import { secretKind } from '@routeplane/catalog';
import { deckVariablePattern, envReferencePattern, wholeDeckVariable } from '@routeplane/model';

/** Keys whose values are secrets; keys naming a secret (secretName, secretEnv, ...) are not. */
const secretKey = /(?:secret|password|passwd|token|api_?key|apikey|credential)s?$/i;
const referenceKey = /(?:name|ref|env|arn|path|file|id|key_?name)$/i;

/** Shannon entropy in bits per character. */
export function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** Why a string value at `key` looks like a secret, or undefined when it does not. */
export function secretReason(key: string, value: string): string | undefined {
  // decK reads references at sync time; the literal is a reference, not a secret.
  if (wholeDeckVariable(value) !== undefined) return undefined;
  for (const [, name = ''] of value.matchAll(envReferencePattern)) {
    if (!deckVariablePattern.test(name)) {
      return `env reference ${JSON.stringify(name)} must name a DECK_* variable (decK substitutes no other)`;
    }
  }
  // What is left around DECK_* references (`Header:${{ env "DECK_X" }}`) is what to judge.
  const literal = value.replaceAll(envReferencePattern, '');
  const kind = secretKind(literal);
  if (kind !== undefined) return `value looks like ${kind}`;
  const terraformRef = literal.startsWith('${') && literal.endsWith('}');
  if (secretKey.test(key) && !referenceKey.test(key) && !terraformRef) {
    if (literal.length >= 16 && !/\s/.test(literal) && entropy(literal) >= 3.5) {
      return `field ${key} holds a high-entropy literal (${literal.length} chars): pass secrets through DECK_* variables or a Secret manager`;
    }
  }
  return undefined;
}

/** Every string leaf of a value with its key path. */
export function* stringLeaves(
  value: unknown,
  path = '',
): Generator<readonly [string, string, string]> {
  if (typeof value === 'string') {
    yield [path, path.split('.').pop() ?? '', value];
  } else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* stringLeaves(item, `${path}[${i}]`);
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value))
      yield* stringLeaves(v, path === '' ? k : `${path}.${k}`);
  }
}
