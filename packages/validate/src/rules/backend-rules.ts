import { arr, isObject, show, str } from '../json.js';
import { backendRefs } from '../routes.js';
import { envRule, type Rule } from '../rule.js';
import { ofKind } from '../tree-index.js';
import { selectedWorkloads, serviceSelector, workloads } from '../workloads.js';

/** HTTPRoute -> Service -> Deployment -> container port, each link checked. */
export const backendRules: readonly Rule[] = [
  envRule(
    'xlayer/backend-ref',
    'Every HTTPRoute backendRef resolves to a Service port',
    (env, r) => {
      const services = ofKind(env, 'Service');
      for (const ref of backendRefs(env)) {
        if (ref.kind !== 'Service' || ref.group !== '') {
          r.on(
            ref.route,
            `backendRef ${ref.namespace}/${ref.name} must be a core Service, but group ${show(ref.group)} kind ${show(ref.kind)} was given`,
          );
          continue;
        }
        const service = services.find((s) => s.namespace === ref.namespace && s.name === ref.name);
        if (!service) {
          r.on(
            ref.route,
            `backendRef Service ${ref.namespace}/${ref.name} does not exist in the rendered tree`,
          );
          continue;
        }
        const ports = arr(service.doc, 'spec', 'ports')
          .filter(isObject)
          .map((p) => p.port);
        if (ref.port === undefined || !ports.includes(ref.port)) {
          r.on(
            ref.route,
            `backendRef ${ref.namespace}/${ref.name} port must be one of the Service ports ${show(ports)}, but ${show(ref.port)} was given`,
          );
        }
      }
    },
  ),
  envRule(
    'xlayer/service-selector',
    'Every Service with a selector selects the pods of a workload',
    (env, r) => {
      const all = workloads(env);
      for (const service of ofKind(env, 'Service')) {
        const wanted = serviceSelector(service);
        if (!wanted) continue;
        if (selectedWorkloads(all, service, wanted).length === 0) {
          r.on(
            service,
            `spec.selector ${show(wanted)} selects no pod template in namespace ${service.namespace}`,
          );
        }
      }
    },
  ),
  envRule(
    'xlayer/target-port',
    'Every Service targetPort is a container port of the selected pods',
    (env, r) => {
      const all = workloads(env);
      for (const service of ofKind(env, 'Service')) {
        const wanted = serviceSelector(service);
        if (!wanted) continue;
        for (const w of selectedWorkloads(all, service, wanted)) {
          const containerPorts = w.containers.flatMap((c) => arr(c, 'ports').filter(isObject));
          for (const port of arr(service.doc, 'spec', 'ports').filter(isObject)) {
            const target = port.targetPort ?? port.port;
            const match = containerPorts.find((cp) =>
              typeof target === 'string' ? cp.name === target : cp.containerPort === target,
            );
            if (!match) {
              const given = containerPorts.map((cp) =>
                typeof target === 'string' ? cp.name : cp.containerPort,
              );
              r.on(
                service,
                `port ${str(port, 'name') ?? show(port.port)} targetPort ${show(target)} must be a container port of ${w.object.id}, which has ${show(given)}`,
              );
            }
          }
        }
      }
    },
  ),
];
