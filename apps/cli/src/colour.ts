import type { CommandIo } from './io.js';

/**
 * ANSI SGR codes, open and close. Not util.styleText: newer Node versions decide on their own
 * whether the stream takes colour, while the CLI decides once, from its own TTY and NO_COLOR.
 */
const styles = {
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
  bold: [1, 22],
} as const;

type Style = keyof typeof styles;

/** Colours text only when the command's output is a terminal and NO_COLOR is not set. */
export function paint(io: CommandIo, style: Style, text: string): string {
  const [open, close] = styles[style];
  return io.color ? `\u001b[${open}m${text}\u001b[${close}m` : text;
}

/** True on a TTY unless NO_COLOR (any non-empty value, https://no-color.org) says otherwise. */
export function wantsColour(
  isTty: boolean,
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  return isTty && (env.NO_COLOR ?? '') === '';
}

/** A unified diff with removed lines red, added lines green and hunk headers cyan. */
export function paintDiff(io: CommandIo, diff: string): string {
  if (!io.color) return diff;
  return diff
    .split('\n')
    .map((line) => {
      if (line.startsWith('+++') || line.startsWith('---')) return paint(io, 'bold', line);
      if (line.startsWith('+')) return paint(io, 'green', line);
      if (line.startsWith('-')) return paint(io, 'red', line);
      if (line.startsWith('@@')) return paint(io, 'cyan', line);
      return line;
    })
    .join('\n');
}

/** `error` red and `waived` yellow at the start of validate's report lines. */
export function paintReport(io: CommandIo, report: string): string {
  if (!io.color) return report;
  return report
    .replace(/^(\s*)error\b/gm, (_m, indent: string) => `${indent}${paint(io, 'red', 'error')}`)
    .replace(
      /^(\s*)waived\b/gm,
      (_m, indent: string) => `${indent}${paint(io, 'yellow', 'waived')}`,
    );
}
