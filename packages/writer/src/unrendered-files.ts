import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ownedRoots } from '@routeplane/model';
import { isRenderedText } from './header.js';
import { listFiles } from './plan.js';

/**
 * Files inside the owned trees that routeplane did not render (no routeplane header). The writer
 * never touches them, yet Argo CD syncs whatever is in a child's path, so `check` and `validate`
 * report each one.
 */
export function unrenderedFiles(repoRoot: string): string[] {
  return ownedRoots
    .flatMap((root) => listFiles(repoRoot, root))
    .filter((path) => !isRenderedText(readFileSync(join(repoRoot, path), 'utf8')));
}
