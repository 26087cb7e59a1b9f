import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RenderedFile } from '@routeplane/model';
import { describe, expect, it } from 'vitest';
import { applyChanges } from './apply.js';
import { unifiedDiff } from './diff.js';
import { headerLine, isRenderedText } from './header.js';
import { listFiles, planChanges, RenderedPathError } from './plan.js';
import { serialize } from './serialize.js';

const catalogFile = 'catalog.yaml';

function yamlFile(path: string, ...documents: unknown[]): RenderedFile {
  return { path, content: { kind: 'yaml', documents } };
}

function tempRepo(): string {
  return mkdtempSync(join(tmpdir(), 'routeplane-writer-'));
}

function generate(root: string, files: readonly RenderedFile[], pruneScope?: readonly string[]) {
  const changes = planChanges(files, {
    repoRoot: root,
    catalogFile,
    ...(pruneScope ? { pruneScope } : {}),
  });
  applyChanges(root, changes);
  return changes.map((c) => `${c.kind} ${c.path}`);
}

describe('serialize', () => {
  it('puts apiVersion, kind and metadata first and names the catalog in a header', () => {
    const text = serialize(
      yamlFile('generated/a.yaml', {
        spec: { replicas: 2 },
        metadata: { labels: { a: 'b' }, name: 'x', namespace: 'ns' },
        kind: 'Service',
        apiVersion: 'v1',
      }),
      catalogFile,
    );
    expect(text).toBe(
      `# ${headerLine(catalogFile)}\napiVersion: v1\nkind: Service\nmetadata:\n  name: x\n  namespace: ns\n  labels:\n    a: b\nspec:\n  replicas: 2\n`,
    );
  });

  it('quotes strings YAML 1.1 readers would retype and keeps multi-line text literal', () => {
    const text = serialize(
      yamlFile('generated/a.yaml', { a: 'no', b: 'on', c: '0777', d: '1.34', e: 'x\ny\n' }),
      catalogFile,
    );
    expect(text).toContain('a: "no"\nb: "on"\nc: "0777"\nd: "1.34"\ne: |\n  x\n  y\n');
  });

  it('separates documents and is identical on every call', () => {
    const file = yamlFile('generated/a.yaml', { kind: 'A' }, { kind: 'B' });
    expect(serialize(file, catalogFile)).toBe(serialize(file, catalogFile));
    expect(serialize(file, catalogFile)).toContain('kind: A\n---\nkind: B\n');
  });

  it('marks JSON with a leading "//" comment Terraform ignores', () => {
    const text = serialize(
      { path: 'generated/t.json', content: { kind: 'json', value: { a: 1 } } },
      catalogFile,
    );
    expect(JSON.parse(text)).toEqual({ '//': headerLine(catalogFile), a: 1 });
    expect(isRenderedText(text)).toBe(true);
  });
});

describe('plan and apply', () => {
  it('creates, then reports unchanged, updates and deletes stale rendered files only', () => {
    const root = tempRepo();
    expect(
      generate(root, [
        yamlFile('deck/dev/kong.yaml', { a: 1 }),
        yamlFile('argocd/dev/x.yaml', { b: 1 }),
      ]),
    ).toEqual(['created argocd/dev/x.yaml', 'created deck/dev/kong.yaml']);
    mkdirSync(join(root, 'generated'), { recursive: true });
    writeFileSync(join(root, 'generated/README.md'), 'hand-written, not ours\n');
    expect(generate(root, [yamlFile('deck/dev/kong.yaml', { a: 2 })])).toEqual([
      'updated deck/dev/kong.yaml',
      'deleted argocd/dev/x.yaml',
    ]);
    expect(readFileSync(join(root, 'generated/README.md'), 'utf8')).toBe(
      'hand-written, not ours\n',
    );
    expect(listFiles(root, 'argocd')).toEqual([]);
    expect(generate(root, [yamlFile('deck/dev/kong.yaml', { a: 2 })])).toEqual([
      'unchanged deck/dev/kong.yaml',
    ]);
  });

  it('prunes only inside the given scope', () => {
    const root = tempRepo();
    generate(root, [
      yamlFile('deck/dev/kong.yaml', { a: 1 }),
      yamlFile('deck/prod/kong.yaml', { a: 1 }),
    ]);
    expect(generate(root, [], ['deck/dev'])).toEqual(['deleted deck/dev/kong.yaml']);
    expect(listFiles(root, 'deck')).toEqual(['deck/prod/kong.yaml']);
  });

  it.each([
    ['/etc/passwd'],
    ['../outside.yaml'],
    ['src/index.ts'],
    ['generated/../src/x.yaml'],
    ['generated//x.yaml'],
  ])('refuses to write %s', (path) => {
    expect(() => planChanges([yamlFile(path, {})], { repoRoot: tempRepo(), catalogFile })).toThrow(
      RenderedPathError,
    );
  });

  it('refuses two files with the same path', () => {
    const file = yamlFile('deck/dev/kong.yaml', {});
    expect(() => planChanges([file, file], { repoRoot: tempRepo(), catalogFile })).toThrow(
      /same file/,
    );
  });

  it('leaves the tree untouched when a write fails', () => {
    const root = tempRepo();
    generate(root, [yamlFile('deck/dev/kong.yaml', { a: 1 })]);
    const changes = planChanges(
      [yamlFile('deck/dev/kong.yaml', { a: 2 }), yamlFile('deck/prod/kong.yaml', {})],
      { repoRoot: root, catalogFile },
    );
    // The second staged write finds its temporary name taken (the writer never overwrites one).
    mkdirSync(join(root, 'deck/prod'), { recursive: true });
    writeFileSync(join(root, `deck/prod/.routeplane-tmp-${process.pid}-1`), 'in the way');
    expect(() => applyChanges(root, changes)).toThrow(/EEXIST/);
    expect(readFileSync(join(root, 'deck/dev/kong.yaml'), 'utf8')).toContain('a: 1');
    expect(listFiles(root, 'deck')).toEqual([
      `deck/dev/kong.yaml`,
      `deck/prod/.routeplane-tmp-${process.pid}-1`,
    ]);
  });

  it('leaves the tree untouched when a directory cannot be created', () => {
    const root = tempRepo();
    generate(root, [yamlFile('deck/dev/kong.yaml', { a: 1 })]);
    writeFileSync(join(root, 'generated'), 'a file where a directory must go');
    expect(() =>
      generate(
        root,
        [yamlFile('deck/dev/kong.yaml', { a: 2 }), yamlFile('generated/k8s/x.yaml', {})],
        ['deck'],
      ),
    ).toThrow(/ENOTDIR/);
    expect(readFileSync(join(root, 'deck/dev/kong.yaml'), 'utf8')).toContain('a: 1');
    expect(listFiles(root, 'deck')).toEqual(['deck/dev/kong.yaml']);
  });
});

describe('unifiedDiff', () => {
  it('shows what the catalog would change', () => {
    const root = tempRepo();
    generate(root, [yamlFile('deck/dev/kong.yaml', { a: 1 })]);
    const diff = unifiedDiff(
      planChanges([yamlFile('deck/dev/kong.yaml', { a: 2 })], { repoRoot: root, catalogFile }),
    );
    expect(diff).toContain('--- a/deck/dev/kong.yaml');
    expect(diff).toContain('+++ b/deck/dev/kong.yaml');
    expect(diff).toContain('-a: 1\n+a: 2');
  });
});
