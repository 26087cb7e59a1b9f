import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTree } from './read-tree.js';
import { validateTree } from './validate-tree.js';

const root = mkdtempSync(join(tmpdir(), 'routeplane-validate-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

describe('readTree', () => {
  it('reads every YAML document, JSON values and lists other files, below the owned roots only', () => {
    write(
      'generated/k8s/dev/a.yaml',
      '# header\napiVersion: v1\nkind: Namespace\n---\napiVersion: v1\nkind: Service\n',
    );
    write('generated/terraform/dev/main.tf.json', '{"terraform": {}}');
    write('argocd/dev/bootstrap/health.lua', 'return hs');
    write('deck/dev/kong.yaml', '_format_version: "3.0"\n');
    write('packages/x/ignored.yaml', 'kind: Nope\n');
    expect(readTree(root)).toEqual([
      { path: 'argocd/dev/bootstrap/health.lua', documents: [] },
      { path: 'deck/dev/kong.yaml', documents: [{ _format_version: '3.0' }] },
      {
        path: 'generated/k8s/dev/a.yaml',
        documents: [
          { apiVersion: 'v1', kind: 'Namespace' },
          { apiVersion: 'v1', kind: 'Service' },
        ],
      },
      { path: 'generated/terraform/dev/main.tf.json', documents: [{ terraform: {} }] },
    ]);
  });

  it('keeps a file that does not parse with its error (duplicate keys are errors)', () => {
    write('deck/bad/kong.yaml', 'a: 1\na: 2\n');
    const bad = readTree(root).find((f) => f.path === 'deck/bad/kong.yaml');
    expect(bad?.documents).toEqual([]);
    expect(bad?.parseError).toMatch(/unique/i);
    const findings = validateTree({ files: readTree(root), waivers: [] });
    expect(findings).toContainEqual(
      expect.objectContaining({ rule: 'schema/parse', file: 'deck/bad/kong.yaml', object: '-' }),
    );
  });
});
