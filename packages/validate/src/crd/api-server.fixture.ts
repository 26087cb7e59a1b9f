import { sharedCrdsDir } from '@routeplane/test-support';
import type { TreeFile } from '../finding.js';
import { validateTree } from '../validate-tree.js';
import { type CrdCatalog, loadCrdCatalog } from './crd-catalog.js';

let catalog: CrdCatalog | undefined;

/** The pinned CRDs of ../shared/crds, loaded once per test file. */
export function sharedCatalog(): CrdCatalog {
  catalog ??= loadCrdCatalog(sharedCrdsDir);
  return catalog;
}

/** Only the `crd/*` findings of a tree, as `rule object: message` lines. */
export function crdFindings(files: readonly TreeFile[]): string[] {
  return validateTree({ files, waivers: [], crds: sharedCatalog() }, []).map(
    (f) => `${f.rule} ${f.object}: ${f.message}`,
  );
}
