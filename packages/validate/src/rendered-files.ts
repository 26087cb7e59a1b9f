import type { RenderedFile } from '@routeplane/model';
import { compareText } from '@routeplane/model';
import type { TreeFile } from './finding.js';

/** Renderer output as validateTree input: YAML documents as is, JSON as one value, text as no document. */
export function treeFromRendered(files: readonly RenderedFile[]): TreeFile[] {
  return files
    .map((f) => ({
      path: f.path,
      documents:
        f.content.kind === 'yaml'
          ? f.content.documents
          : f.content.kind === 'json'
            ? [f.content.value]
            : [],
    }))
    .sort((a, b) => compareText(a.path, b.path));
}
