import { arr, isObject, type JsonObject, labels, obj } from './json.js';
import type { EnvTree, K8sObject } from './tree-index.js';

const workloadKinds = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);

/** A workload with its pod template pulled out. */
export interface Workload {
  readonly object: K8sObject;
  readonly podLabels: Readonly<Record<string, string>>;
  readonly podSpec: JsonObject;
  readonly containers: readonly JsonObject[];
}

export function workloads(env: EnvTree): readonly Workload[] {
  return env.objects
    .filter((o) => workloadKinds.has(o.kind))
    .map((object) => ({
      object,
      podLabels: labels(obj(object.doc, 'spec', 'template', 'metadata')?.labels),
      podSpec: obj(object.doc, 'spec', 'template', 'spec') ?? {},
      containers: [
        ...arr(object.doc, 'spec', 'template', 'spec', 'initContainers'),
        ...arr(object.doc, 'spec', 'template', 'spec', 'containers'),
      ].filter(isObject),
    }));
}

/** A Kubernetes label selector (`matchLabels` only; `matchExpressions` are not used by routeplane). */
export function matchLabels(selector: unknown): Readonly<Record<string, string>> {
  return labels(obj(selector)?.matchLabels);
}
