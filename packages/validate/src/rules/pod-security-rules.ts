import { arr, isObject, num, obj, show, str } from '../json.js';
import { envRule, type Rule } from '../rule.js';
import { workloads } from '../workloads.js';

/** Effective securityContext field: the container's value wins over the pod's. */
function effective(podSpec: unknown, container: unknown, key: string): unknown {
  const fromContainer = obj(container, 'securityContext')?.[key];
  return fromContainer !== undefined ? fromContainer : obj(podSpec, 'securityContext')?.[key];
}

/** Pod Security Standards "restricted" plus the hardening REFERENCE.md asks for. */
export const podSecurityRules: readonly Rule[] = [
  envRule('policy/run-as-non-root', 'Containers run as non-root with UID/GID > 10000', (env, r) => {
    for (const w of workloads(env)) {
      for (const c of w.containers) {
        const name = str(c, 'name') ?? '?';
        if (effective(w.podSpec, c, 'runAsNonRoot') !== true) {
          r.on(
            w.object,
            `container ${name}: runAsNonRoot must be true, but ${show(effective(w.podSpec, c, 'runAsNonRoot'))} was given`,
          );
        }
        for (const key of ['runAsUser', 'runAsGroup']) {
          const id = effective(w.podSpec, c, key);
          if (typeof id !== 'number' || id <= 10000) {
            r.on(
              w.object,
              `container ${name}: ${key} must be a number > 10000, but ${show(id)} was given`,
            );
          }
        }
      }
    }
  }),
  envRule(
    'policy/privilege-escalation',
    'allowPrivilegeEscalation false, not privileged, no host namespaces',
    (env, r) => {
      for (const w of workloads(env)) {
        for (const key of ['hostNetwork', 'hostPID', 'hostIPC']) {
          if (w.podSpec[key] === true)
            r.on(w.object, `pod ${key} must be unset or false, but true was given`);
        }
        for (const c of w.containers) {
          const name = str(c, 'name') ?? '?';
          const sc = obj(c, 'securityContext');
          if (sc?.allowPrivilegeEscalation !== false) {
            r.on(
              w.object,
              `container ${name}: securityContext.allowPrivilegeEscalation must be false, but ${show(sc?.allowPrivilegeEscalation)} was given`,
            );
          }
          if (sc?.privileged === true)
            r.on(w.object, `container ${name}: securityContext.privileged must not be true`);
        }
      }
    },
  ),
  envRule('policy/capabilities', 'Containers drop ALL capabilities and add none', (env, r) => {
    for (const w of workloads(env)) {
      for (const c of w.containers) {
        const name = str(c, 'name') ?? '?';
        const drop = arr(c, 'securityContext', 'capabilities', 'drop');
        const add = arr(c, 'securityContext', 'capabilities', 'add').filter(
          (a) => a !== 'NET_BIND_SERVICE',
        );
        if (!drop.includes('ALL'))
          r.on(
            w.object,
            `container ${name}: securityContext.capabilities.drop must contain ALL, but ${show(drop)} was given`,
          );
        if (add.length > 0)
          r.on(
            w.object,
            `container ${name}: securityContext.capabilities.add must be empty, but ${show(add)} was given`,
          );
      }
    }
  }),
  envRule('policy/seccomp', 'seccompProfile RuntimeDefault (or Localhost)', (env, r) => {
    for (const w of workloads(env)) {
      for (const c of w.containers) {
        const type = str(effective(w.podSpec, c, 'seccompProfile'), 'type');
        if (type !== 'RuntimeDefault' && type !== 'Localhost') {
          r.on(
            w.object,
            `container ${str(c, 'name') ?? '?'}: seccompProfile.type must be RuntimeDefault, but ${show(type)} was given`,
          );
        }
      }
    }
  }),
  envRule('policy/read-only-root', 'readOnlyRootFilesystem true', (env, r) => {
    for (const w of workloads(env)) {
      for (const c of w.containers) {
        const value = obj(c, 'securityContext')?.readOnlyRootFilesystem;
        if (value !== true)
          r.on(
            w.object,
            `container ${str(c, 'name') ?? '?'}: securityContext.readOnlyRootFilesystem must be true, but ${show(value)} was given`,
          );
      }
    }
  }),
  envRule('policy/automount-token', 'automountServiceAccountToken false', (env, r) => {
    for (const w of workloads(env)) {
      if (w.podSpec.automountServiceAccountToken !== false) {
        r.on(
          w.object,
          `pod automountServiceAccountToken must be false, but ${show(w.podSpec.automountServiceAccountToken)} was given`,
        );
      }
    }
  }),
  envRule('policy/resources', 'CPU and memory requests and limits on every container', (env, r) => {
    for (const w of workloads(env)) {
      for (const c of w.containers) {
        for (const kind of ['requests', 'limits']) {
          for (const res of ['cpu', 'memory']) {
            const value = obj(c, 'resources', kind)?.[res];
            if (typeof value !== 'string' && typeof value !== 'number') {
              r.on(
                w.object,
                `container ${str(c, 'name') ?? '?'}: resources.${kind}.${res} must be set, but nothing was given`,
              );
            }
          }
        }
      }
    }
  }),
  envRule(
    'policy/probes',
    'Distinct liveness and readiness probes on every container',
    (env, r) => {
      for (const w of workloads(env)) {
        for (const c of arr(w.object.doc, 'spec', 'template', 'spec', 'containers').filter(
          isObject,
        )) {
          const name = str(c, 'name') ?? '?';
          const live = c.livenessProbe;
          const ready = c.readinessProbe;
          if (!isObject(live)) r.on(w.object, `container ${name}: livenessProbe must be set`);
          if (!isObject(ready)) r.on(w.object, `container ${name}: readinessProbe must be set`);
          // Equal serializations make ready an object too.
          if (isObject(live) && JSON.stringify(live) === JSON.stringify(ready)) {
            r.on(
              w.object,
              `container ${name}: livenessProbe and readinessProbe must differ, but both are ${show(live)}`,
            );
          }
        }
      }
    },
  ),
  envRule('policy/image-tag', 'Images pinned to a tag or digest, never latest', (env, r) => {
    for (const w of workloads(env)) {
      for (const c of w.containers) {
        const image = str(c, 'image') ?? '';
        const lastPart = image.split('/').pop() ?? '';
        const tag = image.includes('@')
          ? 'digest'
          : lastPart.includes(':')
            ? lastPart.split(':').pop()
            : undefined;
        if (tag === undefined || tag === 'latest' || tag === '') {
          r.on(
            w.object,
            `container ${str(c, 'name') ?? '?'}: image must be pinned to a tag other than latest or a digest, but ${show(image)} was given`,
          );
        }
      }
    }
  }),
  envRule('policy/replicas', 'Deployments run at least 2 replicas', (env, r) => {
    for (const w of workloads(env)) {
      if (w.object.kind !== 'Deployment') continue;
      const replicas = num(w.object.doc, 'spec', 'replicas') ?? 1;
      if (replicas < 2) r.on(w.object, `spec.replicas must be >= 2, but ${replicas} was given`);
    }
  }),
];
