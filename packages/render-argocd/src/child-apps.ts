import { type EnvironmentModel, type K8sComponent, k8sDir } from '@routeplane/model';
import {
  certManagerChartRepoURL,
  certManagerIgnoreDifferences,
  certManagerValues,
} from './cert-manager-values.js';
import type { ChildApp } from './child-app.js';
import {
  gatewayApiCrdPath,
  gatewayApiRepoURL,
  istioChartRepoURL,
  istioNamespace,
} from './constants.js';
import {
  istioBaseValues,
  istioCniValues,
  istiodValues,
  istioWebhookIgnoreDifferences,
  ztunnelValues,
} from './istio-values.js';

/**
 * Sync waves of the children. Each wave waits for the previous one to be Healthy and Synced (see
 * application-health.ts); the wave-order test derives the dependencies from the rendered objects.
 *
 * Backends come BEFORE the routes (not after, as first planned): Argo CD's built-in HTTPRoute health
 * check reports Degraded while a backendRef's Service is missing (ResolvedRefs=False,
 * BackendNotFound), and a Degraded wave never lets the next wave start. Routes after backends is
 * also the safe order for traffic: a route is only attached once its Service exists.
 */
export const waves = {
  gatewayApiCrds: -2,
  istioBase: -1,
  istioControlPlane: 0,
  namespaces: 1,
  // cert-manager needs its namespace (wave 1); the PKI needs cert-manager's CRDs and webhook; the
  // gateway needs the serving certificate's Secret, so both come before it.
  certManager: 2,
  // Waypoints need istiod's GatewayClass istio-waypoint (wave 0) and their namespace (wave 1), and
  // come before the backends whose Services name them. Their own child, gated by Argo CD's built-in
  // Gateway health (Programmed once Istio's waypoint Deployment is available); wave 2 beside
  // cert-manager, which they do not depend on, so the shipped waves keep their numbers.
  waypoints: 2,
  backends: 3,
  pki: 4,
  gateway: 5,
  routes: 6,
} as const;

/** Defaults shared by every child; the table below states only what differs. */
const plain = {
  createNamespace: false,
  prune: true,
  keepOnDelete: false,
  serverSideApply: false,
  ignoreDifferences: [],
} as const;

function helmChild(
  env: EnvironmentModel,
  chart: string,
  releaseName: string,
  valuesObject: Record<string, unknown>,
): Pick<ChildApp, 'source' | 'destinationNamespace'> {
  return {
    source: {
      repoURL: istioChartRepoURL,
      chart,
      targetRevision: env.versions.istio,
      // Explicit: Argo CD would otherwise use the Application name, and the charts name objects after it.
      helm: { releaseName, valuesObject },
    },
    destinationNamespace: istioNamespace,
  };
}

function gitChild(
  env: EnvironmentModel,
  component: K8sComponent,
  destinationNamespace: string | undefined,
): Pick<ChildApp, 'source' | 'destinationNamespace' | 'k8sComponent'> {
  return {
    source: {
      repoURL: env.gitops.repoURL,
      targetRevision: env.gitops.targetRevision,
      path: k8sDir(env.name, component),
    },
    destinationNamespace,
    k8sComponent: component,
  };
}

/** The children of one environment, in wave order (then by component). */
export function childApps(env: EnvironmentModel): readonly ChildApp[] {
  const backendNamespaces = env.namespaces
    .filter((ns) => ns.role === 'backend')
    .map((ns) => ns.name);
  const waypointNamespaces = [
    ...new Set(env.services.filter((s) => s.waypoint !== undefined).map((s) => s.namespace)),
  ].sort();
  const children: ChildApp[] = [
    {
      ...plain,
      component: 'gateway-api-crds',
      wave: waves.gatewayApiCrds,
      description: `Gateway API ${env.versions.gatewayApi} standard-channel CRDs`,
      source: {
        repoURL: gatewayApiRepoURL,
        targetRevision: env.versions.gatewayApi,
        path: gatewayApiCrdPath,
      },
      // Only cluster-scoped objects (CRDs, the safe-upgrades admission policy): no namespace.
      destinationNamespace: undefined,
      prune: false,
      keepOnDelete: true,
      // The HTTPRoute CRD exceeds the 256 KiB last-applied annotation of client-side apply.
      serverSideApply: true,
    },
    {
      ...plain,
      component: 'istio-base',
      wave: waves.istioBase,
      description: `Istio ${env.versions.istio} base: CRDs and the default validating webhook`,
      ...helmChild(env, 'base', 'istio-base', istioBaseValues()),
      createNamespace: true,
      serverSideApply: true,
      // Neither deleting this Application nor a chart upgrade that drops a CRD may remove Istio
      // CRDs: every AuthorizationPolicy (allow-nothing included) would go with them.
      prune: false,
      keepOnDelete: true,
      ignoreDifferences: istioWebhookIgnoreDifferences(false),
    },
    {
      ...plain,
      component: 'istiod',
      wave: waves.istioControlPlane,
      description: `Istio ${env.versions.istio} istiod (ambient profile) on the system nodes`,
      ...helmChild(env, 'istiod', 'istiod', istiodValues(env)),
      ignoreDifferences: istioWebhookIgnoreDifferences(true),
    },
    {
      ...plain,
      component: 'istio-cni',
      wave: waves.istioControlPlane,
      description: `Istio ${env.versions.istio} CNI node agent (ambient profile) on every node`,
      ...helmChild(env, 'cni', 'istio-cni', istioCniValues(env)),
    },
    {
      ...plain,
      component: 'ztunnel',
      wave: waves.istioControlPlane,
      description: `Istio ${env.versions.istio} ztunnel (ambient L4 mTLS) on every node`,
      ...helmChild(env, 'ztunnel', 'ztunnel', ztunnelValues(env)),
    },
    {
      ...plain,
      component: 'namespaces',
      wave: waves.namespaces,
      description: 'Namespaces with ambient enrolment and Pod Security labels',
      ...gitChild(env, 'namespaces', undefined),
    },
    {
      ...plain,
      component: 'cert-manager',
      wave: waves.certManager,
      description: `cert-manager ${env.versions.certManager} on the system nodes, with its CRDs`,
      source: {
        repoURL: certManagerChartRepoURL,
        chart: 'cert-manager',
        targetRevision: env.versions.certManager,
        helm: { releaseName: 'cert-manager', valuesObject: certManagerValues(env) },
      },
      destinationNamespace: env.gateway.pki.namespace,
      // CRDs handled like Istio's in istio-base: applied server-side, never pruned, kept when the
      // Application is deleted (their removal would delete the CA and every Certificate).
      serverSideApply: true,
      prune: false,
      keepOnDelete: true,
      ignoreDifferences: certManagerIgnoreDifferences,
    },
    {
      ...plain,
      component: 'pki',
      wave: waves.pki,
      description: `Private CA, gateway serving and Kong client certificates (cert-manager)`,
      ...gitChild(env, 'pki', env.gateway.pki.namespace),
    },
    {
      ...plain,
      component: 'gateway',
      wave: waves.gateway,
      description: `Istio Gateway ${env.gateway.name} and its options in ${env.gateway.namespace}`,
      ...gitChild(env, 'gateway', env.gateway.namespace),
    },
    {
      ...plain,
      component: 'routes',
      wave: waves.routes,
      description: 'HTTPRoutes, and ReferenceGrants in the backend namespaces',
      ...gitChild(env, 'routes', env.gateway.namespace),
    },
    ...backendNamespaces.map(
      (ns): ChildApp => ({
        ...plain,
        component: `backends-${ns}`,
        wave: waves.backends,
        description: `Sample backends of namespace ${ns}`,
        ...gitChild(env, `backends/${ns}`, ns),
      }),
    ),
    ...waypointNamespaces.map(
      (ns): ChildApp => ({
        ...plain,
        component: `waypoints-${ns}`,
        wave: waves.waypoints,
        description: `Istio waypoints (L7 policy) of namespace ${ns}`,
        ...gitChild(env, `waypoints/${ns}`, ns),
      }),
    ),
  ];
  return children;
}
