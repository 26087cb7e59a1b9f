import { describe, expect, it } from 'vitest';
import { corruptionCases } from './corruption-cases.fixture.js';
import type { TreeFile } from './finding.js';
import { albEdgeRules } from './rules/alb-edge-rules.js';
import { customPluginRules } from './rules/custom-plugin-rules.js';
import { dedicatedGatewayRules } from './rules/dedicated-gateway-rules.js';
import { ecsFargateRules } from './rules/ecs-fargate-rules.js';
import { rules } from './rules/index.js';
import { noEdgeRules } from './rules/no-edge-rules.js';
import { managedCacheRules } from './rules/rate-limit-rules.js';
import { terraformRules } from './rules/terraform-rules.js';
import { upstreamDnsRules } from './rules/upstream-dns-rules.js';
import { viewerHostRules } from './rules/viewer-host-rules.js';
import { workloadIdentityRules } from './rules/workload-identity-rules.js';
import { validateTree } from './validate-tree.js';
import { waypointCorruptions } from './waypoint-corruptions.fixture.js';

/**
 * Terraform-tree rules are proven by their own tests (terraform-rules.test.ts,
 * ecs-fargate-rules.test.ts, dedicated-gateway-rules.test.ts, upstream-dns-rules.test.ts,
 * viewer-host-rules.test.ts, custom-plugin-rules.test.ts, workload-identity-rules.test.ts, no-edge-rules.test.ts, rate-limit-rules.test.ts, alb-edge-rules.test.ts), which
 * corrupt the rendered Terraform of the shipped or an example catalog.
 */
const terraformTreeRules = new Set(
  [
    ...terraformRules,
    ...ecsFargateRules,
    ...dedicatedGatewayRules,
    ...upstreamDnsRules,
    ...viewerHostRules,
    ...customPluginRules,
    ...workloadIdentityRules,
    ...noEdgeRules,
    ...managedCacheRules,
    ...albEdgeRules,
  ].map((r) => r.id),
);

describe('the corruption tables', () => {
  const trees: readonly TreeFile[][] = [
    ...corruptionCases.map((c) => c.files),
    ...waypointCorruptions.map(([, files]) => files),
  ];
  const fired = new Set(
    trees.flatMap((files) => validateTree({ files, waivers: [] }).map((f) => f.rule)),
  );

  it.each(rules.map((r) => r.id).filter((id) => !terraformTreeRules.has(id)))(
    'make rule %s fire at least once',
    (rule) => {
      expect(fired.has(rule), `no corruption triggers rule ${rule}`).toBe(true);
    },
  );

  it('report only rule ids of the rule table', () => {
    const known = new Set(rules.map((r) => r.id));
    expect([...fired].filter((rule) => !known.has(rule))).toEqual([]);
  });

  it('has no two rules sharing an id', () => {
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
