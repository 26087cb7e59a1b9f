import { arr, isObject, num, str } from './json.js';
import type { EnvTree, K8sObject } from './tree-index.js';
import { ofKind } from './tree-index.js';

/** One backendRef of an HTTPRoute, with defaults applied. */
export interface BackendReference {
  readonly route: K8sObject;
  readonly group: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace: string;
  readonly port: number | undefined;
}

export function backendRefs(env: EnvTree): readonly BackendReference[] {
  return ofKind(env, 'HTTPRoute').flatMap((route) =>
    arr(route.doc, 'spec', 'rules').flatMap((rule) =>
      arr(rule, 'backendRefs')
        .filter(isObject)
        .map((ref) => ({
          route,
          group: str(ref, 'group') ?? '',
          kind: str(ref, 'kind') ?? 'Service',
          name: str(ref, 'name') ?? '',
          namespace: str(ref, 'namespace') ?? route.namespace,
          port: num(ref, 'port'),
        })),
    ),
  );
}

/** PathPrefix values of an HTTPRoute, sorted. */
export function pathPrefixes(route: K8sObject): readonly string[] {
  return arr(route.doc, 'spec', 'rules')
    .flatMap((rule) => arr(rule, 'matches'))
    .map((m) => ({
      type: str(m, 'path', 'type') ?? 'PathPrefix',
      value: str(m, 'path', 'value') ?? '/',
    }))
    .filter((p) => p.type === 'PathPrefix')
    .map((p) => p.value)
    .filter((v, i, all) => all.indexOf(v) === i)
    .sort();
}

/** HTTP methods an HTTPRoute matches; empty means any. */
export function routeMethods(route: K8sObject): readonly string[] {
  const matches = arr(route.doc, 'spec', 'rules').flatMap((rule) => arr(rule, 'matches'));
  if (matches.length === 0 || matches.some((m) => str(m, 'method') === undefined)) return [];
  return [...new Set(matches.map((m) => str(m, 'method') ?? ''))].sort();
}
