import type { RenderedFile } from '@routeplane/model';
import type { Application } from './argo-types.js';
import { documentsOf, waveOf } from './rendered.fixture.js';

/**
 * Derives "X must exist before Y" edges from rendered objects and checks them against the waves of
 * the Applications that deploy X and Y. Used by the wave-order test.
 */

export interface K8sObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace?: string };
  readonly spec?: Record<string, unknown>;
}

/** Objects of upstream sources (not rendered here), keyed by how a child's source names them. */
interface UpstreamFacts {
  /** API groups whose CRDs the source installs. */
  readonly crdGroups: readonly string[];
  /** Objects the source's controllers create or serve at run time, as `kind/name`. */
  readonly runtime: readonly string[];
}

const istioGroups = [
  'extensions.istio.io',
  'networking.istio.io',
  'security.istio.io',
  'telemetry.istio.io',
];

/** What the pinned upstream sources install (checked against Gateway API v1.6 and Istio 1.30). */
export function upstreamFacts(app: Application): UpstreamFacts {
  const { source } = app.spec;
  if (source.repoURL.endsWith('/kubernetes-sigs/gateway-api.git')) {
    return { crdGroups: ['gateway.networking.k8s.io'], runtime: [] };
  }
  if (source.chart === 'base') return { crdGroups: istioGroups, runtime: [] };
  // cert-manager's chart carries its CRDs (crds.enabled); its webhook validates every
  // cert-manager.io object (failurePolicy Fail), so those need the running webhook too.
  if (source.chart === 'cert-manager') {
    return { crdGroups: certManagerGroups, runtime: ['webhook/cert-manager.io'] };
  }
  // istiod's gateway controller creates GatewayClass `istio`; its webhook validates Istio config
  // (failurePolicy Fail), so Istio objects need a running istiod, not just the CRDs.
  if (source.chart === 'istiod') {
    return {
      crdGroups: [],
      runtime: [
        'GatewayClass/istio',
        // The ambient profile also creates the waypoint class (PILOT_ENABLE_AMBIENT).
        'GatewayClass/istio-waypoint',
        ...istioGroups.map((g) => `webhook/${g}`),
      ],
    };
  }
  return { crdGroups: [], runtime: [] };
}

const certManagerGroups = ['cert-manager.io', 'acme.cert-manager.io'];

/** Kinds without a namespace among those render-k8s emits. */
const clusterScopedKinds = new Set(['Namespace', 'ClusterIssuer']);

const builtinGroups = new Set([
  '',
  'admissionregistration.k8s.io',
  'apps',
  'autoscaling',
  'batch',
  'networking.k8s.io',
  'policy',
  'rbac.authorization.k8s.io',
]);

export function groupOf(apiVersion: string): string {
  return apiVersion.includes('/') ? (apiVersion.split('/')[0] ?? '') : '';
}

/** Objects a git child deploys: the documents of files directly in its path (not recursive). */
export function objectsOfChild(app: Application, k8sFiles: readonly RenderedFile[]): K8sObject[] {
  const path = app.spec.source.path;
  if (
    app.spec.source.chart ||
    path === undefined ||
    app.spec.source.repoURL.includes('gateway-api')
  )
    return [];
  return k8sFiles
    .filter((f) => f.path.startsWith(`${path}/`) && !f.path.slice(path.length + 1).includes('/'))
    .flatMap((f) => documentsOf(f) as K8sObject[]);
}

type Key = string;

/** Every key an app provides: `crd/<group>`, `Namespace/<name>`, `<Kind>/<ns>/<name>`, runtime facts. */
function provided(app: Application, k8sFiles: readonly RenderedFile[]): Set<Key> {
  const keys = new Set<Key>();
  const facts = upstreamFacts(app);
  for (const group of facts.crdGroups) keys.add(`crd/${group}`);
  for (const fact of facts.runtime) keys.add(fact);
  if (app.spec.syncPolicy.syncOptions.includes('CreateNamespace=true')) {
    keys.add(`Namespace/${app.spec.destination.namespace}`);
  }
  for (const obj of objectsOfChild(app, k8sFiles)) {
    if (obj.kind === 'Namespace') keys.add(`Namespace/${obj.metadata.name}`);
    else keys.add(`${obj.kind}/${namespaceOf(obj, app)}/${obj.metadata.name}`);
    // cert-manager writes a Certificate's Secret once issued; Argo CD's built-in Certificate health
    // (argo-cd resource_customizations/cert-manager.io/Certificate/health.lua) is Progressing until
    // the Ready condition, so the wave after it sees the Secret.
    if (obj.kind === 'Certificate') {
      keys.add(`Secret/${namespaceOf(obj, app)}/${String(obj.spec?.secretName)}`);
    }
  }
  return keys;
}

function namespaceOf(obj: K8sObject, app: Application): string {
  if (clusterScopedKinds.has(obj.kind)) return '';
  return obj.metadata.namespace ?? app.spec.destination.namespace ?? '';
}

interface Ref {
  readonly name: string;
  readonly namespace?: string;
  readonly kind?: string;
}

/** What one object needs to exist (and work) before it is applied. */
function requirements(obj: K8sObject, app: Application): { key: Key; why: string }[] {
  const needs: { key: Key; why: string }[] = [];
  const group = groupOf(obj.apiVersion);
  if (!builtinGroups.has(group)) needs.push({ key: `crd/${group}`, why: 'its CRD' });
  if (istioGroups.includes(group))
    needs.push({ key: `webhook/${group}`, why: "istiod's validating webhook" });
  if (group === 'cert-manager.io')
    needs.push({ key: 'webhook/cert-manager.io', why: "cert-manager's validating webhook" });
  if (!clusterScopedKinds.has(obj.kind)) {
    needs.push({ key: `Namespace/${namespaceOf(obj, app)}`, why: 'its namespace' });
  }
  const ns = namespaceOf(obj, app);
  if (obj.kind === 'Gateway') {
    needs.push({
      key: `GatewayClass/${String(obj.spec?.gatewayClassName)}`,
      why: 'its GatewayClass',
    });
    const listeners =
      (obj.spec?.listeners as { tls?: { certificateRefs?: Ref[] } }[] | undefined) ?? [];
    for (const ref of listeners.flatMap((l) => l.tls?.certificateRefs ?? [])) {
      // Argo CD's Gateway health is Degraded while a certificate is missing (ResolvedRefs=False).
      needs.push({
        key: `${ref.kind ?? 'Secret'}/${ref.namespace ?? ns}/${ref.name}`,
        why: 'its TLS certificate',
      });
    }
    const frontend = obj.spec?.tls as
      | { frontend?: { default?: { validation?: { caCertificateRefs?: Ref[] } } } }
      | undefined;
    for (const ref of frontend?.frontend?.default?.validation?.caCertificateRefs ?? []) {
      // Istio marks the listener invalid while the CA reference does not resolve.
      needs.push({
        key: `${ref.kind ?? 'ConfigMap'}/${ref.namespace ?? ns}/${ref.name}`,
        why: 'its client CA',
      });
    }
    const infra = obj.spec?.infrastructure as { parametersRef?: Ref } | undefined;
    if (infra?.parametersRef) {
      needs.push({ key: `ConfigMap/${ns}/${infra.parametersRef.name}`, why: 'its parameters' });
    }
  }
  if (obj.kind === 'Certificate') {
    const issuer = obj.spec?.issuerRef as Ref | undefined;
    if (issuer) {
      const kind = issuer.kind ?? 'Issuer';
      needs.push({
        key: `${kind}/${clusterScopedKinds.has(kind) ? '' : ns}/${issuer.name}`,
        why: 'its issuer',
      });
    }
  }
  if (obj.kind === 'ClusterIssuer') {
    const ca = obj.spec?.ca as { secretName?: string } | undefined;
    if (ca?.secretName) {
      // A ClusterIssuer reads its CA from cert-manager's cluster resource namespace.
      const home = app.spec.destination.namespace ?? '';
      needs.push({ key: `Secret/${home}/${ca.secretName}`, why: 'its CA Secret' });
    }
  }
  const waypoint = (obj.metadata as { labels?: Record<string, string> }).labels?.[
    'istio.io/use-waypoint'
  ];
  if (obj.kind === 'Service' && waypoint !== undefined) {
    // Istio sends the Service's traffic to the waypoint from the moment the label exists.
    needs.push({ key: `Gateway/${ns}/${waypoint}`, why: 'its waypoint' });
  }
  if (obj.kind === 'HTTPRoute') {
    for (const parent of (obj.spec?.parentRefs as Ref[] | undefined) ?? []) {
      needs.push({
        key: `${parent.kind ?? 'Gateway'}/${parent.namespace ?? ns}/${parent.name}`,
        why: 'its parent Gateway',
      });
    }
    const rules = (obj.spec?.rules as { backendRefs?: Ref[] }[] | undefined) ?? [];
    for (const ref of rules.flatMap((r) => r.backendRefs ?? [])) {
      // Argo CD's HTTPRoute health is Degraded while a backend is missing (ResolvedRefs=False).
      needs.push({
        key: `${ref.kind ?? 'Service'}/${ref.namespace ?? ns}/${ref.name}`,
        why: 'its backend Service',
      });
    }
  }
  return needs;
}

/**
 * Human-readable violations: missing providers and providers in a later or equal wave. `external`
 * lists keys deliberately supplied outside Argo CD before the first sync (e.g. the gateway's TLS
 * Secret, which must never be committed).
 */
export function waveViolations(
  apps: readonly Application[],
  k8sFiles: readonly RenderedFile[],
  external: ReadonlySet<string> = new Set(),
): string[] {
  const providers = apps.map((app) => ({ app, keys: provided(app, k8sFiles) }));
  const problems: string[] = [];
  for (const app of apps) {
    for (const obj of objectsOfChild(app, k8sFiles)) {
      for (const need of requirements(obj, app)) {
        const what = `${app.metadata.name}: ${obj.kind}/${obj.metadata.name} needs ${need.why} (${need.key})`;
        if (external.has(need.key)) continue;
        const from = providers.filter((p) => p.keys.has(need.key)).map((p) => p.app);
        if (from.length === 0) problems.push(`${what}, which nothing deploys`);
        for (const provider of from) {
          // Inside one Application, Argo CD orders CRDs and namespaces first and the rest converges.
          if (provider !== app && waveOf(provider) >= waveOf(app)) {
            problems.push(
              `${what} from ${provider.metadata.name} in wave ${waveOf(provider)} >= ${waveOf(app)}`,
            );
          }
        }
      }
    }
  }
  return problems;
}
