import type { TeardownStep } from './teardown-steps.js';

const safeWord = /^[A-Za-z0-9_./:=@%+,-]+$/;

/** POSIX shell quoting of one argument. */
export function shellQuote(arg: string): string {
  return safeWord.test(arg) ? arg : `'${arg.replaceAll("'", `'"'"'`)}'`;
}

function command(argv: readonly string[]): string {
  return argv.map(shellQuote).join(' ');
}

function stepLines(step: TeardownStep): string[] {
  const say = `echo ${shellQuote(`routeplane: ${step.title}`)} >&2`;
  if (step.kind === 'run') {
    if (!step.onlyIf) return [say, command(step.argv)];
    return [
      `if ${command(step.onlyIf)} >/dev/null 2>&1; then`,
      `  ${say}`,
      `  ${command(step.argv)}`,
      'fi',
    ];
  }
  return [
    say,
    `deadline=$(( $(date +%s) + ${step.timeoutSeconds} ))`,
    `while [ -n "$(${command(step.argv)})" ]; do`,
    `  if [ "$(date +%s)" -ge "$deadline" ]; then echo ${shellQuote(`routeplane: timed out after ${step.timeoutSeconds}s: ${step.title}`)} >&2; exit 1; fi`,
    `  sleep ${step.intervalSeconds}`,
    'done',
  ];
}

/** The steps as one POSIX `sh` script that stops at the first failure. */
export function shellScript(steps: readonly TeardownStep[], cleanup: readonly string[]): string {
  const lines = [
    'set -eu',
    ...(cleanup.length > 0
      ? [`trap ${shellQuote(`rm -f ${cleanup.map(shellQuote).join(' ')}`)} EXIT`]
      : []),
    ...steps.flatMap(stepLines),
  ];
  return `${lines.join('\n')}\n`;
}

/** Terraform reads `${` and `%{` in any string as template syntax: escape both to keep `text` literal. */
export function terraformLiteral(text: string): string {
  // A function replacement: in a replacement string `$$` would collapse to one `$`.
  return text.replaceAll('${', () => '$${').replaceAll('%{', () => '%%{');
}
