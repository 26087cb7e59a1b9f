import type { FileStat } from './file-stat.js';
import { changeLines } from './format-lines.js';
import type { DiffReport } from './report.js';
import { summaryCells, summaryHeaders } from './summary-counts.js';

/** Marker that lets a sticky-comment action find and replace the comment. */
export const commentMarker = '<!-- routeplane-diff -->';

/**
 * GitHub refuses comment bodies over 65,536 characters; the CI comment also carries the decK
 * diff and plan summaries, so the default leaves room for them.
 * @default 40000 bytes (UTF-8, never fewer characters than bytes)
 */
export const defaultMaxBytes = 40_000;

const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

function table(report: DiffReport): string[] {
  return [
    `| ${summaryHeaders.join(' | ')} |`,
    `| ${summaryHeaders.map(() => '---').join(' | ')} |`,
    ...report.environments.map((env) => `| ${summaryCells(env).join(' | ')} |`),
  ];
}

function fileRow(f: FileStat): string {
  return `| ${code(f.path)} | ${f.kind} | +${f.linesAdded} | -${f.linesRemoved} |`;
}

function fileDetails(f: FileStat): string {
  // `~~~` fences: a rendered file may contain backticks, never a line starting with ~~~
  return [
    `<details><summary>${code(f.path)} ${f.kind}, +${f.linesAdded} -${f.linesRemoved}</summary>`,
    '',
    '~~~diff',
    f.patch.trimEnd(),
    '~~~',
    '',
    '</details>',
  ].join('\n');
}

function fileCount(files: readonly FileStat[]): string {
  const added = files.reduce((n, f) => n + f.linesAdded, 0);
  const removed = files.reduce((n, f) => n + f.linesRemoved, 0);
  return `${files.length} file(s), +${added} -${removed}`;
}

/** Everything but the per-file diffs; `fileTables` false lists each environment's files as a count. */
function summary(report: DiffReport, fileTables: boolean): string {
  const head: string[] = [
    commentMarker,
    '### routeplane diff',
    '',
    `Base ${code(report.base)}, head ${code(report.head)}.`,
    '',
    ...table(report),
    '',
  ];
  if (report.drift.length > 0) {
    head.push(
      '> [!WARNING]',
      `> **Drift:** ${report.drift.length} rendered file(s) differ from what the catalog renders, a change the catalog does not explain (a hand edit?): ${report.drift
        .map((d) => `${code(d.path)} (${d.kind})`)
        .join(', ')}. Run \`pnpm generate\` and commit the result.`,
      '',
    );
  }
  for (const env of report.environments) {
    if (env.status === 'unchanged') continue;
    head.push(`#### ${env.name} (${env.status})`, '');
    const lines = changeLines(env, code);
    head.push(...(lines.length > 0 ? lines.map((l) => `- ${l}`) : ['- no catalog change']), '');
    if (env.files.length === 0) continue;
    if (fileTables) {
      head.push(
        '| file | change | + | - |',
        '| --- | --- | --- | --- |',
        ...env.files.map(fileRow),
        '',
      );
    } else {
      head.push(`Files: ${fileCount(env.files)} (list omitted at the size cap).`, '');
    }
  }
  if (report.environments.every((e) => e.status === 'unchanged')) {
    head.push('No rendered file changes.', '');
  }
  return head.join('\n');
}

/**
 * The report as a PR comment: summary table, drift warning, per-environment changes and file
 * tables, then collapsible per-file diffs while they fit under `maxBytes`. Past the cap the file
 * tables shrink to counts, and as a last resort the summary is cut with a note.
 */
export function formatMarkdown(report: DiffReport, maxBytes: number = defaultMaxBytes): string {
  // room for the closing note
  const reserve = 400;
  const full = summary(report, true);
  let body = bytes(full) + reserve <= maxBytes ? full : summary(report, false);
  const diffs = report.environments.flatMap((e) => e.files);
  const omitted: string[] = [];
  for (const file of diffs) {
    const block = `\n${fileDetails(file)}\n`;
    if (bytes(body) + bytes(block) + reserve <= maxBytes) body += block;
    else omitted.push(file.path);
  }
  if (omitted.length > 0) {
    body += `\n_${omitted.length} file diff(s) omitted to stay under ${maxBytes} bytes; run \`pnpm routeplane diff\` locally to see them._\n`;
  }
  if (bytes(body) > maxBytes) {
    const note = '\n\n_Summary truncated at the size cap; run `pnpm routeplane diff` locally._\n';
    body = `${Buffer.from(body, 'utf8')
      .subarray(0, maxBytes - bytes(note))
      .toString('utf8')
      .replace(/\uFFFD+$/, '')}${note}`;
  }
  return body;
}
