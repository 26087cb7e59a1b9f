import { spawnSync } from 'node:child_process';
import { shellQuote, type TeardownStep } from '@routeplane/render-terraform';
import type { CommandIo } from './io.js';

export interface StepRunnerOptions {
  readonly io: CommandIo;
  /** Directory the commands run in (the repository root). */
  readonly cwd: string;
  /** Replaces each wait step's own timeout and poll interval (seconds). */
  readonly waitTimeoutSeconds?: number;
  readonly pollIntervalSeconds?: number;
  /** @default a blocking sleep */
  readonly sleep?: (seconds: number) => void;
  /** @default Date.now */
  readonly now?: () => number;
}

/** Why the run stopped; `undefined` when every step succeeded. */
export type StepFailure = string | undefined;

function blockingSleep(seconds: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, seconds * 1000);
}

export function formatCommand(argv: readonly string[]): string {
  return argv.map(shellQuote).join(' ');
}

interface Outcome {
  readonly status: number | null;
  readonly stdout: string;
  readonly missing: boolean;
}

function run(argv: readonly string[], o: StepRunnerOptions, capture: boolean): Outcome {
  const [command = '', ...args] = argv;
  const result = spawnSync(command, args, {
    cwd: o.cwd,
    env: o.io.env,
    encoding: 'utf8',
    // terraform destroy asks for confirmation: it gets the terminal unless we read its output.
    stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
  });
  const missing = (result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
  return { status: result.status, stdout: result.stdout ?? '', missing };
}

function failed(argv: readonly string[], outcome: Outcome): string {
  return outcome.missing
    ? `${argv[0]} is not on PATH`
    : `\`${formatCommand(argv)}\` exited with ${outcome.status ?? 'a signal'}`;
}

function runStep(step: TeardownStep, o: StepRunnerOptions): StepFailure {
  if (step.kind === 'run') {
    if (step.onlyIf) {
      const probe = run(step.onlyIf, o, true);
      if (probe.missing) return failed(step.onlyIf, probe);
      if (probe.status !== 0) {
        o.io.out(`  skipped: \`${formatCommand(step.onlyIf)}\` found nothing`);
        return undefined;
      }
    }
    const outcome = run(step.argv, o, false);
    return outcome.status === 0 ? undefined : failed(step.argv, outcome);
  }
  const timeout = o.waitTimeoutSeconds ?? step.timeoutSeconds;
  const interval = o.pollIntervalSeconds ?? step.intervalSeconds;
  const now = o.now ?? Date.now;
  const deadline = now() + timeout * 1000;
  for (;;) {
    const outcome = run(step.argv, o, true);
    if (outcome.status !== 0) return failed(step.argv, outcome);
    const remaining = outcome.stdout.trim();
    if (remaining === '') return undefined;
    if (now() >= deadline) {
      return `timed out after ${timeout}s; still present: ${remaining.split(/\s+/).join(', ')}`;
    }
    o.io.out(`  waiting ${interval}s: still present: ${remaining.split(/\s+/).join(', ')}`);
    (o.sleep ?? blockingSleep)(interval);
  }
}

/** Runs the steps in order and stops at the first that fails. */
export function runSteps(steps: readonly TeardownStep[], o: StepRunnerOptions): StepFailure {
  for (const [index, step] of steps.entries()) {
    o.io.out(`routeplane teardown: [${index + 1}/${steps.length}] ${step.title}`);
    const failure = runStep(step, o);
    if (failure) return `step ${index + 1}/${steps.length} (${step.title}) failed: ${failure}`;
  }
  return undefined;
}

/** The plan `--dry-run` prints: one numbered command per step, nothing run. */
export function describeSteps(steps: readonly TeardownStep[]): string[] {
  return steps.flatMap((step, index) => {
    const head = `${index + 1}. ${step.title}`;
    if (step.kind === 'wait-until-empty') {
      return [
        head,
        `   repeat every ${step.intervalSeconds}s until it prints nothing (at most ${step.timeoutSeconds}s): ${formatCommand(step.argv)}`,
      ];
    }
    return [
      head,
      ...(step.onlyIf ? [`   only if: ${formatCommand(step.onlyIf)}`] : []),
      `   ${formatCommand(step.argv)}`,
    ];
  });
}
