import { certManagerAdmissionRefusal, issueDueCertificates } from './cert-manager-model.js';
import {
  groupOf,
  isClusterScoped,
  jsonOf,
  type K8sObject,
  keyOf,
  nameOf,
  needsCrd,
} from './k8s-object.js';

/**
 * The cluster as a set of objects plus the few controllers the bring-up depends on, each reduced to
 * when its object turns ready (seconds of simulated time):
 * - the API server: a namespaced object needs its namespace, a custom resource an Established CRD
 *   (CRDs establish 2 s after creation), and Istio's validating webhooks (failurePolicy Fail)
 *   reject every `*.istio.io` object while istiod is not available;
 * - Deployments/DaemonSets become available 20 s / 15 s after a changed spec, only with pinned images
 *   and only while no fault keeps their pods from starting (`breakPods`, e.g. an image that cannot
 *   be pulled); a Deployment not available `progressDeadlineSeconds` (default 600) after its change
 *   reports ProgressDeadlineExceeded;
 * - cert-manager's webhook admission, issuers and issuing (cert-manager-model.ts);
 * - istiod, once available, creates the GatewayClass `istio`;
 * - a Gateway is Programmed 30 s (the NLB) after its class and its certificate Secret exist; without
 *   the Secret its listener reports ResolvedRefs=False;
 * - deleting a Namespace deletes everything in it.
 */

export interface LiveObject {
  readonly object: K8sObject;
  /** Application that last applied it (Argo CD's tracking annotation), if any. */
  readonly owner: string | undefined;
  readonly createdAt: number;
  /** Last time its content changed: a rollout starts then. */
  readonly changedAt: number;
}

export const delays = { crdEstablished: 2, deployment: 20, daemonSet: 15, nlb: 30 } as const;

export class Cluster {
  now = 0;
  private readonly objects = new Map<string, LiveObject>();
  /** Workloads whose pods cannot start (`group/Kind/namespace/name`). */
  private readonly brokenPods = new Set<string>();

  /** A fault: the workload's pods stop becoming ready (e.g. its image cannot be pulled). */
  breakPods(key: string): void {
    this.brokenPods.add(key);
  }

  /** The fault is removed: the pods start over now (a new rollout from the workload's view). */
  repairPods(key: string): void {
    this.brokenPods.delete(key);
    const live = this.objects.get(key);
    if (live) this.objects.set(key, { ...live, changedAt: this.now });
  }

  /** One pass of the in-cluster controllers that create objects (cert-manager's issuing). */
  runControllers(): readonly string[] {
    return issueDueCertificates(this);
  }

  list(): readonly LiveObject[] {
    return [...this.objects.values()];
  }

  get(key: string): LiveObject | undefined {
    return this.objects.get(key);
  }

  find(group: string, kind: string, namespace: string | undefined, name: string) {
    return this.objects.get(`${group}/${kind}/${namespace ?? ''}/${name}`);
  }

  /** Creates an object outside Argo CD (an operator's kubectl, cert-manager). */
  create(object: K8sObject): void {
    this.objects.set(keyOf(object), {
      object,
      owner: undefined,
      createdAt: this.now,
      changedAt: this.now,
    });
  }

  /** Server-side apply as Argo CD does it; returns the API server's refusal, if any. */
  apply(object: K8sObject, owner: string): string | undefined {
    const refusal = this.refusal(object);
    if (refusal) return refusal;
    const key = keyOf(object);
    const live = this.objects.get(key);
    const changed = !live || jsonOf(live.object) !== jsonOf(object);
    this.objects.set(key, {
      object,
      owner,
      createdAt: live?.createdAt ?? this.now,
      changedAt: changed ? this.now : (live?.changedAt ?? this.now),
    });
    return undefined;
  }

  /** Deletes an object; a Namespace takes everything inside it along. Returns what went. */
  delete(key: string): readonly string[] {
    const live = this.objects.get(key);
    if (!live) return [];
    this.objects.delete(key);
    const gone = [nameOf(live.object)];
    if (live.object.kind === 'Namespace' && groupOf(live.object.apiVersion) === '') {
      for (const [k, o] of this.objects) {
        if (o.object.metadata.namespace === live.object.metadata.name) {
          this.objects.delete(k);
          gone.push(nameOf(o.object));
        }
      }
    }
    return gone;
  }

  /** What the API server (dry run included) would refuse about this object now. */
  refusal(object: K8sObject): string | undefined {
    const ns = object.metadata.namespace;
    if (
      !isClusterScoped(object) &&
      ns !== undefined &&
      !this.find('', 'Namespace', undefined, ns)
    ) {
      return `namespaces "${ns}" not found`;
    }
    if (needsCrd(object) && !this.crdEstablished(groupOf(object.apiVersion), object.kind)) {
      return `no matches for kind "${object.kind}" in version "${object.apiVersion}": ensure CRDs are installed first`;
    }
    if (groupOf(object.apiVersion).endsWith('istio.io') && this.istioWebhookBlocks()) {
      return 'Internal error occurred: failed calling webhook "validation.istio.io": no endpoints available for service "istiod"';
    }
    return certManagerAdmissionRefusal(this, object);
  }

  crdEstablished(group: string, kind: string): boolean {
    return this.list().some((l) => {
      const spec = l.object.spec as { group?: string; names?: { kind?: string } } | undefined;
      return (
        l.object.kind === 'CustomResourceDefinition' &&
        spec?.group === group &&
        spec.names?.kind === kind &&
        this.now >= l.createdAt + delays.crdEstablished
      );
    });
  }

  private istioWebhookBlocks(): boolean {
    const failClosed = this.list().some((l) => {
      // Istio's validators: istiod-default-validator (base), istio-validator-<ns> (istiod).
      const { kind, metadata } = l.object;
      if (kind !== 'ValidatingWebhookConfiguration' || !metadata.name.startsWith('istio')) {
        return false;
      }
      const hooks = (l.object.webhooks ?? []) as readonly { failurePolicy?: string }[];
      return hooks.some((h) => h.failurePolicy === 'Fail');
    });
    return failClosed && this.istiodReadySince() === undefined;
  }

  /** When a workload became available, or undefined (not yet, or never: an unpinned image). */
  readySince(live: LiveObject): number | undefined {
    const delay = live.object.kind === 'DaemonSet' ? delays.daemonSet : delays.deployment;
    const at = live.changedAt + delay;
    const starts = imagesPinned(live.object) && !this.brokenPods.has(keyOf(live.object));
    return starts && this.now >= at ? at : undefined;
  }

  /** Whether a Deployment that is not available has passed its progress deadline. */
  progressDeadlineExceeded(live: LiveObject): boolean {
    if (live.object.kind !== 'Deployment' || this.readySince(live) !== undefined) return false;
    return this.now >= live.changedAt + progressDeadline(live.object);
  }

  istiodReadySince(): number | undefined {
    const istiod = this.find('apps', 'Deployment', 'istio-system', 'istiod');
    return istiod ? this.readySince(istiod) : undefined;
  }

  /** The GatewayClass istiod creates once available. */
  gatewayClassSince(name: string): number | undefined {
    return name === 'istio' ? this.istiodReadySince() : undefined;
  }
}

/** Deployment spec.progressDeadlineSeconds, 600 when unset (apps/v1 default). */
export function progressDeadline(object: K8sObject): number {
  return (object.spec as { progressDeadlineSeconds?: number }).progressDeadlineSeconds ?? 600;
}

function imagesPinned(object: K8sObject): boolean {
  const pod = (object.spec as { template?: { spec?: { containers?: { image?: string }[] } } })
    ?.template?.spec;
  const images = (pod?.containers ?? []).map((c) => c.image ?? '');
  return images.every(
    (image) => /[:@]/.test(image.split('/').pop() ?? '') && !image.endsWith(':latest'),
  );
}
