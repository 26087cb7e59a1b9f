import { describe, expect, it } from 'vitest';
import { cleanTree } from '../clean-tree.fixture.js';
import { at, corrupt } from '../corrupt.fixture.js';
import { findingLines } from '../tree-edits.fixture.js';
import { validateTree } from '../validate-tree.js';

/**
 * The pod-security checks the corruption table does not reach, one edit of sample-app-1's
 * Deployment each, with the exact findings (rule, object, message) they must cause.
 */
const backend = 'generated/k8s/dev/backends/sample-apps/sample-app-1.yaml';
const podSpec = (d: unknown) => at(d, 'spec', 'template', 'spec') as Record<string, unknown>;
const container = (d: unknown) =>
  at(d, 'spec', 'template', 'spec', 'containers', 0) as Record<string, unknown>;
const securityContext = (d: unknown) =>
  at(container(d), 'securityContext') as Record<string, unknown>;

type Edit = Parameters<typeof corrupt>[3];

function findings(edit: Edit): string[] {
  const files = corrupt(cleanTree(), backend, 'Deployment', edit);
  return findingLines(files);
}
const on = (rule: string, message: string) =>
  `${rule} Deployment/sample-apps/sample-app-1: ${message}`;

describe('pod-security rules', () => {
  it.each(['hostNetwork', 'hostPID', 'hostIPC'])('refuses the host namespace %s', (key) => {
    expect(
      findings((d) => {
        podSpec(d)[key] = true;
      }),
    ).toEqual([
      on('policy/privilege-escalation', `pod ${key} must be unset or false, but true was given`),
    ]);
  });

  it.each<[string, Edit, string[]]>([
    [
      'a privileged container',
      (d) => {
        securityContext(d).privileged = true;
      },
      [
        on(
          'policy/privilege-escalation',
          'container server: securityContext.privileged must not be true',
        ),
      ],
    ],
    [
      'an added capability (NET_BIND_SERVICE is allowed)',
      (d) => {
        (securityContext(d).capabilities as Record<string, unknown>).add = [
          'NET_ADMIN',
          'NET_BIND_SERVICE',
        ];
      },
      [
        on(
          'policy/capabilities',
          'container server: securityContext.capabilities.add must be empty, but ["NET_ADMIN"] was given',
        ),
      ],
    ],
    [
      'runAsUser 10000',
      (d) => {
        securityContext(d).runAsUser = 10000;
      },
      [
        on(
          'policy/run-as-non-root',
          'container server: runAsUser must be a number > 10000, but 10000 was given',
        ),
      ],
    ],
    [
      'runAsGroup 10000',
      (d) => {
        securityContext(d).runAsGroup = 10000;
      },
      [
        on(
          'policy/run-as-non-root',
          'container server: runAsGroup must be a number > 10000, but 10000 was given',
        ),
      ],
    ],
    [
      'runAsUser 10001',
      (d) => {
        securityContext(d).runAsUser = 10001;
      },
      [],
    ],
    [
      'no liveness probe',
      (d) => {
        delete container(d).livenessProbe;
      },
      [on('policy/probes', 'container server: livenessProbe must be set')],
    ],
    [
      'an image tagged latest',
      (d) => {
        container(d).image = 'nginx:latest';
      },
      [
        on(
          'policy/image-tag',
          'container server: image must be pinned to a tag other than latest or a digest, but "nginx:latest" was given',
        ),
      ],
    ],
    [
      'runAs* given by the pod only (the container inherits them)',
      (d) => {
        for (const key of ['runAsNonRoot', 'runAsUser', 'runAsGroup'])
          delete securityContext(d)[key];
      },
      [],
    ],
    [
      'a container overriding runAsNonRoot with false',
      (d) => {
        securityContext(d).runAsNonRoot = false;
      },
      [
        on(
          'policy/run-as-non-root',
          'container server: runAsNonRoot must be true, but false was given',
        ),
      ],
    ],
    [
      'runAsUser given as a string',
      (d) => {
        securityContext(d).runAsUser = '20000';
      },
      [
        on(
          'policy/run-as-non-root',
          'container server: runAsUser must be a number > 10000, but "20000" was given',
        ),
        on(
          'schema/valid',
          'spec.template.spec.containers.0.securityContext.runAsUser must be integer {"type":"integer"}',
        ),
      ],
    ],
    [
      'a Localhost seccomp profile',
      (d) => {
        securityContext(d).seccompProfile = { type: 'Localhost', localhostProfile: 'nginx.json' };
      },
      [],
    ],
    [
      'a numeric CPU limit',
      (d) => {
        at(container(d), 'resources', 'limits').cpu = 1;
      },
      [],
    ],
    [
      'no readiness probe',
      (d) => {
        delete container(d).readinessProbe;
      },
      [on('policy/probes', 'container server: readinessProbe must be set')],
    ],
    [
      'a readiness probe equal to the liveness probe',
      (d) => {
        container(d).readinessProbe = structuredClone(container(d).livenessProbe);
      },
      [
        on(
          'policy/probes',
          'container server: livenessProbe and readinessProbe must differ, but both are {"failureThreshold":3,"initialDelaySeconds":5,"periodSeconds":20,"tcpSocket":{"port":"http"},"timeoutSeconds":2}',
        ),
      ],
    ],
    [
      'an image pinned by digest',
      (d) => {
        container(d).image = `nginx@sha256:${'0'.repeat(64)}`;
      },
      [],
    ],
    ...['nginx', 'registry.example.com:5000/nginx', 'nginx:'].map(
      (image): [string, Edit, string[]] => [
        `the unpinned image ${image}`,
        (d) => {
          container(d).image = image;
        },
        [
          on(
            'policy/image-tag',
            `container server: image must be pinned to a tag other than latest or a digest, but "${image}" was given`,
          ),
        ],
      ],
    ),
    [
      'an empty entry in containers (a stray "-")',
      (d) => {
        (podSpec(d).containers as unknown[]).push(null);
      },
      [on('schema/valid', 'spec.template.spec.containers.1 must be object {"type":"object"}')],
    ],
    [
      'a second container with no settings, in a pod without securityContext',
      (d) => {
        delete podSpec(d).securityContext;
        (podSpec(d).containers as unknown[]).push({});
      },
      [
        on(
          'policy/run-as-non-root',
          'container ?: runAsNonRoot must be true, but nothing was given',
        ),
        on(
          'policy/run-as-non-root',
          'container ?: runAsUser must be a number > 10000, but nothing was given',
        ),
        on(
          'policy/run-as-non-root',
          'container ?: runAsGroup must be a number > 10000, but nothing was given',
        ),
        on(
          'policy/privilege-escalation',
          'container ?: securityContext.allowPrivilegeEscalation must be false, but nothing was given',
        ),
        on(
          'policy/capabilities',
          'container ?: securityContext.capabilities.drop must contain ALL, but [] was given',
        ),
        on(
          'policy/seccomp',
          'container ?: seccompProfile.type must be RuntimeDefault, but nothing was given',
        ),
        on(
          'policy/read-only-root',
          'container ?: securityContext.readOnlyRootFilesystem must be true, but nothing was given',
        ),
        ...['requests', 'limits'].flatMap((kind) =>
          ['cpu', 'memory'].map((res) =>
            on(
              'policy/resources',
              `container ?: resources.${kind}.${res} must be set, but nothing was given`,
            ),
          ),
        ),
        on('policy/probes', 'container ?: livenessProbe must be set'),
        on('policy/probes', 'container ?: readinessProbe must be set'),
        on(
          'policy/image-tag',
          'container ?: image must be pinned to a tag other than latest or a digest, but "" was given',
        ),
        on(
          'schema/valid',
          'spec.template.spec.containers.1 must have required property name {"missingProperty":"name"}',
        ),
      ],
    ],
  ])('checks %s', (_name, edit, expected) => {
    expect(findings(edit).sort()).toEqual([...expected].sort());
  });

  it('asks replicas of Deployments only (a DaemonSet runs one pod per node)', () => {
    const files = corrupt(cleanTree(), backend, 'Deployment', (d) => {
      d.kind = 'DaemonSet';
      delete (d.spec as Record<string, unknown>).replicas;
      delete (d.spec as Record<string, unknown>).strategy;
    });
    const rules = validateTree({ files, waivers: [] }).map((f) => f.rule);
    expect(rules).not.toContain('policy/replicas');
  });
});
