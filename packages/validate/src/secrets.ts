/** Detection of secret-looking literals in rendered values. */

const patterns: readonly { readonly what: string; readonly re: RegExp }[] = [
  { what: 'a PEM private key', re: /-----BEGIN [A-Z ]*PRIVATE KEY-----/ },
  { what: 'an AWS access key id', re: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { what: 'a Konnect access token', re: /\b(?:kpat|spat)_[A-Za-z0-9]{20,}/ },
  { what: 'a JWT', re: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/ },
];

/** Keys whose values are secrets; keys naming a secret (secretName, secretEnv, ...) are not. */
const secretKey = /(?:secret|password|passwd|token|api_?key|apikey|credential)s?$/i;
const referenceKey = /(?:name|ref|env|arn|path|file|id|key_?name)$/i;

/** decK reads these at sync time; the literal is a reference, not a secret. */
const deckEnvRef = /^\$\{\{\s*env\s+"(DECK_[A-Z0-9_]+)"\s*\}\}$/;
const anyEnvRef = /\$\{\{\s*env\s+"([^"]*)"\s*\}\}/g;

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
  if (deckEnvRef.test(value)) return undefined;
  for (const [, name] of value.matchAll(anyEnvRef)) {
    if (!name?.startsWith('DECK_')) {
      return `env reference ${JSON.stringify(name)} must name a DECK_* variable (decK substitutes no other)`;
    }
  }
  // What is left around DECK_* references (`Header:${{ env "DECK_X" }}`) is what to judge.
  const literal = value.replaceAll(anyEnvRef, '');
  for (const p of patterns) if (p.re.test(literal)) return `value looks like ${p.what}`;
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
