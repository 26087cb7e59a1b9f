import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '@routeplane/test-support';
import { main } from './main.js';

export interface RenderedExample {
  /** The directory `generate --root` wrote. */
  readonly root: string;
  /** `examples/<name>/catalog.yaml`, relative to the repository root. */
  readonly catalog: string;
  readonly code: number;
  readonly stdout: readonly string[];
  readonly stderr: readonly string[];
}

const rendered = new Map<string, Promise<RenderedExample>>();

async function render(name: string): Promise<RenderedExample> {
  const root = mkdtempSync(join(tmpdir(), `routeplane-example-${name}-`));
  const catalog = join('examples', name, 'catalog.yaml');
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(['generate', '--catalog', catalog, '--root', root], {
    cwd: repoRoot,
    env: {},
    out: (t) => stdout.push(t),
    err: (t) => stderr.push(t),
  });
  return { root, catalog, code, stdout, stderr };
}

/**
 * `routeplane generate` of one example, once per worker: examples.test.ts and the files that
 * follow one example further read the same tree (none writes to it) instead of rendering again.
 */
export function renderedExample(name: string): Promise<RenderedExample> {
  const known = rendered.get(name);
  if (known !== undefined) return known;
  const started = render(name);
  rendered.set(name, started);
  return started;
}
