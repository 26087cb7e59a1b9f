import { describe, expect, it } from 'vitest';
import { cleanTree } from './clean-tree.fixture.js';
import { at, corrupt } from './corrupt.fixture.js';
import { hasBlockingFindings, type Waiver } from './finding.js';
import { formatFindingsHuman, formatFindingsJson } from './format.js';
import { validateTree } from './validate-tree.js';

const oneReplica = corrupt(
  cleanTree(),
  'generated/k8s/dev/backends/sample-apps/sample-app-1.yaml',
  'Deployment',
  (d) => {
    (d.spec as Record<string, unknown>).replicas = 1;
  },
);
const reason = 'dev runs one replica to save cost';

describe('waivers', () => {
  it.each<[string, Waiver]>([
    [
      'the catalog form ns/Kind/name',
      { rule: 'policy/replicas', object: 'sample-apps/Deployment/sample-app-1', reason },
    ],
    [
      'the finding form Kind/ns/name',
      { rule: 'policy/replicas', object: 'Deployment/sample-apps/sample-app-1', reason },
    ],
    [
      'a file path',
      {
        rule: 'policy/replicas',
        object: 'generated/k8s/dev/backends/sample-apps/sample-app-1.yaml',
        reason,
      },
    ],
    [
      'an environment',
      {
        rule: 'policy/replicas',
        object: 'sample-apps/Deployment/sample-app-1',
        reason,
        env: 'dev',
      },
    ],
  ])('mark a finding waived when naming %s', (_, waiver) => {
    const findings = validateTree({ files: oneReplica, waivers: [waiver] });
    const replicas = findings.find((f) => f.rule === 'policy/replicas');
    expect(replicas?.waived).toEqual({ reason });
  });

  it.each<[string, Waiver]>([
    ['another rule', { rule: 'policy/pdb', object: 'sample-apps/Deployment/sample-app-1', reason }],
    ['another object', { rule: 'policy/replicas', object: 'sample-apps/Deployment/other', reason }],
    [
      'another environment',
      {
        rule: 'policy/replicas',
        object: 'sample-apps/Deployment/sample-app-1',
        reason,
        env: 'prod',
      },
    ],
  ])('do not apply to %s', (_, waiver) => {
    const findings = validateTree({ files: oneReplica, waivers: [waiver] });
    expect(hasBlockingFindings(findings)).toBe(true);
  });
});

describe('formatting', () => {
  // two findings on one object: one replica (an error) and the latest image (waived)
  const deployment = 'generated/k8s/dev/backends/sample-apps/sample-app-1.yaml';
  const latest = corrupt(oneReplica, deployment, 'Deployment', (d) => {
    at(d, 'spec', 'template', 'spec', 'containers', 0).image =
      'docker.io/nginxinc/nginx-unprivileged:latest';
  });
  const findings = validateTree({
    files: latest,
    waivers: [
      {
        rule: 'policy/image-tag',
        object: 'sample-apps/Deployment/sample-app-1',
        reason: 'latest while we try it in dev',
      },
    ],
  });

  it('groups human output by file and object, one line per finding with the rule id', () => {
    expect(formatFindingsHuman(findings)).toMatchInlineSnapshot(`
      "generated/k8s/dev/backends/sample-apps/sample-app-1.yaml
        Deployment/sample-apps/sample-app-1
          waived policy/image-tag: container server: image must be pinned to a tag other than latest or a digest, but "docker.io/nginxinc/nginx-unprivileged:latest" was given (waived: latest while we try it in dev)
          error  policy/replicas: spec.replicas must be >= 2, but 1 was given
                 to accept it, add to waivers: - { rule: policy/replicas, object: sample-apps/Deployment/sample-app-1, reason: "<why this is acceptable, 10+ characters>" }

      1 finding(s), 1 waived
      "
    `);
  });

  it('says so when there is nothing to report', () => {
    expect(formatFindingsHuman([])).toBe('validate: no findings\n');
  });

  it('emits JSON with counts', () => {
    const json = JSON.parse(formatFindingsJson(findings)) as {
      errors: number;
      waived: number;
      findings: unknown[];
    };
    expect(json).toMatchObject({ errors: 1, waived: 1 });
    expect(json.findings[1]).toEqual({
      rule: 'policy/replicas',
      severity: 'error',
      file: 'generated/k8s/dev/backends/sample-apps/sample-app-1.yaml',
      object: 'Deployment/sample-apps/sample-app-1',
      message: 'spec.replicas must be >= 2, but 1 was given',
    });
  });
});
