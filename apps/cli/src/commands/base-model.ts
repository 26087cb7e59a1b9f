import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { CatalogError, loadModelFromBytes } from '@routeplane/catalog';
import type { Model } from '@routeplane/model';
import { parse } from 'yaml';
import { readAtCommit } from './git-ref.js';

/** `kong.upstream.caCertificateFile` of a catalog text, if it names one. */
function caFileOf(text: string): string | undefined {
  try {
    const doc: unknown = parse(text, { maxAliasCount: 0 });
    const kong = (doc as { kong?: { upstream?: { caCertificateFile?: unknown } } } | null)?.kong;
    const file = kong?.upstream?.caCertificateFile;
    return typeof file === 'string' ? file : undefined;
  } catch {
    return undefined; // the loader reports the YAML problem itself
  }
}

/**
 * Loads the catalog as it was at a commit, with the CA file it names read from the same commit.
 * Problems are reported against `<commit>:<catalog>` so they are not mistaken for the working tree's.
 */
export function loadModelAtCommit(
  bytes: Buffer,
  commit: string,
  label: string,
  catalogPath: string,
  displayName: string,
): Model {
  const dir = mkdtempSync(join(tmpdir(), 'routeplane-base-'));
  try {
    const caFile = caFileOf(bytes.toString('utf8'));
    if (caFile !== undefined) {
      const ca = readAtCommit(commit, resolve(dirname(catalogPath), caFile));
      if (ca !== undefined) {
        const target = resolve(dir, caFile);
        if (target.startsWith(`${dir}/`)) {
          mkdirSync(dirname(target), { recursive: true });
          writeFileSync(target, ca);
        }
      }
    }
    return loadModelFromBytes(bytes, { displayName, baseDir: dir });
  } catch (error) {
    if (!(error instanceof CatalogError)) throw error;
    throw new CatalogError(error.problems.map((p) => ({ ...p, file: `${label}:${p.file}` })));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
