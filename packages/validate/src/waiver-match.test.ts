import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cleanTree, type FixtureEnvironment } from './clean-tree.fixture.js';
import { corrupt } from './corrupt.fixture.js';
import type { ExternalToolResult } from './external-tools.js';
import type { Waiver } from './finding.js';
import { formatReportHuman, formatReportJson } from './report.js';
import { rules } from './rules/index.js';
import { validateTree } from './validate-tree.js';
import { unusedWaivers, waiverToPaste } from './waiver-match.js';

const reason = 'accepted on purpose for this test';
const deployment = 'generated/k8s/dev/backends/sample-apps/sample-app-1.yaml';
const singleReplica = (env: FixtureEnvironment) =>
  corrupt(cleanTree(env), deployment.replace('/dev/', `/${env}/`), 'Deployment', (d) => {
    (d.spec as Record<string, unknown>).replicas = 1;
  });
const oneReplica = singleReplica('dev');
const bothEnvs = [...singleReplica('dev'), ...singleReplica('prod')];
const ruleIds = rules.map((r) => r.id);
const replicaFindings = validateTree({ files: bothEnvs, waivers: [] }).filter(
  (f) => f.rule === 'policy/replicas',
);

describe('a waiver for every environment', () => {
  it('covers each environment file with one `*` segment', () => {
    expect(replicaFindings.map((f) => f.file)).toEqual([
      deployment,
      deployment.replace('/dev/', '/prod/'),
    ]);
    const findings = validateTree({
      files: bothEnvs,
      waivers: [
        {
          rule: 'policy/replicas',
          object: 'generated/k8s/*/backends/sample-apps/sample-app-1.yaml',
          reason,
        },
      ],
    });
    expect(findings.filter((f) => f.rule === 'policy/replicas' && !f.waived)).toEqual([]);
  });

  it.each([
    'generated/k8s/*',
    'generated/k8s/*/backends/sample-apps/sample-app-1.yaml/x',
    'generated/k8s/*/backends/sample-apps/sample-app-1.yml',
    '*',
  ])('does not match with %s', (object) => {
    const findings = validateTree({
      files: bothEnvs,
      waivers: [{ rule: 'policy/replicas', object, reason }],
    });
    expect(findings.filter((f) => f.rule === 'policy/replicas' && !f.waived)).toHaveLength(2);
  });
});

describe('unusedWaivers', () => {
  const findings = validateTree({ files: oneReplica, waivers: [] });

  it.each<[string, Waiver, 'rule' | 'object', string]>([
    [
      'a misspelled rule',
      { rule: 'policy/replica', object: 'sample-apps/Deployment/sample-app-1', reason },
      'rule',
      'waives rule "policy/replica", which routeplane validate does not have; did you mean "policy/replicas"?',
    ],
    [
      'a misspelled object',
      { rule: 'policy/replicas', object: 'sample-apps/Deployment/sample-app1', reason },
      'object',
      'waives nothing: rule "policy/replicas" reports no finding on "sample-apps/Deployment/sample-app1"; did you mean "sample-apps/Deployment/sample-app-1"?',
    ],
    [
      'a finding fixed since',
      { rule: 'policy/probes', object: 'sample-apps/Deployment/sample-app-1', reason },
      'object',
      'waives nothing: rule "policy/probes" reports no finding on "sample-apps/Deployment/sample-app-1"; the rule reports nothing now, so the waiver can be removed',
    ],
    [
      'an object far from any the rule reports',
      { rule: 'policy/replicas', object: 'staging-eu/Deployment/x', reason },
      'object',
      `waives nothing: rule "policy/replicas" reports no finding on "staging-eu/Deployment/x"; it reports: ${deployment}, sample-apps/Deployment/sample-app-1`,
    ],
  ])('names %s with a did-you-mean', (_name, waiver, field, message) => {
    const all = findings;
    expect(unusedWaivers([waiver], all, ruleIds)).toEqual([{ waiver, field, message }]);
  });

  it('accepts waivers that match', () => {
    const waiver = { rule: 'policy/replicas', object: deployment, reason };
    expect(unusedWaivers([waiver], findings, ruleIds)).toEqual([]);
  });
});

describe('waiverToPaste', () => {
  it('prints a catalog entry that, with a reason, waives exactly that finding', () => {
    const findings = validateTree({ files: oneReplica, waivers: [] });
    const replicas = findings.find((f) => f.rule === 'policy/replicas');
    if (!replicas) throw new Error('expected a policy/replicas finding');
    const pasted = waiverToPaste(replicas);
    const [waiver] = parse(pasted) as Waiver[];
    expect(waiver).toMatchObject({
      rule: 'policy/replicas',
      object: 'sample-apps/Deployment/sample-app-1',
    });
    const again = validateTree({ files: oneReplica, waivers: waiver ? [waiver] : [] });
    expect(again.find((f) => f.rule === 'policy/replicas')?.waived).toBeDefined();
  });
});

describe('the validate report', () => {
  const tools: ExternalToolResult[] = [
    {
      tool: 'kubeconform',
      status: 'passed',
      command: 'kubeconform -strict',
      output: '',
      found: '0.6.7',
      needed: '0.6.0',
    },
    {
      tool: 'deck',
      status: 'skipped',
      output: 'deck 1.4.0 is too old: routeplane needs deck >= 1.40.0: skipped',
      found: '1.4.0',
      needed: '1.40.0',
    },
  ];

  const skippedCrds = { status: 'skipped', reason: 'no CRD directory' } as const;

  it('puts the tools and unrendered files in the JSON and counts them as errors', () => {
    const failed = [
      ...tools,
      { tool: 'deck', status: 'failed', output: 'bad', needed: '1.40.0' } as const,
    ];
    const json = JSON.parse(
      formatReportJson({
        findings: [],
        tools: failed,
        unrendered: ['argocd/dev/extra.yaml'],
        crds: skippedCrds,
        validators: [],
      }),
    ) as Record<string, unknown>;
    expect(json).toEqual({
      findings: [],
      errors: 2,
      waived: 0,
      tools: failed,
      unrendered: ['argocd/dev/extra.yaml'],
      crds: skippedCrds,
      validators: [],
    });
  });

  it('prints each tool with its version and why it was skipped', () => {
    expect(
      formatReportHuman({
        findings: [],
        tools,
        unrendered: ['deck/dev/extra.yaml'],
        crds: skippedCrds,
        validators: [],
      }),
    ).toBe(
      [
        'validate: no findings',
        'error  deck/dev/extra.yaml: not rendered by routeplane (no header), yet Argo CD would sync it; move it out of argocd/ generated/ deck/ or put what it holds in the catalog',
        'CRD checks (crd/*): skipped: no CRD directory',
        'kubeconform 0.6.7: passed (kubeconform -strict)',
        'deck 1.4.0: skipped',
        '  deck 1.4.0 is too old: routeplane needs deck >= 1.40.0: skipped',
        '',
      ].join('\n'),
    );
  });
});
