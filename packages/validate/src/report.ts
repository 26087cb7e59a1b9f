import { unrenderedFileMessage } from '@routeplane/catalog';
import type { ObjectValidators } from './crd/checked-by.js';
import type { ExternalToolResult } from './external-tools.js';
import type { Finding } from './finding.js';
import { formatFindingsHuman } from './format.js';

/** Everything `routeplane validate` found: rule findings, external tools, hand-added files. */
export interface ValidateReport {
  readonly findings: readonly Finding[];
  /** External tools' results; empty when skipped on purpose (`--no-external`). */
  readonly tools: readonly ExternalToolResult[];
  /** Files inside argocd/ generated/ deck/ that routeplane did not render. */
  readonly unrendered: readonly string[];
  /** Whether the `crd/*` checks ran, and against which CRDs. */
  readonly crds: CrdReport;
  /** Per object, the validators that checked it (JSON output only). */
  readonly validators: readonly ObjectValidators[];
}

/** The CRDs `crd/*` used, or why those checks were skipped. */
export type CrdReport =
  | {
      readonly status: 'checked';
      readonly dir: string;
      readonly from: string;
      readonly crds: number;
    }
  | { readonly status: 'skipped'; readonly reason: string };

/** What fails the run: unwaived findings, failed tools and unrendered files. */
export function reportErrorCount(report: ValidateReport): number {
  return (
    report.findings.filter((f) => !f.waived).length +
    report.tools.filter((t) => t.status === 'failed').length +
    report.unrendered.length
  );
}

/** `{findings, errors, waived, tools, unrendered}`; `errors` counts everything that fails the run. */
export function formatReportJson(report: ValidateReport): string {
  const waived = report.findings.filter((f) => f.waived).length;
  return `${JSON.stringify(
    {
      findings: report.findings,
      errors: reportErrorCount(report),
      waived,
      tools: report.tools,
      unrendered: report.unrendered,
      crds: report.crds,
      validators: report.validators,
    },
    null,
    2,
  )}\n`;
}

/** Findings, then each unrendered file, then one line per external tool. */
export function formatReportHuman(report: ValidateReport): string {
  const lines = [formatFindingsHuman(report.findings).trimEnd()];
  for (const path of report.unrendered) lines.push(`error  ${unrenderedFileMessage(path)}`);
  lines.push(
    report.crds.status === 'checked'
      ? `CRD checks (crd/*): ${report.crds.crds} CRDs from ${report.crds.dir} (${report.crds.from})`
      : `CRD checks (crd/*): skipped: ${report.crds.reason}`,
  );
  for (const tool of report.tools) {
    const version = tool.found ? ` ${tool.found}` : '';
    const command = tool.command ? ` (${tool.command})` : '';
    lines.push(`${tool.tool}${version}: ${tool.status}${command}`);
    if (tool.status !== 'passed') lines.push(`  ${tool.output.split('\n').join('\n  ')}`);
  }
  return `${lines.join('\n')}\n`;
}
