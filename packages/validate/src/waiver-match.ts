import { closestMatch } from '@routeplane/catalog';
import { compareText, type WaiverModel } from '@routeplane/model';
import type { Finding, Waiver } from './finding.js';
import type { RawFinding } from './rule.js';
import { envOf } from './tree-index.js';

/** `Kind/ns/name` as the catalog writes it in waivers: `ns/Kind/name`. */
export function catalogForm(object: string): string {
  const parts = object.split('/');
  return parts.length === 3 ? `${parts[1]}/${parts[0]}/${parts[2]}` : object;
}

/** `deck/*\/kong.yaml` matches `deck/dev/kong.yaml`: `*` stands for one whole path segment. */
function segmentsMatch(pattern: string, value: string): boolean {
  const want = pattern.split('/');
  const have = value.split('/');
  return want.length === have.length && want.every((seg, i) => seg === '*' || seg === have[i]);
}

/**
 * True when the waiver covers the finding: same rule, and the object in the catalog form
 * (`ns/Kind/name`), the finding form (`Kind/ns/name`) or the file path, where a `*` segment
 * matches any one segment so one waiver covers every environment (`deck/*\/kong.yaml`).
 */
export function waiverMatches(waiver: Waiver, finding: RawFinding): boolean {
  if (waiver.rule !== finding.rule) return false;
  if (waiver.env !== undefined && waiver.env !== envOf(finding.file)) return false;
  return [finding.object, catalogForm(finding.object), finding.file].some((target) =>
    segmentsMatch(waiver.object, target),
  );
}

/** A catalog waiver that covers no finding, with what the user most likely meant. */
export interface UnusedWaiver {
  readonly waiver: WaiverModel;
  readonly field: 'rule' | 'object';
  readonly message: string;
}

/**
 * Waivers that match no finding: a misspelled rule or object, or a finding fixed since. Each is
 * named with a did-you-mean from the rule ids, or from the objects that rule reports.
 */
export function unusedWaivers(
  waivers: readonly WaiverModel[],
  findings: readonly Finding[],
  ruleIds: readonly string[],
): UnusedWaiver[] {
  return waivers.flatMap((waiver): UnusedWaiver[] => {
    if (findings.some((f) => waiverMatches(waiver, f))) return [];
    if (!ruleIds.includes(waiver.rule)) {
      const guess = closestMatch(waiver.rule, ruleIds);
      return [
        {
          waiver,
          field: 'rule',
          message: `waives rule "${waiver.rule}", which routeplane validate does not have${guess ? `; did you mean "${guess}"?` : ''}`,
        },
      ];
    }
    const targets = [
      ...new Set(
        findings
          .filter((f) => f.rule === waiver.rule)
          .flatMap((f) => (f.object === '-' ? [f.file] : [catalogForm(f.object), f.file])),
      ),
    ].sort(compareText);
    const guess = closestMatch(waiver.object, targets);
    const hint = guess
      ? `; did you mean "${guess}"?`
      : targets.length > 0
        ? `; it reports: ${targets.join(', ')}`
        : `; the rule reports nothing now, so the waiver can be removed`;
    return [
      {
        waiver,
        field: 'object',
        message: `waives nothing: rule "${waiver.rule}" reports no finding on "${waiver.object}"${hint}`,
      },
    ];
  });
}

/** The waiver to paste into the catalog's `waivers:` to accept a finding (reason to be written). */
export function waiverToPaste(finding: Finding): string {
  const object = finding.object === '-' ? finding.file : catalogForm(finding.object);
  return `- { rule: ${finding.rule}, object: ${object}, reason: "<why this is acceptable, 10+ characters>" }`;
}
