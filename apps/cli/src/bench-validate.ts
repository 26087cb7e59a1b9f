import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Wall time of `routeplane validate --no-external` on the committed tree, as users run it: a
 * fresh Node process each time (start-up, module import, CRD parsing and rule compilation
 * included), median of `runs`. Also says whether the CRD checks ran or were skipped.
 */
export function benchValidate(repoRoot: string, runs = 3): string {
  const bin = join(repoRoot, 'apps/cli/bin/routeplane.mjs');
  const times: number[] = [];
  let crdLine = '';
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    const result = spawnSync(process.execPath, [bin, 'validate', '--no-external'], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    times.push(performance.now() - started);
    crdLine = result.stdout.split('\n').find((l) => l.startsWith('CRD checks')) ?? crdLine;
  }
  const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0;
  return `validate (committed tree, --no-external): median ${median.toFixed(0)} ms wall of ${runs} runs; ${crdLine}`;
}
