import { describe, expect, it } from 'vitest';
import type { FileStat } from './file-stat.js';
import { commentMarker, formatMarkdown } from './format-markdown.js';
import { formatText } from './format-text.js';
import type { ObjectChanges } from './object-changes.js';
import type { DiffReport, EnvironmentReport } from './report.js';

const none: ObjectChanges = { added: [], removed: [], changed: [] };

function file(path: string, lines: number): FileStat {
  const body = Array.from({ length: lines }, (_, i) => `+line ${i}`).join('\n');
  return {
    path,
    kind: 'added',
    linesAdded: lines,
    linesRemoved: 0,
    patch: `--- /dev/null\n+++ b/${path}\n${body}\n`,
  };
}

function environment(name: string, files: FileStat[], added: string[] = []): EnvironmentReport {
  return {
    name,
    status: files.length > 0 ? 'changed' : 'unchanged',
    catalog: {
      routes: { added: [], removed: [], changed: [] },
      services: { added: [], removed: [] },
      namespaces: { added: [], removed: [] },
    },
    objects: { kubernetes: { ...none, added }, argocd: none, kong: none, terraform: none },
    files,
  };
}

function report(envs: EnvironmentReport[]): DiffReport {
  return { base: 'main (0123456789ab)', head: 'working tree', environments: envs, drift: [] };
}

describe('formatMarkdown', () => {
  it('says so when nothing changes', () => {
    const md = formatMarkdown(report([environment('dev', [])]));
    expect(md.startsWith(commentMarker)).toBe(true);
    expect(md).toContain('| dev | unchanged | +0 ~0 -0 |');
    expect(md).toContain('No rendered file changes.');
  });

  it('adds whole per-file diffs while they fit, then names how many it left out', () => {
    const files = [
      file('deck/dev/a.yaml', 10),
      file('deck/dev/b.yaml', 400),
      file('deck/dev/c.yaml', 10),
    ];
    const md = formatMarkdown(report([environment('dev', files)]), 4000);
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(4000);
    expect(md).toContain('<details><summary>`deck/dev/a.yaml` added, +10 -0</summary>');
    expect(md).toContain('<details><summary>`deck/dev/c.yaml` added, +10 -0</summary>');
    expect(md).not.toContain('<summary>`deck/dev/b.yaml`');
    expect(md).toContain('_1 file diff(s) omitted to stay under 4000 bytes');
  });

  it('shrinks file tables to counts, and cuts a summary that still does not fit', () => {
    const many = Array.from({ length: 300 }, (_, i) => file(`generated/k8s/dev/f${i}.yaml`, 1));
    const ids = Array.from({ length: 300 }, (_, i) => `ConfigMap/ns/a-very-long-object-name-${i}`);
    const envs = Array.from({ length: 60 }, (_, i) => environment(`env${i}`, many, ids));
    const md = formatMarkdown(report(envs), 5000);
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(5000);
    expect(md).not.toContain('| file | change |');
    expect(md).toMatch(/Summary truncated at the size cap/);
  });

  it('lists at most 25 ids per line and says how many more', () => {
    const ids = Array.from({ length: 30 }, (_, i) => `Service/ns/s${i}`);
    const text = formatText(report([environment('dev', [file('x', 1)], ids)]));
    expect(text).toContain('Service/ns/s24 and 5 more');
    expect(text).not.toContain('Service/ns/s25,');
  });
});
