import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The CLI as users start it (the bundle when built, see bin/launch.mjs). */
const cliBin = fileURLToPath(new URL('../bin/routeplane.mjs', import.meta.url));

export interface ColdStart {
  readonly label: string;
  /** Median wall time of a whole `node routeplane ...` process. */
  readonly medianMs: number;
  /** Median wall time of `node -e 0` measured in turn with it. */
  readonly baselineMs: number;
  /** Median of the pairwise ratios command / `node -e 0` (robust to a machine's drift). */
  readonly ratio: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function wallMs(args: readonly string[], cwd: string): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, [...args], { cwd, stdio: 'ignore' });
  if (result.error) throw result.error;
  return performance.now() - started;
}

/**
 * Times `routeplane <args>` as a new process, alternating with a bare `node -e 0` so the ratio
 * holds when the machine's speed drifts; one warm-up run of each is not counted.
 */
export function coldStart(
  label: string,
  args: readonly string[],
  cwd: string,
  runs = 5,
): ColdStart {
  wallMs([cliBin, ...args], cwd);
  wallMs(['-e', '0'], cwd);
  const command: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    command.push(wallMs([cliBin, ...args], cwd));
    baseline.push(wallMs(['-e', '0'], cwd));
  }
  return {
    label,
    medianMs: median(command),
    baselineMs: median(baseline),
    ratio: median(command.map((ms, i) => ms / (baseline[i] ?? ms))),
  };
}

export function formatColdStarts(rows: readonly ColdStart[]): string {
  const lines = rows.map(
    (r) =>
      `${r.label.padEnd(36)} ${r.medianMs.toFixed(0).padStart(6)} ms   node -e 0 ${r.baselineMs.toFixed(0).padStart(4)} ms   ratio ${r.ratio.toFixed(1)}x`,
  );
  return ['cold process, wall time (median of 5, paired with node -e 0):', ...lines].join('\n');
}
