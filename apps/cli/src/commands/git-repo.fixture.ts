import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newEnvironment } from '@routeplane/catalog/testing';
import { repoRoot } from '@routeplane/test-support';
import { expect } from 'vitest';
import { parse, stringify } from 'yaml';
import { run } from './capture-io.fixture.js';

export type CatalogEdit = (catalog: Record<string, unknown> & CatalogShape) => void;

/** The parts of the catalog the tests edit. */
interface CatalogShape {
  routes: Record<string, unknown>[];
  services: Record<string, unknown>[];
  environments: Record<string, unknown>[];
}

export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * A temporary git repository holding the shipped catalog and its committed rendered tree, one
 * commit on branch main, like a clone of this repository.
 */
export function shippedRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'routeplane-diff-'));
  for (const entry of ['catalog.yaml', 'argocd', 'generated', 'deck']) {
    cpSync(join(repoRoot, entry), join(dir, entry), { recursive: true });
  }
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.email', 'test@example.com');
  git(dir, 'config', 'user.name', 'routeplane test');
  git(dir, 'config', 'commit.gpgsign', 'false');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'shipped catalog');
  return dir;
}

/** Rewrites catalog.yaml in place through a parsed copy. */
export function editCatalog(dir: string, edit: CatalogEdit): void {
  const path = join(dir, 'catalog.yaml');
  const catalog = parse(readFileSync(path, 'utf8')) as Record<string, unknown> & CatalogShape;
  edit(catalog);
  writeFileSync(path, stringify(catalog));
}

/** A hand edit of a rendered file: what `routeplane check` and `diff` call drift. */
export function handEdit(dir: string, file: string): void {
  appendFileSync(join(dir, file), '# edited by hand\n');
}

/** A third environment beside dev and prod, with everything a new one must not share. */
export const addStagingEnvironment: CatalogEdit = (c) => {
  c.environments.push(newEnvironment('staging'));
};

/** Moves sample-app-2 to namespace sample-apps-b. */
export const moveSampleApp2: CatalogEdit = (c) => {
  const service = c.services.find((s) => s.name === 'sample-app-2');
  if (service) service.namespace = 'sample-apps-b';
};

const renderedEdits = new Map<CatalogEdit, Promise<string>>();

/**
 * shippedRepo() with `edit` applied to catalog.yaml and rendered by `generate`, uncommitted, as
 * in a pull request. diff, routes and explain only read it, so every test making the same edit
 * (the same function) in this worker shares one rendered repository.
 */
export function renderedEdit(edit: CatalogEdit): Promise<string> {
  const known = renderedEdits.get(edit);
  if (known !== undefined) return known;
  const rendering = (async () => {
    const dir = shippedRepo();
    editCatalog(dir, edit);
    const generated = await run(dir, ['generate']);
    expect(generated.stderr).toBe('');
    expect(generated.code).toBe(0);
    return dir;
  })();
  renderedEdits.set(edit, rendering);
  return rendering;
}
