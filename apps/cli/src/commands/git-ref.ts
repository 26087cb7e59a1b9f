import { execFileSync } from 'node:child_process';
import { basename, dirname } from 'node:path';
import { UsageError } from '../user-error.js';

function git(args: readonly string[], cwd: string): string | undefined {
  try {
    return execFileSync('git', [...args], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch {
    return undefined;
  }
}

/** The commit a revision names, or a usage error naming the revision. */
export function resolveCommit(ref: string, cwd: string): string {
  const sha = git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd)?.trim();
  if (sha === undefined || sha === '') {
    throw new UsageError(
      `--base: "${ref}" is not a commit in the git repository at ${cwd} (fetch it first, e.g. git fetch origin main)`,
    );
  }
  return sha;
}

/**
 * The default base: the merge base of HEAD with the default branch (origin/HEAD, origin/main,
 * origin/master, main, master, the first that exists), else HEAD.
 */
export function defaultBaseRef(cwd: string): string {
  const originHead = git(['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'], cwd);
  const candidates = [originHead?.trim(), 'origin/main', 'origin/master', 'main', 'master'];
  for (const branch of candidates) {
    if (branch === undefined || branch === '') continue;
    if (git(['rev-parse', '--verify', '--quiet', `${branch}^{commit}`], cwd) === undefined)
      continue;
    const base = git(['merge-base', 'HEAD', branch], cwd)?.trim();
    if (base) return base;
  }
  return 'HEAD';
}

/** A file's bytes at a commit, or undefined when the commit has no such file. */
export function readAtCommit(commit: string, file: string): Buffer | undefined {
  try {
    // `<rev>:./<name>` is relative to the working directory, wherever the repository root is
    return execFileSync('git', ['show', `${commit}:./${basename(file)}`], {
      cwd: dirname(file),
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch {
    return undefined;
  }
}

export function shortCommit(commit: string): string {
  return commit.slice(0, 12);
}
