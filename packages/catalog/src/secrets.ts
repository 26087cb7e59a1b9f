/**
 * Recognises values that look like secrets, so that the catalog (and the rendered files) never
 * carry one and error messages never repeat one. Patterns err on the side of caution.
 */
const secretPatterns: readonly RegExp[] = [
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
  /\bAKIA[0-9A-Z]{16}\b/,
  /\b(kpat|spat)_[A-Za-z0-9]{20,}/,
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/,
  /\bgh[pousr]_[A-Za-z0-9]{30,}/,
  /\bxox[abpr]-[A-Za-z0-9-]{10,}/,
];

/** True for PEM private keys, cloud/API tokens and JWTs. */
export function looksLikeSecret(value: string): boolean {
  return secretPatterns.some((pattern) => pattern.test(value));
}

/** True for a long random-looking token (used where a variable NAME is expected). */
export function looksLikeRandomToken(value: string): boolean {
  if (value.length < 20 || /\s/.test(value)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((c) => c.test(value)).length;
  return classes >= 3 && new Set(value).size >= 12;
}
