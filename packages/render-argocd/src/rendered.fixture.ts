import type { RenderedFile } from '@routeplane/model';
import type { Application, AppProject } from './argo-types.js';

/** Helpers to read the renderer's output back in tests. */

export function documentsOf(file: RenderedFile): readonly unknown[] {
  if (file.content.kind !== 'yaml') throw new Error(`${file.path} is not YAML`);
  return file.content.documents;
}

function isKind(doc: unknown, kind: string): boolean {
  return typeof doc === 'object' && doc !== null && (doc as { kind?: unknown }).kind === kind;
}

export function applications(files: readonly RenderedFile[]): Application[] {
  return files.flatMap(documentsOf).filter((d): d is Application => isKind(d, 'Application'));
}

export function appProjects(files: readonly RenderedFile[]): AppProject[] {
  return files.flatMap(documentsOf).filter((d): d is AppProject => isKind(d, 'AppProject'));
}

export function waveOf(app: Application): number {
  return Number(app.metadata.annotations?.['argocd.argoproj.io/sync-wave'] ?? '0');
}

export function envFiles(files: readonly RenderedFile[], env: string): RenderedFile[] {
  return files.filter((f) => f.path.startsWith(`argocd/${env}/`));
}
