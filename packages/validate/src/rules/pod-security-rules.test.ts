import { describe, expect, it } from 'vitest';
import { cleanTree } from '../clean-tree.fixture.js';
import { at, corrupt } from '../corrupt.fixture.js';
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
  return validateTree({ files, waivers: [] }).map((f) => `${f.rule} ${f.object}: ${f.message}`);
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
  ])('checks %s', (_name, edit, expected) => {
    expect(findings(edit)).toEqual(expected);
  });
});
