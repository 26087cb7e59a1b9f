import { parse } from 'yaml';
import { arr, isObject, labels, obj, selects, show, str } from '../json.js';
import { envRule, type Rule } from '../rule.js';
import { ofKind } from '../tree-index.js';

/** Data keys Istio's gateway controller reads from `spec.infrastructure.parametersRef`. */
const overlayKeys = new Set([
  'deployment',
  'service',
  'serviceAccount',
  'horizontalPodAutoscaler',
  'podDisruptionBudget',
]);

export const gatewayRules: readonly Rule[] = [
  envRule(
    'xlayer/route-parent',
    'Every HTTPRoute attaches to a Gateway listener that admits it',
    (env, r) => {
      const gateways = ofKind(env, 'Gateway');
      const namespaces = new Map(ofKind(env, 'Namespace').map((n) => [n.name, n]));
      for (const route of ofKind(env, 'HTTPRoute')) {
        const parents = arr(route.doc, 'spec', 'parentRefs').filter(isObject);
        if (parents.length === 0)
          r.on(route, 'spec.parentRefs must name a Gateway, but none was given');
        for (const parent of parents) {
          const ns = str(parent, 'namespace') ?? route.namespace;
          const name = str(parent, 'name') ?? '';
          const gw = gateways.find((g) => g.namespace === ns && g.name === name);
          if (!gw) {
            r.on(route, `parentRef Gateway ${ns}/${name} does not exist in the rendered tree`);
            continue;
          }
          const section = str(parent, 'sectionName');
          const listeners = arr(gw.doc, 'spec', 'listeners').filter(
            (l) => section === undefined || str(l, 'name') === section,
          );
          if (listeners.length === 0) {
            r.on(
              route,
              `parentRef sectionName ${show(section)} is not a listener of Gateway ${ns}/${name}`,
            );
            continue;
          }
          const admitted = listeners.some((l) => {
            const from = str(l, 'allowedRoutes', 'namespaces', 'from') ?? 'Same';
            if (from === 'All') return true;
            if (from === 'Same') return route.namespace === gw.namespace;
            const selector = labels(obj(l, 'allowedRoutes', 'namespaces', 'selector')?.matchLabels);
            return selects(selector, namespaces.get(route.namespace)?.labels ?? {});
          });
          if (!admitted)
            r.on(
              route,
              `no listener of Gateway ${ns}/${name} admits routes from namespace ${route.namespace} (allowedRoutes)`,
            );
        }
      }
    },
  ),
  envRule(
    'policy/listener-scope',
    'Gateway listeners admit routes from their own namespace or a selector, never All',
    (env, r) => {
      for (const gw of ofKind(env, 'Gateway')) {
        for (const l of arr(gw.doc, 'spec', 'listeners')) {
          const from = str(l, 'allowedRoutes', 'namespaces', 'from');
          if (from === 'All') {
            r.on(
              gw,
              `listener ${show(str(l, 'name'))} allowedRoutes.namespaces.from must be Same or Selector, but "All" was given: any namespace could attach routes`,
            );
          }
        }
      }
    },
  ),
  envRule(
    'xlayer/gateway-tls',
    'HTTPS listeners terminate TLS with a certificateRef to a Secret',
    (env, r) => {
      for (const gw of ofKind(env, 'Gateway')) {
        for (const l of arr(gw.doc, 'spec', 'listeners')) {
          if (str(l, 'protocol') !== 'HTTPS') continue;
          const name = show(str(l, 'name'));
          const mode = str(l, 'tls', 'mode') ?? 'Terminate';
          if (mode !== 'Terminate')
            r.on(gw, `listener ${name} tls.mode must be Terminate, but ${show(mode)} was given`);
          const refs = arr(l, 'tls', 'certificateRefs').filter(isObject);
          if (refs.length === 0)
            r.on(
              gw,
              `listener ${name} tls.certificateRefs must name the TLS Secret, but none was given`,
            );
          for (const ref of refs) {
            const kind = str(ref, 'kind') ?? 'Secret';
            const group = str(ref, 'group') ?? '';
            if (kind !== 'Secret' || group !== '' || !str(ref, 'name')) {
              r.on(
                gw,
                `listener ${name} certificateRef must be {group: "", kind: Secret, name: <secret>}, but ${show(ref)} was given`,
              );
            }
          }
        }
      }
    },
  ),
  envRule(
    'xlayer/gateway-parameters',
    'The Gateway parametersRef names a ConfigMap of overlays in its namespace',
    (env, r) => {
      const configMaps = ofKind(env, 'ConfigMap');
      for (const gw of ofKind(env, 'Gateway')) {
        const ref = obj(gw.doc, 'spec', 'infrastructure', 'parametersRef');
        if (!ref) {
          r.on(
            gw,
            'spec.infrastructure.parametersRef must name the ConfigMap that pins the gateway pods, but none was given',
          );
          continue;
        }
        if (str(ref, 'kind') !== 'ConfigMap' || (str(ref, 'group') ?? '') !== '') {
          r.on(
            gw,
            `spec.infrastructure.parametersRef must be {group: "", kind: ConfigMap}, but ${show(ref)} was given`,
          );
          continue;
        }
        const cm = configMaps.find(
          (c) => c.namespace === gw.namespace && c.name === str(ref, 'name'),
        );
        if (!cm) {
          r.on(
            gw,
            `parametersRef ConfigMap ${gw.namespace}/${show(str(ref, 'name'))} does not exist in the rendered tree (it must be in the Gateway's namespace)`,
          );
          continue;
        }
        for (const [key, value] of Object.entries(obj(cm.doc, 'data') ?? {})) {
          if (!overlayKeys.has(key)) {
            r.on(
              cm,
              `data key ${show(key)} is not read by Istio; expected one of ${[...overlayKeys].join(', ')}`,
            );
            continue;
          }
          let fragment: unknown;
          try {
            fragment = typeof value === 'string' ? parse(value) : undefined;
          } catch {
            // Not YAML: fragment stays undefined, reported below as not a mapping.
          }
          if (!isObject(fragment)) {
            r.on(cm, `data.${key} must be a YAML mapping, but ${show(value)} was given`);
            continue;
          }
          // Waypoints run beside the backends they front, on the user nodes: no pinning asked.
          const waypoint = str(gw.doc, 'spec', 'gatewayClassName') === 'istio-waypoint';
          if (
            key === 'deployment' &&
            !waypoint &&
            !obj(fragment, 'spec', 'template', 'spec', 'nodeSelector')
          ) {
            r.on(
              cm,
              'data.deployment must set spec.template.spec.nodeSelector: labels alone schedule nothing',
            );
          }
        }
      }
    },
  ),
  envRule(
    'policy/gateway-infrastructure',
    'spec.infrastructure has at most 8 labels and 16 annotations',
    (env, r) => {
      for (const gw of ofKind(env, 'Gateway')) {
        const l = Object.keys(obj(gw.doc, 'spec', 'infrastructure', 'labels') ?? {}).length;
        const a = Object.keys(obj(gw.doc, 'spec', 'infrastructure', 'annotations') ?? {}).length;
        if (l > 8)
          r.on(gw, `spec.infrastructure.labels must have at most 8 entries, but ${l} were given`);
        if (a > 16)
          r.on(
            gw,
            `spec.infrastructure.annotations must have at most 16 entries, but ${a} were given`,
          );
      }
    },
  ),
];
