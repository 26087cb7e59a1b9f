import { inject } from 'vitest';
import type { TreeFile } from './finding.js';

/** A decK environment reference, `${{ env "NAME" }}`. */
export function deckEnv(name: string): string {
  return `\${{ env "${name}" }}`;
}

/** The environments of fixture-catalog.yaml. */
export type FixtureEnvironment = 'dev' | 'prod';

/**
 * A realistic, clean rendered tree for one environment of fixture-catalog.yaml (one gateway, one
 * backend in another namespace, one route, the Argo CD App-of-Apps and the decK file), rendered by
 * the real renderers once per run (clean-tree.global-setup.ts). A fresh copy per call: tests
 * corrupt it one way at a time.
 */
export function cleanTree(env: FixtureEnvironment = 'dev'): TreeFile[] {
  const owned = [`argocd/${env}/`, `generated/k8s/${env}/`, `deck/${env}/`];
  return structuredClone(
    inject('renderedCleanTree').filter((f) => owned.some((dir) => f.path.startsWith(dir))),
  );
}
