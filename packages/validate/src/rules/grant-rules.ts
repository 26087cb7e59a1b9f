import { arr, isObject, show, str } from '../json.js';
import { backendRefs } from '../routes.js';
import { envRule, type Rule } from '../rule.js';
import { type EnvTree, type K8sObject, ofKind } from '../tree-index.js';

const gatewayGroup = 'gateway.networking.k8s.io';

/** A cross-namespace reference that needs a ReferenceGrant in the target namespace. */
interface CrossRef {
  readonly from: K8sObject;
  readonly toGroup: string;
  readonly toKind: string;
  readonly toName: string;
  readonly toNamespace: string;
}

/** Cross-namespace references of the tree: route backendRefs and Gateway certificateRefs. */
function crossRefs(env: EnvTree): readonly CrossRef[] {
  const routeRefs = backendRefs(env)
    .filter((ref) => ref.namespace !== ref.route.namespace)
    .map((ref) => ({
      from: ref.route,
      toGroup: ref.group,
      toKind: ref.kind,
      toName: ref.name,
      toNamespace: ref.namespace,
    }));
  const certRefs = ofKind(env, 'Gateway').flatMap((gw) =>
    arr(gw.doc, 'spec', 'listeners')
      .flatMap((l) => arr(l, 'tls', 'certificateRefs'))
      .filter(isObject)
      .map((ref) => ({
        from: gw,
        toGroup: str(ref, 'group') ?? '',
        toKind: str(ref, 'kind') ?? 'Secret',
        toName: str(ref, 'name') ?? '',
        toNamespace: str(ref, 'namespace') ?? gw.namespace,
      }))
      .filter((ref) => ref.toNamespace !== gw.namespace),
  );
  return [...routeRefs, ...certRefs];
}

/** True when one from/to pair of the grant admits the reference. */
function admits(grant: K8sObject, ref: CrossRef): boolean {
  if (grant.namespace !== ref.toNamespace) return false;
  const fromOk = arr(grant.doc, 'spec', 'from').some(
    (f) =>
      str(f, 'group') === gatewayGroup &&
      str(f, 'kind') === ref.from.kind &&
      str(f, 'namespace') === ref.from.namespace,
  );
  const toOk = arr(grant.doc, 'spec', 'to').some(
    (t) =>
      (str(t, 'group') ?? '') === ref.toGroup &&
      str(t, 'kind') === ref.toKind &&
      (str(t, 'name') ?? ref.toName) === ref.toName,
  );
  return fromOk && toOk;
}

export const grantRules: readonly Rule[] = [
  envRule(
    'xlayer/grant-missing',
    'Every cross-namespace reference has a ReferenceGrant',
    (env, r) => {
      const grants = ofKind(env, 'ReferenceGrant');
      for (const ref of crossRefs(env)) {
        if (!grants.some((g) => admits(g, ref))) {
          r.on(
            ref.from,
            `reference to ${ref.toKind} ${ref.toNamespace}/${ref.toName} needs a ReferenceGrant in namespace ${ref.toNamespace} from {group: ${gatewayGroup}, kind: ${ref.from.kind}, namespace: ${ref.from.namespace}} to {group: "${ref.toGroup}", kind: ${ref.toKind}, name: ${ref.toName}}, but none admits it`,
          );
        }
      }
    },
  ),
  envRule('xlayer/grant-unused', 'Every ReferenceGrant entry is used by a reference', (env, r) => {
    const refs = crossRefs(env);
    for (const grant of ofKind(env, 'ReferenceGrant')) {
      for (const from of arr(grant.doc, 'spec', 'from')) {
        const ns = str(from, 'namespace');
        if (ns === grant.namespace) {
          r.on(
            grant,
            `from.namespace ${ns} is the grant's own namespace: same-namespace references need no grant, so it has no effect`,
          );
        } else if (
          !refs.some(
            (ref) =>
              ref.toNamespace === grant.namespace &&
              ref.from.namespace === ns &&
              ref.from.kind === str(from, 'kind'),
          )
        ) {
          r.on(
            grant,
            `from {kind: ${show(str(from, 'kind'))}, namespace: ${show(ns)}} is used by no reference into ${grant.namespace}`,
          );
        }
      }
      for (const to of arr(grant.doc, 'spec', 'to')) {
        const name = str(to, 'name');
        if (name === undefined) {
          r.on(
            grant,
            `to {kind: ${show(str(to, 'kind'))}} has no name: set to.name (least privilege)`,
          );
        } else if (
          !refs.some(
            (ref) =>
              ref.toNamespace === grant.namespace &&
              ref.toKind === str(to, 'kind') &&
              ref.toName === name,
          )
        ) {
          r.on(grant, `to {kind: ${show(str(to, 'kind'))}, name: ${name}} is used by no reference`);
        }
      }
    }
  }),
];
