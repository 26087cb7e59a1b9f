import { clusterScopedKinds } from '../chart-inventory/chart-sources.js';

/** The few facts about Kubernetes objects the bring-up simulator needs. */

export interface K8sObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: {
    readonly name: string;
    readonly namespace?: string;
    readonly labels?: Readonly<Record<string, string>>;
    readonly annotations?: Readonly<Record<string, string>>;
  };
  readonly spec?: unknown;
  readonly [field: string]: unknown;
}

export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** `group/Kind/namespace/name`, the identity Argo CD's resource keys use. */
export function keyOf(o: K8sObject): string {
  return `${groupOf(o.apiVersion)}/${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;
}

/** Short form for timelines, e.g. `Gateway istio-ingress/kong-cloud-gw`. */
export function nameOf(o: K8sObject): string {
  const ns = o.metadata.namespace;
  return `${o.kind} ${ns ? `${ns}/` : ''}${o.metadata.name}`;
}

/** Value of one option of `argocd.argoproj.io/sync-options` (e.g. Delete, Prune), if set. */
export function syncOption(o: K8sObject, option: string): string | undefined {
  const raw = o.metadata.annotations?.['argocd.argoproj.io/sync-options'] ?? '';
  for (const part of raw.split(',')) {
    const [name, value] = part.trim().split('=');
    if (name === option) return value;
  }
  return undefined;
}

/** Kinds served by Kubernetes itself (no CRD needed) that routeplane's children use. */
const builtinGroups = new Set([
  '',
  'apps',
  'policy',
  'autoscaling',
  'networking.k8s.io',
  'rbac.authorization.k8s.io',
  'admissionregistration.k8s.io',
  'apiextensions.k8s.io',
  'argoproj.io', // Argo CD's own CRDs exist before the root's first sync.
]);

export function needsCrd(o: K8sObject): boolean {
  return !builtinGroups.has(groupOf(o.apiVersion));
}

export function isClusterScoped(o: K8sObject): boolean {
  return clusterScopedKinds.has(`${groupOf(o.apiVersion)}/${o.kind}`);
}

/** Places a namespaced object without a namespace in `namespace`, as Argo CD does. */
export function inNamespace(o: K8sObject, namespace: string | undefined): K8sObject {
  if (isClusterScoped(o) || o.metadata.namespace !== undefined || namespace === undefined) return o;
  return { ...o, metadata: { ...o.metadata, namespace } };
}

const jsonCache = new WeakMap<object, string>();

/** JSON text of an object, computed once per object (CRDs are large and compared every pass). */
export function jsonOf(o: object): string {
  let text = jsonCache.get(o);
  if (text === undefined) {
    text = JSON.stringify(o);
    jsonCache.set(o, text);
  }
  return text;
}
