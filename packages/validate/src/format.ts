import type { Finding } from './finding.js';
import { waiverToPaste } from './waiver-match.js';

/** Findings grouped by file, then object; one line per finding with its rule id. */
export function formatFindingsHuman(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'validate: no findings\n';
  const lines: string[] = [];
  let file: string | undefined;
  let object: string | undefined;
  for (const f of findings) {
    if (f.file !== file) {
      file = f.file;
      object = undefined;
      lines.push(f.file);
    }
    if (f.object !== object) {
      object = f.object;
      lines.push(`  ${f.object}`);
    }
    const waived = f.waived ? ` (waived: ${f.waived.reason})` : '';
    lines.push(`    ${f.waived ? 'waived' : 'error '} ${f.rule}: ${f.message}${waived}`);
    // The exact catalog entry that accepts this finding, so nobody has to guess the object form.
    if (!f.waived) lines.push(`           to accept it, add to waivers: ${waiverToPaste(f)}`);
  }
  const blocking = findings.filter((f) => !f.waived).length;
  lines.push('', `${blocking} finding(s), ${findings.length - blocking} waived`);
  return `${lines.join('\n')}\n`;
}

/** Machine-readable findings: `{findings, errors, waived}` and any `extra` report sections. */
export function formatFindingsJson(
  findings: readonly Finding[],
  extra: Readonly<Record<string, unknown>> = {},
): string {
  const errors = findings.filter((f) => !f.waived).length;
  const report = { findings, errors, waived: findings.length - errors, ...extra };
  return `${JSON.stringify(report, null, 2)}\n`;
}
