import { compareText } from '@routeplane/model';
import type { Finding, ValidateInput, Waiver } from './finding.js';
import type { RawFinding, Rule } from './rule.js';
import { crdRule } from './rules/crd-rules.js';
import { rules as allRules } from './rules/index.js';
import { indexTree } from './tree-index.js';
import { waiverMatches } from './waiver-match.js';

function waiverFor(f: RawFinding, waivers: readonly Waiver[]): Waiver | undefined {
  return waivers.find((w) => waiverMatches(w, f));
}

/** Runs every rule over the tree in memory; waived findings are kept, marked waived. Sorted. */
export function validateTree(input: ValidateInput, rules: readonly Rule[] = allRules): Finding[] {
  const tree = indexTree(input.files);
  const active = input.crds ? [...rules, crdRule(input.crds)] : rules;
  const findings = active.flatMap((rule) => rule.check(tree));
  return findings
    .map((f): Finding => {
      const waiver = waiverFor(f, input.waivers);
      return waiver
        ? { ...f, severity: 'error', waived: { reason: waiver.reason } }
        : { ...f, severity: 'error' };
    })
    .sort(
      (a, b) =>
        compareText(a.file, b.file) ||
        compareText(a.object, b.object) ||
        compareText(a.rule, b.rule) ||
        compareText(a.message, b.message),
    )
    .filter((f, i, all) => i === 0 || JSON.stringify(f) !== JSON.stringify(all[i - 1]));
}
