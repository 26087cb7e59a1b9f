import { arr, isObject, type JsonObject, labels, obj, selects } from './json.js';
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

/** A Service's `spec.selector` as string labels, or undefined when it has none. */
export function serviceSelector(service: K8sObject): Record<string, string> | undefined {
  const selector = obj(service.doc, 'spec', 'selector');
  if (!selector) return undefined;
  return Object.fromEntries(
    Object.entries(selector).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
}

/** The workloads in the Service's namespace whose pod labels match its selector. */
export function selectedWorkloads(
  all: readonly Workload[],
  service: K8sObject,
  selector: Readonly<Record<string, string>>,
): Workload[] {
  return all.filter(
    (w) => w.object.namespace === service.namespace && selects(selector, w.podLabels),
  );
}
