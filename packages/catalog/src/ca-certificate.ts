import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { looksLikeSecret } from './secrets.js';

const pemCertificates = /^(-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\s*)+$/;

/** Reads the gateway CA file the catalog names; returns the PEM or why it cannot be used. */
export function readCaCertificate(
  baseDir: string,
  file: string,
): { readonly pem: string } | { readonly problem: string } {
  let pem: string;
  try {
    pem = readFileSync(resolve(baseDir, file), 'utf8');
  } catch {
    return { problem: `file "${file}" cannot be read` };
  }
  if (looksLikeSecret(pem)) {
    return { problem: `"${file}" holds a private key: name a file with only the CA certificate` };
  }
  if (!pemCertificates.test(pem.trim())) {
    return { problem: `"${file}" is not a PEM certificate (-----BEGIN CERTIFICATE----- ...)` };
  }
  return { pem: `${pem.trim()}\n` };
}
