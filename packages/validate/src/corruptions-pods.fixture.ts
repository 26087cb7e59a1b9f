import { at, corrupt, list } from './corrupt.fixture.js';
import {
  backend,
  type CorruptionCase,
  container,
  namespacePolicies,
  tree,
} from './corruption-setup.fixture.js';

/** Corruptions caught by the rules on backend pods (security context, probes, resources, replicas, network policy). */
export const podsCorruptions: readonly CorruptionCase[] = [
  {
    name: 'put an L7 field in a ztunnel policy',
    files: corrupt(tree, backend, 'AuthorizationPolicy', (d) => {
      at(d, 'spec', 'rules', 0, 'to', 0, 'operation').methods = ['GET'];
    }),
    rule: 'policy/ztunnel-l4-only',
    object: 'AuthorizationPolicy/sample-apps/sample-app-1',
    message: 'rules[0].to.operation.methods is L7',
  },
  {
    name: 'run as root',
    files: corrupt(tree, backend, 'Deployment', (d) => {
      // the renderer sets it on the pod and on the container: either one is enough
      delete at(d, 'spec', 'template', 'spec', 'securityContext').runAsNonRoot;
      delete at(container(d), 'securityContext').runAsNonRoot;
    }),
    rule: 'policy/run-as-non-root',
    object: 'Deployment/sample-apps/sample-app-1',
    message: 'container server: runAsNonRoot must be true, but nothing was given',
  },
  {
    name: 'run without a seccomp profile',
    files: corrupt(tree, backend, 'Deployment', (d) => {
      delete at(d, 'spec', 'template', 'spec', 'securityContext').seccompProfile;
      delete at(container(d), 'securityContext').seccompProfile;
    }),
    rule: 'policy/seccomp',
    object: 'Deployment/sample-apps/sample-app-1',
    message: 'container server: seccompProfile.type must be RuntimeDefault, but nothing was given',
  },
  {
    name: 'make the root filesystem writable',
    files: corrupt(tree, backend, 'Deployment', (d) => {
      at(container(d), 'securityContext').readOnlyRootFilesystem = false;
    }),
    rule: 'policy/read-only-root',
    object: 'Deployment/sample-apps/sample-app-1',
    message:
      'container server: securityContext.readOnlyRootFilesystem must be true, but false was given',
  },
  {
    name: 'mount the service account token',
    files: corrupt(tree, backend, 'Deployment', (d) => {
      delete at(d, 'spec', 'template', 'spec').automountServiceAccountToken;
    }),
    rule: 'policy/automount-token',
    object: 'Deployment/sample-apps/sample-app-1',
    message: 'pod automountServiceAccountToken must be false, but nothing was given',
  },
  {
    name: 'allow privilege escalation',
    files: corrupt(tree, backend, 'Deployment', (d) => {
      at(container(d), 'securityContext').allowPrivilegeEscalation = true;
    }),
    rule: 'policy/privilege-escalation',
    object: 'Deployment/sample-apps/sample-app-1',
    message:
      'container server: securityContext.allowPrivilegeEscalation must be false, but true was given',
  },
  {
    name: 'keep capabilities',
    files: corrupt(tree, backend, 'Deployment', (d) => {
      at(container(d), 'securityContext').capabilities = { drop: ['NET_RAW'] };
    }),
    rule: 'policy/capabilities',
    object: 'Deployment/sample-apps/sample-app-1',
    message:
      'container server: securityContext.capabilities.drop must contain ALL, but ["NET_RAW"] was given',
  },
  {
    name: 'use the latest image',
    files: corrupt(tree, backend, 'Deployment', (d) => {
      container(d).image = 'docker.io/nginxinc/nginx-unprivileged:latest';
    }),
    rule: 'policy/image-tag',
    object: 'Deployment/sample-apps/sample-app-1',
    message:
      'image must be pinned to a tag other than latest or a digest, but "docker.io/nginxinc/nginx-unprivileged:latest" was given',
  },
  {
    name: 'drop the limits',
    files: corrupt(tree, backend, 'Deployment', (d) => {
      delete at(container(d), 'resources').limits;
    }),
    rule: 'policy/resources',
    also: [['policy/resources', 'Deployment/sample-apps/sample-app-1']],
    object: 'Deployment/sample-apps/sample-app-1',
    message: 'container server: resources.limits.cpu must be set, but nothing was given',
  },
  {
    name: 'use the same probe twice',
    files: corrupt(tree, backend, 'Deployment', (d) => {
      container(d).livenessProbe = container(d).readinessProbe;
    }),
    rule: 'policy/probes',
    object: 'Deployment/sample-apps/sample-app-1',
    message: 'container server: livenessProbe and readinessProbe must differ',
  },
  {
    name: 'run one replica',
    files: corrupt(tree, backend, 'Deployment', (d) => {
      at(d, 'spec').replicas = 1;
    }),
    rule: 'policy/replicas',
    object: 'Deployment/sample-apps/sample-app-1',
    message: 'spec.replicas must be >= 2, but 1 was given',
  },
  {
    name: 'drop the PodDisruptionBudget',
    files: corrupt(tree, backend, 'PodDisruptionBudget', () => null),
    rule: 'policy/pdb',
    object: 'Deployment/sample-apps/sample-app-1',
    message: 'no PodDisruptionBudget in namespace sample-apps selects the pod labels',
  },
  {
    name: 'drop the NetworkPolicy',
    // the backend's own policy and the namespace's default-deny and DNS-egress policies
    files: corrupt(
      corrupt(
        corrupt(tree, backend, 'NetworkPolicy', () => null),
        namespacePolicies,
        'NetworkPolicy',
        () => null,
      ),
      namespacePolicies,
      'NetworkPolicy',
      () => null,
    ),
    rule: 'policy/network-policy',
    object: 'Deployment/sample-apps/sample-app-1',
    message: 'no NetworkPolicy in namespace sample-apps selects the pod labels',
  },
  {
    name: 'forget the HBONE port in the NetworkPolicy',
    files: corrupt(tree, backend, 'NetworkPolicy', (d) => {
      list(d, 'spec', 'ingress', 0, 'ports').pop();
    }),
    rule: 'policy/network-policy',
    object: 'Deployment/sample-apps/sample-app-1',
    message: 'NetworkPolicy ingress ports [8080] must include 15008 (ambient HBONE)',
  },
];
