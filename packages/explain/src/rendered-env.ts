import type { KongFile } from '@routeplane/deck-types';
import { environmentDirs } from '@routeplane/model';
import { isObject, type Json, str } from './json.js';

/** A parsed rendered file: its path and YAML documents (or the JSON value). */
export interface ParsedFile {
  readonly path: string;
  readonly documents: readonly unknown[];
}

export interface K8sObject {
  readonly file: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace: string;
  readonly doc: Json;
}

/** One environment's rendered files, indexed for the hops. */
export interface RenderedEnv {
  readonly name: string;
  readonly objects: readonly K8sObject[];
  readonly kong?: { readonly file: string; readonly doc: KongFile };
  readonly terraform?: { readonly file: string; readonly doc: Json };
}

export function renderedEnv(name: string, files: readonly ParsedFile[]): RenderedEnv {
  const dirs = environmentDirs(name).map((d) => `${d}/`);
  const mine = files.filter((f) => dirs.some((d) => f.path.startsWith(d)));
  const objects: K8sObject[] = [];
  let kong: RenderedEnv['kong'];
  let terraform: RenderedEnv['terraform'];
  for (const file of mine) {
    const [first] = file.documents;
    if (file.path.startsWith('deck/') && isObject(first)) {
      kong = { file: file.path, doc: first as KongFile };
    } else if (file.path.startsWith('generated/terraform/') && isObject(first)) {
      terraform = { file: file.path, doc: first };
    } else if (file.path.startsWith('generated/k8s/')) {
      for (const doc of file.documents.filter(isObject)) {
        const meta = isObject(doc.metadata) ? doc.metadata : {};
        objects.push({
          file: file.path,
          kind: str(doc.kind) ?? '',
          name: str(meta.name) ?? '',
          namespace: str(meta.namespace) ?? '',
          doc,
        });
      }
    }
  }
  return {
    name,
    objects,
    ...(kong === undefined ? {} : { kong }),
    ...(terraform === undefined ? {} : { terraform }),
  };
}

export function ofKind(env: RenderedEnv, kind: string, namespace?: string): K8sObject[] {
  return env.objects.filter(
    (o) => o.kind === kind && (namespace === undefined || o.namespace === namespace),
  );
}
