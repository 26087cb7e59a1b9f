import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@routeplane/test-support';
import { parse } from 'yaml';

export interface WorkflowStep {
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly if?: string;
  readonly env?: Record<string, string>;
}

export interface WorkflowJob {
  readonly 'timeout-minutes'?: number;
  readonly permissions?: Record<string, string>;
  readonly environment?: string | { name: string };
  readonly concurrency?: { group: string; 'cancel-in-progress'?: boolean };
  readonly needs?: string | string[];
  readonly env?: Record<string, string>;
  readonly steps: WorkflowStep[];
}

export interface Workflow {
  readonly file: string;
  readonly text: string;
  readonly doc: {
    readonly on: Record<string, unknown>;
    readonly permissions?: Record<string, string>;
    readonly env?: Record<string, string>;
    readonly jobs: Record<string, WorkflowJob>;
  };
}

export const workflowsDir = join(repoRoot, '.github', 'workflows');

export function readWorkflows(): Workflow[] {
  return readdirSync(workflowsDir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((file) => {
      const text = readFileSync(join(workflowsDir, file), 'utf8');
      return { file, text, doc: parse(text) as Workflow['doc'] };
    });
}

/** Splits one shell command line into words, honouring double and single quotes. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  for (const m of line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g))
    words.push(m[1] ?? m[2] ?? m[3] ?? '');
  return words;
}

export interface RouteplaneCall {
  readonly workflow: string;
  readonly job: string;
  /** Arguments after `routeplane`, as the shell would pass them (variables not yet expanded). */
  readonly args: readonly string[];
}

/**
 * Every `pnpm [-s] routeplane ...` invocation of every `run:` step, cut at the first redirection,
 * pipe or `&&`: what a reader would type locally.
 */
export function routeplaneCalls(workflows: readonly Workflow[]): RouteplaneCall[] {
  const calls: RouteplaneCall[] = [];
  for (const w of workflows) {
    for (const [job, body] of Object.entries(w.doc.jobs)) {
      for (const step of body.steps) {
        for (const line of (step.run ?? '').split('\n')) {
          const m = /\bpnpm (?:-s )?routeplane (.*)$/.exec(line);
          if (!m?.[1]) continue;
          const command = m[1].split(/\s(?:>|\||&&|;)\s?/)[0] ?? '';
          calls.push({ workflow: w.file, job, args: shellWords(command) });
        }
      }
    }
  }
  return calls;
}
