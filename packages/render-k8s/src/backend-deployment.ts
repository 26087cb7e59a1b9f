import type { BackendModel, ResourceRequirements } from '@routeplane/model';
import { k8s } from 'cdk8s-plus-28';
import type { Construct } from 'constructs';
import { hostnameTopologyKey, zoneTopologyKey } from './labels.js';

const containerName = 'server';
const tmpVolume = 'tmp';
const configVolume = 'nginx-config';
const nginxConfigDir = '/etc/nginx/conf.d';

/** Pod-level half of the Pod Security "restricted" profile: a fixed non-root UID and GID. */
function podSecurityContext(b: BackendModel): k8s.PodSecurityContext {
  return {
    fsGroup: b.runAsGroup,
    runAsGroup: b.runAsGroup,
    runAsNonRoot: true,
    runAsUser: b.runAsUser,
  };
}

/** Container-level half of "restricted", plus a read-only root file system. */
function containerSecurityContext(b: BackendModel): k8s.SecurityContext {
  return {
    allowPrivilegeEscalation: false,
    capabilities: { drop: ['ALL'] },
    privileged: false,
    readOnlyRootFilesystem: true,
    runAsGroup: b.runAsGroup,
    runAsNonRoot: true,
    runAsUser: b.runAsUser,
    seccompProfile: { type: 'RuntimeDefault' },
  };
}

/**
 * Readiness asks the server for its health path; liveness only checks the socket, so a slow health
 * answer takes the pod out of the Service without restarting it. Both probe the port by name.
 */
function readinessProbe(b: BackendModel): k8s.Probe {
  return {
    failureThreshold: 3,
    httpGet: { path: b.healthPath, port: k8s.IntOrString.fromString(b.portName), scheme: 'HTTP' },
    periodSeconds: 5,
    timeoutSeconds: 2,
  };
}

function livenessProbe(b: BackendModel): k8s.Probe {
  return {
    failureThreshold: 3,
    initialDelaySeconds: 5,
    periodSeconds: 20,
    tcpSocket: { port: k8s.IntOrString.fromString(b.portName) },
    timeoutSeconds: 2,
  };
}

/** Quantities exactly as the catalog wrote them. */
function resources(r: ResourceRequirements): k8s.ResourceRequirements {
  const quantities = (q: { readonly cpu: string; readonly memory: string }) => ({
    cpu: k8s.Quantity.fromString(q.cpu),
    memory: k8s.Quantity.fromString(q.memory),
  });
  return { limits: quantities(r.limits), requests: quantities(r.requests) };
}

function container(b: BackendModel): k8s.Container {
  return {
    image: b.image,
    livenessProbe: livenessProbe(b),
    name: containerName,
    ports: [{ containerPort: b.containerPort, name: b.portName, protocol: 'TCP' }],
    readinessProbe: readinessProbe(b),
    resources: resources(b.resources),
    securityContext: containerSecurityContext(b),
    // nginx-unprivileged writes its pid and temp files to /tmp; nothing else is written.
    volumeMounts: [
      { mountPath: '/tmp', name: tmpVolume },
      { mountPath: nginxConfigDir, name: configVolume, readOnly: true },
    ],
  };
}

function volumes(configMapName: string): k8s.Volume[] {
  return [
    { emptyDir: {}, name: tmpVolume },
    { configMap: { name: configMapName }, name: configVolume },
  ];
}

/** Replicas spread over zones (hard) and nodes (soft), counted per rollout revision. */
function topologySpread(b: BackendModel): k8s.TopologySpreadConstraint[] {
  const spread = (topologyKey: string, whenUnsatisfiable: string) => ({
    labelSelector: { matchLabels: { ...b.selectorLabels } },
    matchLabelKeys: ['pod-template-hash'],
    maxSkew: 1,
    topologyKey,
    whenUnsatisfiable,
  });
  return [spread(zoneTopologyKey, 'DoNotSchedule'), spread(hostnameTopologyKey, 'ScheduleAnyway')];
}

function podSpec(b: BackendModel, configMapName: string): k8s.PodSpec {
  return {
    automountServiceAccountToken: false,
    containers: [container(b)],
    securityContext: podSecurityContext(b),
    serviceAccountName: b.name,
    topologySpreadConstraints: topologySpread(b),
    volumes: volumes(configMapName),
  };
}

/** Deployment with the Pod Security "restricted" profile and a read-only root file system. */
export function backendDeployment(
  scope: Construct,
  b: BackendModel,
  configMapName: string,
): k8s.KubeDeployment {
  return new k8s.KubeDeployment(scope, 'deployment', {
    metadata: { name: b.name, labels: { ...b.labels } },
    spec: {
      replicas: b.replicas,
      selector: { matchLabels: { ...b.selectorLabels } },
      template: {
        metadata: { labels: { ...b.labels } },
        spec: podSpec(b, configMapName),
      },
    },
  });
}
