import { alignColumns } from './columns.js';
import { changeLines } from './format-lines.js';
import type { DiffReport } from './report.js';
import { summaryCells, summaryHeaders } from './summary-counts.js';

/** Plain text for a terminal: the summary, drift, each environment's changes and the file stat. */
export function formatText(report: DiffReport): string {
  const out = [`routeplane diff: base ${report.base}, head ${report.head}`, ''];
  out.push(...alignColumns([summaryHeaders, ...report.environments.map(summaryCells)]));
  out.push('');
  if (report.drift.length > 0) {
    out.push(
      `DRIFT: ${report.drift.length} rendered file(s) differ from what the catalog renders (hand edit?); run pnpm generate:`,
      ...report.drift.map((d) => `  ${d.kind} ${d.path}`),
      '',
    );
  }
  for (const env of report.environments) {
    if (env.status === 'unchanged') continue;
    out.push(`${env.name} (${env.status})`, ...changeLines(env, (s) => s).map((l) => `  ${l}`));
    for (const f of env.files)
      out.push(`  ${f.kind} ${f.path} +${f.linesAdded} -${f.linesRemoved}`);
    out.push('');
  }
  return out.join('\n');
}
