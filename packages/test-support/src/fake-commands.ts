import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Executables standing in for real CLIs (`kubectl`, `aws`, `terraform`) that record each call. */
export interface FakeCommands {
  /** Put first on PATH. */
  readonly binDir: string;
  /** Every call in order, as `[name, ...args]`. */
  calls(): string[][];
  /** `PATH` with the fakes first. */
  readonly path: string;
  remove(): void;
}

/**
 * Writes one `sh` script per name into a temporary directory. Each appends its name and arguments
 * (tab-separated, one call per line) to a shared log, then runs its `behaviour` snippet, which sees
 * the arguments as `$@`/`$*` and may print or `exit` (default: exit 0, print nothing).
 */
export function fakeCommands(behaviour: Readonly<Record<string, string>>): FakeCommands {
  const binDir = mkdtempSync(join(tmpdir(), 'routeplane-fakes-'));
  const log = join(binDir, 'calls.log');
  writeFileSync(log, '');
  for (const [name, body] of Object.entries(behaviour)) {
    const file = join(binDir, name);
    writeFileSync(
      file,
      [
        '#!/bin/sh',
        `{ printf '%s' ${JSON.stringify(name)}; for a in "$@"; do printf '\\t%s' "$a"; done; printf '\\n'; } >> ${JSON.stringify(log)}`,
        body,
        'exit 0',
        '',
      ].join('\n'),
    );
    chmodSync(file, 0o755);
  }
  return {
    binDir,
    path: `${binDir}:${process.env.PATH ?? ''}`,
    calls: () =>
      readFileSync(log, 'utf8')
        .split('\n')
        .filter((line) => line.length > 0)
        .map((line) => line.split('\t')),
    remove: () => rmSync(binDir, { recursive: true, force: true }),
  };
}
