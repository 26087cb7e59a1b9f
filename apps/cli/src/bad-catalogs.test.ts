import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { badCatalogs, shippedCatalogText } from '@routeplane/catalog/testing/bad-catalogs';
import { listFiles } from '@routeplane/writer';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CommandIo } from './io.js';
import { main } from './main.js';

const ownedRoots = ['argocd', 'generated', 'deck'];

function snapshot(root: string): Record<string, string> {
  return Object.fromEntries(
    ownedRoots
      .flatMap((d) => listFiles(root, d))
      .map((p) => [p, readFileSync(join(root, p), 'utf8')]),
  );
}

function capture(cwd: string): CommandIo & { stderr: string[]; stdout: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { cwd, env: {}, stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

describe('routeplane generate with a bad catalog', () => {
  let repo = '';
  let before: Record<string, string> = {};

  beforeAll(async () => {
    repo = mkdtempSync(join(tmpdir(), 'routeplane-bad-'));
    writeFileSync(join(repo, 'catalog.yaml'), shippedCatalogText);
    expect(await main(['generate'], capture(repo))).toBe(0);
    before = snapshot(repo);
  }, 60_000);

  it('has a table of at least 25 mistakes', () => {
    expect(badCatalogs.length).toBeGreaterThanOrEqual(25);
  });

  it.each(badCatalogs)(
    '%s: exit 2, located message, nothing written',
    async (_name, text, expected) => {
      writeFileSync(join(repo, 'catalog.yaml'), text);
      const io = capture(repo);
      expect(await main(['generate'], io)).toBe(2);
      const messages = io.stderr.join('\n');
      expect(messages).toContain(expected);
      expect(io.stderr.at(-1)).toMatch(
        /^routeplane: \d+ problem\(s\) in the catalog; nothing was written$/,
      );
      for (const line of io.stderr.slice(0, -1))
        expect(line).toMatch(/^catalog\.yaml(:\d+:\d+)?[ :]/);
      expect(messages).not.toMatch(/\n\s+at /);
      expect(io.stdout).toEqual([]);
      expect(snapshot(repo)).toEqual(before);
    },
  );
});
