import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (this file lives in packages/test-support/src). */
export const repoRoot: string = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The official schemas sit beside the checkout in CI (`../shared/schemas`), never inside it. */
export const sharedSchemasDir: string = resolve(repoRoot, '../shared/schemas');

/** The CRDs at the pinned versions (Gateway API, Istio, cert-manager), beside the checkout. */
export const sharedCrdsDir: string = resolve(repoRoot, '../shared/crds');

/**
 * True when `dir` below `../shared` is present. A user's clone has no `../shared`: tests that need
 * it skip with a visible note. CI sets ROUTEPLANE_REQUIRE_SHARED=1, which turns absence into a failure.
 */
function haveShared(dir: string, skipped: string): boolean {
  if (existsSync(dir)) return true;
  if (process.env.ROUTEPLANE_REQUIRE_SHARED === '1') {
    throw new Error(
      `ROUTEPLANE_REQUIRE_SHARED=1 but ${dir} does not exist: CI must place shared/ beside the checkout`,
    );
  }
  console.warn(
    `NOTE: ${dir} not found; ${skipped} are skipped (set ROUTEPLANE_REQUIRE_SHARED=1 to fail instead)`,
  );
  return false;
}

export function haveSharedSchemas(): boolean {
  return haveShared(sharedSchemasDir, 'tests against the official schemas');
}

export function haveSharedCrds(): boolean {
  return haveShared(sharedCrdsDir, 'tests against the pinned CRDs and their CEL rules');
}

/** Reads one schema file below `../shared/schemas`, e.g. `crds/gateway.networking.k8s.io/httproute_v1.json`. */
export function readSharedSchema(relativePath: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(sharedSchemasDir, relativePath), 'utf8')) as Record<
    string,
    unknown
  >;
}
