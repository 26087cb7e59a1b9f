import { compareText } from '@routeplane/model';
import type { TreeFile } from './finding.js';
import { isObject, type JsonObject, labels, str } from './json.js';

/** One Kubernetes object of the tree, with where it came from. */
export interface K8sObject {
  readonly file: string;
  /** Index of the document in its file. */
  readonly index: number;
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  /** Empty for cluster-scoped objects. */
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly doc: JsonObject;
  /** `<kind>/<namespace>/<name>` (`<kind>/<name>` when cluster-scoped). */
  readonly id: string;
}

/** A decK state file. */
export interface DeckDoc {
  readonly file: string;
  readonly doc: JsonObject;
}

/** Everything rendered for one environment. */
export interface EnvTree {
  readonly env: string;
  readonly objects: readonly K8sObject[];
  readonly deck: readonly DeckDoc[];
  /** Every file path of the environment (for Argo CD path checks). */
  readonly paths: readonly string[];
}

export interface TreeIndex {
  readonly files: readonly TreeFile[];
  /** Sorted by environment name. */
  readonly envs: readonly EnvTree[];
}

/** The environment a rendered path belongs to: `generated/<tool>/<env>/...`, `argocd/<env>/...`, `deck/<env>/...`. */
export function envOf(path: string): string {
  const parts = path.split('/');
  return (parts[0] === 'generated' ? parts[2] : parts[1]) ?? '';
}

export function objectId(kind: string, namespace: string, name: string): string {
  return namespace === '' ? `${kind}/${name}` : `${kind}/${namespace}/${name}`;
}

function isK8sFile(path: string): boolean {
  return path.startsWith('generated/k8s/') || path.startsWith('argocd/');
}

export function indexTree(files: readonly TreeFile[]): TreeIndex {
  const byEnv = new Map<string, { objects: K8sObject[]; deck: DeckDoc[]; paths: string[] }>();
  for (const file of files) {
    const env = envOf(file.path);
    let bucket = byEnv.get(env);
    if (!bucket) {
      bucket = { objects: [], deck: [], paths: [] };
      byEnv.set(env, bucket);
    }
    bucket.paths.push(file.path);
    file.documents.forEach((doc, index) => {
      if (!isObject(doc)) return;
      if (file.path.startsWith('deck/')) {
        bucket.deck.push({ file: file.path, doc });
        return;
      }
      if (!isK8sFile(file.path)) return;
      const kind = str(doc, 'kind') ?? '';
      const name = str(doc, 'metadata', 'name') ?? '';
      const namespace = str(doc, 'metadata', 'namespace') ?? '';
      bucket.objects.push({
        file: file.path,
        index,
        apiVersion: str(doc, 'apiVersion') ?? '',
        kind,
        name,
        namespace,
        labels: labels(isObject(doc.metadata) ? doc.metadata.labels : undefined),
        doc,
        id: objectId(kind, namespace, name),
      });
    });
  }
  const envs = [...byEnv.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([env, b]) => ({ env, objects: b.objects, deck: b.deck, paths: b.paths.sort() }));
  return { files, envs };
}

export function ofKind(tree: EnvTree, kind: string): readonly K8sObject[] {
  return tree.objects.filter((o) => o.kind === kind);
}

/** Each environment's kong.yaml with the same environment's Terraform JSON (absent: skipped). */
export function deckWithTerraform(
  files: readonly TreeFile[],
): { readonly file: TreeFile; readonly tf: unknown }[] {
  const terraform = new Map(
    files
      .filter((f) => f.path.startsWith('generated/terraform/') && f.path.endsWith('.tf.json'))
      .map((f) => [envOf(f.path), f.documents[0]]),
  );
  return files
    .filter((f) => /^deck\/[^/]+\/kong\.yaml$/.test(f.path))
    .flatMap((file) => {
      const tf = terraform.get(envOf(file.path));
      return tf === undefined ? [] : [{ file, tf }];
    });
}
