/**
 * Recognises values that look like secrets, so that the catalog (and the rendered files) never
 * carry one and error messages never repeat one. Patterns err on the side of caution. The one
 * detector: the loader reads the catalog with it and `validate` the rendered files.
 */
const secretPatterns: readonly { readonly what: string; readonly pattern: RegExp }[] = [
  { what: 'a PEM private key', pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/ },
  { what: 'an AWS access key id', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { what: 'a Konnect access token', pattern: /\b(?:kpat|spat)_[A-Za-z0-9]{20,}/ },
  { what: 'a JWT', pattern: /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/ },
  { what: 'a GitHub token', pattern: /\bgh[pousr]_[A-Za-z0-9]{30,}/ },
  { what: 'a Slack token', pattern: /\bxox[abpr]-[A-Za-z0-9-]{10,}/ },
];

/** What kind of secret a value holds (e.g. "a JWT"), or undefined when it looks like none. */
export function secretKind(value: string): string | undefined {
  return secretPatterns.find(({ pattern }) => pattern.test(value))?.what;
}

/** True for PEM private keys, cloud/API tokens and JWTs. */
export function looksLikeSecret(value: string): boolean {
  return secretKind(value) !== undefined;
}

/** True for a long random-looking token (used where a variable NAME is expected). */
export function looksLikeRandomToken(value: string): boolean {
  if (value.length < 20 || /\s/.test(value)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((c) => c.test(value)).length;
  return classes >= 3 && new Set(value).size >= 12;
}
