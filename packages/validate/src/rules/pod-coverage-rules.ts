import { arr, isObject, num, obj, selects, show, str } from '../json.js';
import { envRule, type Rule } from '../rule.js';
import { ofKind } from '../tree-index.js';
import { matchLabels, workloads } from '../workloads.js';

/** Ambient traffic arrives as HBONE on 15008; kubelet probes come from this link-local address. */
const hbonePort = 15008;

/** Objects that must cover every pod: disruption budgets and network policies. */
export const podCoverageRules: readonly Rule[] = [
  envRule(
    'policy/pdb',
    'Every Deployment has a PodDisruptionBudget selecting its pods',
    (env, r) => {
      const pdbs = ofKind(env, 'PodDisruptionBudget');
      for (const w of workloads(env)) {
        if (w.object.kind !== 'Deployment') continue;
        // policy/v1: a null selector matches no pods, an empty one ({}) every pod of the namespace.
        const covering = pdbs.filter((p) => {
          const selector = obj(p.doc, 'spec', 'selector');
          return (
            p.namespace === w.object.namespace &&
            selector !== undefined &&
            selects(matchLabels(selector), w.podLabels)
          );
        });
        if (covering.length === 0) {
          r.on(
            w.object,
            `no PodDisruptionBudget in namespace ${w.object.namespace} selects the pod labels ${show(w.podLabels)}`,
          );
        }
        for (const p of covering) {
          const minAvailable = num(p.doc, 'spec', 'minAvailable');
          const replicas = num(w.object.doc, 'spec', 'replicas') ?? 1;
          if (minAvailable !== undefined && minAvailable >= replicas) {
            r.on(
              w.object,
              `${p.id} minAvailable ${minAvailable} must be < replicas ${replicas}, or no pod can ever be evicted`,
            );
          }
        }
      }
    },
  ),
  envRule(
    'policy/network-policy',
    'A NetworkPolicy selects every pod and admits HBONE 15008 with the service ports',
    (env, r) => {
      const policies = ofKind(env, 'NetworkPolicy');
      for (const w of workloads(env)) {
        const covering = policies.filter(
          (p) =>
            p.namespace === w.object.namespace &&
            selects(matchLabels(obj(p.doc, 'spec')?.podSelector), w.podLabels),
        );
        if (covering.length === 0) {
          r.on(
            w.object,
            `no NetworkPolicy in namespace ${w.object.namespace} selects the pod labels ${show(w.podLabels)}`,
          );
          continue;
        }
        // Port lists that restrict ingress must admit ambient's HBONE port, or the mesh drops every request.
        // Stryker disable MethodExpression: the schema makes every rule and port an object
        const ingressPorts = covering.flatMap((p) =>
          arr(p.doc, 'spec', 'ingress')
            .filter(isObject)
            .map((rule) => arr(rule, 'ports').filter(isObject)),
        );
        // Stryker restore MethodExpression
        const restricted =
          ingressPorts.length > 0 && ingressPorts.every((ports) => ports.length > 0);
        const admitted = new Set(ingressPorts.flat().map((p) => p.port));
        if (restricted && !admitted.has(hbonePort)) {
          r.on(
            w.object,
            `NetworkPolicy ingress ports ${show([...admitted])} must include ${hbonePort} (ambient HBONE)`,
          );
        }
        if (restricted) {
          for (const c of w.containers) {
            // Stryker disable next-line MethodExpression: the schema makes every port an object
            for (const port of arr(c, 'ports').filter(isObject)) {
              if (!admitted.has(port.containerPort) && !admitted.has(port.name)) {
                r.on(
                  w.object,
                  `NetworkPolicy ingress ports ${show([...admitted])} must admit container port ${show(port.containerPort)} of ${str(c, 'name') ?? '?'}`,
                );
              }
            }
          }
        }
      }
    },
  ),
];
