import type { BackendModel, GatewayModel } from '@routeplane/model';
import { ApiObject, Duration, JsonPatch } from 'cdk8s';
import {
  Capability,
  ConfigMap,
  Deployment,
  ImagePullPolicy,
  LabelSelector,
  Probe,
  Protocol,
  SeccompProfileType,
  Service,
  ServiceAccount,
  ServiceType,
  Volume,
} from 'cdk8s-plus-28';
import { IntOrString, KubePodDisruptionBudget, Quantity } from 'cdk8s-plus-28/lib/imports/k8s.js';
import type { Construct } from 'constructs';
import type { AuthorizationPolicySpec } from './crd-types.js';
import {
  ambientKubeletProbeCidr,
  gatewayNameLabel,
  hbonePort,
  hostnameTopologyKey,
  zoneTopologyKey,
} from './labels.js';
import { ingressPolicy, ipBlocks, podsInNamespace, tcpPorts } from './network-policy.js';
import { nginxServerConfig } from './nginx-config.js';
import { type K8sObject, synthObjects } from './synth.js';
import { useWaypointLabels } from './waypoint.js';

const containerName = 'server';
const nginxConfigDir = '/etc/nginx/conf.d';

/** Deployment with the Pod Security "restricted" profile and a read-only root file system. */
function deployment(scope: Construct, b: BackendModel, configMapName: string): Deployment {
  const tmp = Volume.fromEmptyDir(scope, 'tmp', 'tmp');
  // Referenced by name: cdk8s-plus' concrete classes clash with exactOptionalPropertyTypes.
  const cm = ConfigMap.fromConfigMapName(scope, 'config-ref', configMapName);
  const sa = ServiceAccount.fromServiceAccountName(scope, 'service-account-ref', b.name);
  const config = Volume.fromConfigMap(scope, 'config-volume', cm, { name: 'nginx-config' });
  const d = new Deployment(scope, 'deployment', {
    metadata: { name: b.name, labels: { ...b.labels } },
    replicas: b.replicas,
    select: false,
    podMetadata: { labels: { ...b.labels } },
    serviceAccount: sa,
    automountServiceAccountToken: false,
    securityContext: {
      ensureNonRoot: true,
      user: b.runAsUser,
      group: b.runAsGroup,
      fsGroup: b.runAsGroup,
    },
    containers: [
      {
        name: containerName,
        image: b.image,
        imagePullPolicy: ImagePullPolicy.IF_NOT_PRESENT,
        ports: [{ name: b.portName, number: b.containerPort, protocol: Protocol.TCP }],
        securityContext: {
          ensureNonRoot: true,
          user: b.runAsUser,
          group: b.runAsGroup,
          privileged: false,
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: [Capability.ALL] },
          seccompProfile: { type: SeccompProfileType.RUNTIME_DEFAULT },
        },
        // Readiness asks the server for its health path; liveness only checks the socket, so a
        // slow health answer takes the pod out of the Service without restarting it.
        readiness: Probe.fromHttpGet(b.healthPath, {
          port: b.containerPort,
          periodSeconds: Duration.seconds(5),
          failureThreshold: 3,
          timeoutSeconds: Duration.seconds(2),
        }),
        liveness: Probe.fromTcpSocket({
          port: b.containerPort,
          initialDelaySeconds: Duration.seconds(5),
          periodSeconds: Duration.seconds(20),
          failureThreshold: 3,
          timeoutSeconds: Duration.seconds(2),
        }),
        // nginx-unprivileged writes its pid and temp files to /tmp; nothing else is written.
        volumeMounts: [
          { path: '/tmp', volume: tmp },
          { path: nginxConfigDir, volume: config, readOnly: true },
        ],
      },
    ],
  });
  d.select(LabelSelector.of({ labels: { ...b.selectorLabels } }));
  const podSelector = { matchLabels: { ...b.selectorLabels } };
  const container = '/spec/template/spec/containers/0';
  // Patches land before the generated binding serializes the object, so IntOrString and
  // Quantity values are passed as their binding types.
  const quantities = (q: { readonly cpu: string; readonly memory: string }) => ({
    cpu: Quantity.fromString(q.cpu),
    memory: Quantity.fromString(q.memory),
  });
  const namedPort = IntOrString.fromString(b.portName);
  ApiObject.of(d).addJsonPatch(
    // cdk8s-plus always adds its own address label; selectors use app.kubernetes.io/* instead.
    JsonPatch.remove('/spec/template/metadata/labels/cdk8s.io~1metadata.addr'),
    // Fields cdk8s-plus spells out although they equal the Kubernetes defaults: dropped so the
    // manifest shows only what routeplane decides.
    ...[
      '/spec/minReadySeconds',
      '/spec/progressDeadlineSeconds',
      '/spec/strategy',
      '/spec/template/spec/dnsPolicy',
      '/spec/template/spec/hostNetwork',
      '/spec/template/spec/restartPolicy',
      '/spec/template/spec/setHostnameAsFQDN',
      '/spec/template/spec/terminationGracePeriodSeconds',
      '/spec/template/spec/securityContext/fsGroupChangePolicy',
      `${container}/imagePullPolicy`,
    ].map((path) => JsonPatch.remove(path)),
    // Quantities exactly as the catalog wrote them (cdk8s-plus would re-express them).
    JsonPatch.replace(`${container}/resources`, {
      requests: quantities(b.resources.requests),
      limits: quantities(b.resources.limits),
    }),
    // Probes on the named port, which cdk8s-plus cannot express.
    JsonPatch.replace(`${container}/readinessProbe/httpGet/port`, namedPort),
    JsonPatch.replace(`${container}/livenessProbe/tcpSocket/port`, namedPort),
    JsonPatch.add('/spec/template/spec/topologySpreadConstraints', [
      {
        labelSelector: podSelector,
        matchLabelKeys: ['pod-template-hash'],
        maxSkew: 1,
        topologyKey: zoneTopologyKey,
        whenUnsatisfiable: 'DoNotSchedule',
      },
      {
        labelSelector: podSelector,
        matchLabelKeys: ['pod-template-hash'],
        maxSkew: 1,
        topologyKey: hostnameTopologyKey,
        whenUnsatisfiable: 'ScheduleAnyway',
      },
    ]),
  );
  return d;
}

function service(scope: Construct, b: BackendModel): Service {
  const labels =
    b.waypoint === undefined ? b.labels : { ...b.labels, ...useWaypointLabels(b.waypoint) };
  const s = new Service(scope, 'service', {
    metadata: { name: b.name, labels: { ...labels } },
    type: ServiceType.CLUSTER_IP,
    ports: [
      {
        name: b.portName,
        port: b.servicePort,
        targetPort: b.containerPort,
        protocol: Protocol.TCP,
      },
    ],
  });
  for (const [key, value] of Object.entries(b.selectorLabels)) s.selectLabel(key, value);
  // The Service targets the container port by name, as the convention says.
  ApiObject.of(s).addJsonPatch(
    JsonPatch.replace('/spec/ports/0/targetPort', IntOrString.fromString(b.portName)),
    // cdk8s-plus writes an empty list; leave the field to the API server.
    JsonPatch.remove('/spec/externalIPs'),
  );
  return s;
}

/**
 * L4-only ALLOW policy enforced by ztunnel. Its port is the container port, not the Service
 * port: ztunnel authorizes the connection at the destination pod, after the Service VIP has
 * been resolved to an endpoint, so it sees the pod's target port (8080), never 80.
 */
function authorizationPolicy(scope: Construct, b: BackendModel, gw: GatewayModel): ApiObject {
  // Behind a waypoint every caller arrives as the waypoint, which has already applied the L7 policy.
  const principals =
    b.waypoint === undefined
      ? [gw.principal, ...b.allowFrom.map((c) => c.principal)]
      : [b.waypoint.principal];
  const spec: AuthorizationPolicySpec = {
    selector: { matchLabels: { ...b.selectorLabels } },
    action: 'ALLOW',
    rules: [
      {
        from: [{ source: { principals: [...new Set(principals)].sort() } }],
        to: [{ operation: { ports: [String(b.containerPort)] } }],
      },
    ],
  };
  return new ApiObject(scope, 'authorization-policy', {
    apiVersion: 'security.istio.io/v1',
    kind: 'AuthorizationPolicy',
    metadata: { name: b.name, labels: { ...b.labels } },
    spec,
  });
}

/**
 * Who may open connections to this backend's pods. Under ambient, mesh traffic arrives as HBONE on
 * 15008 and kubelet probes come from 169.254.7.127, so both must be admitted besides the server
 * port; the AuthorizationPolicy then narrows mesh callers to their identities.
 */
function networkPolicy(scope: Construct, b: BackendModel, gw: GatewayModel): ApiObject {
  const meshPorts = tcpPorts(b.containerPort, hbonePort);
  if (b.waypoint !== undefined) {
    // Only the waypoint reaches the pods (HBONE); the gateway and the callers reach the waypoint.
    return ingressPolicy(scope, `${b.name}-ingress`, b.selectorLabels, [
      {
        from: [{ podSelector: { matchLabels: { [gatewayNameLabel]: b.waypoint.name } } }],
        ports: meshPorts,
      },
      { from: ipBlocks(ambientKubeletProbeCidr), ports: tcpPorts(b.containerPort) },
    ]);
  }
  const callerNamespaces = [...new Set(b.allowFrom.map((c) => c.namespace))].sort();
  return ingressPolicy(scope, `${b.name}-ingress`, b.selectorLabels, [
    { from: [podsInNamespace(gw.namespace, { [gatewayNameLabel]: gw.name })], ports: meshPorts },
    ...(callerNamespaces.length > 0
      ? [{ from: callerNamespaces.map((ns) => podsInNamespace(ns)), ports: meshPorts }]
      : []),
    { from: ipBlocks(ambientKubeletProbeCidr), ports: tcpPorts(b.containerPort) },
  ]);
}

/** Every object of one backend, in apply order: identity, content, workload, Service, policies. */
export function backendObjects(b: BackendModel, gw: GatewayModel): K8sObject[] {
  return synthObjects(b.namespace, (scope) => {
    new ServiceAccount(scope, 'service-account', {
      metadata: { name: b.name, labels: { ...b.labels } },
      automountToken: false,
    });
    const configMapName = `${b.name}-nginx`;
    new ConfigMap(scope, 'config', {
      metadata: { name: configMapName, labels: { ...b.labels } },
      data: { 'default.conf': nginxServerConfig(b) },
    });
    deployment(scope, b, configMapName);
    service(scope, b);
    new KubePodDisruptionBudget(scope, 'pdb', {
      metadata: { name: b.name, labels: { ...b.labels } },
      // maxUnavailable never blocks a drain, whatever the replica count.
      spec: {
        maxUnavailable: IntOrString.fromNumber(1),
        selector: { matchLabels: { ...b.selectorLabels } },
      },
    });
    authorizationPolicy(scope, b, gw);
    networkPolicy(scope, b, gw);
  });
}
