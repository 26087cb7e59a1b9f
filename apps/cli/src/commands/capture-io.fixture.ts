import type { CommandIo } from '../io.js';
import { main } from '../main.js';

export interface Captured extends CommandIo {
  readonly stdout: string[];
  readonly stderr: string[];
}

export function captureIo(cwd: string, env: Record<string, string | undefined> = {}): Captured {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { cwd, env, stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

/** Runs the command line in `cwd`; returns the exit code and what it printed. */
export async function run(
  cwd: string,
  argv: readonly string[],
  env: Record<string, string | undefined> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = captureIo(cwd, env);
  const code = await main(argv, io);
  return { code, stdout: io.stdout.join(''), stderr: io.stderr.join('\n') };
}
