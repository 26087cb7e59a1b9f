import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runExternalTools, which } from './external-tools.js';
import { compareVersions, parseVersion } from './tool-version.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/**
 * A PATH directory with fake `deck` and `kubeconform`: each prints `versionOutput` for its
 * version command (`deck version`, `kubeconform -v`) and otherwise echoes how it was called.
 */
function fakeTools(versions: { deck?: string; kubeconform?: string }, exitCode = 0): string {
  const bin = mkdtempSync(join(tmpdir(), 'routeplane-bin-'));
  dirs.push(bin);
  for (const [tool, versionOutput] of Object.entries(versions)) {
    const script = [
      '#!/bin/sh',
      `if [ "$1" = version ] || [ "$1" = -v ]; then echo '${versionOutput}'; exit 0; fi`,
      'echo "$0 $*"',
      `exit ${exitCode}`,
    ].join('\n');
    writeFileSync(join(bin, tool), `${script}\n`);
    chmodSync(join(bin, tool), 0o755);
  }
  return bin;
}

describe('parseVersion and compareVersions', () => {
  it.each([
    ['decK v1.40.2 (7b3c1f0)', [1, 40, 2]],
    ['v0.6.7', [0, 6, 7]],
    ['decK v1.4', [1, 4, 0]],
    ['unknown command "version"', undefined],
  ])('parses %j', (output, expected) => {
    expect(parseVersion(output)).toEqual(expected);
  });

  it.each([
    [[1, 4, 0], [1, 40, 0], -1],
    [[1, 40, 0], [1, 40, 0], 0],
    [[1, 41, 0], [1, 40, 9], 1],
    [[0, 6, 0], [0, 6], 0],
  ])('compares %j with %j', (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign);
  });
});

describe('runExternalTools', () => {
  it('says when kubeconform and deck are not on PATH', async () => {
    const results = await runExternalTools(tmpdir(), ['deck/dev/kong.yaml'], '');
    expect(results.map((r) => `${r.tool} ${r.status}: ${r.output}`)).toEqual([
      'kubeconform skipped: kubeconform is not on PATH: skipped',
      'deck skipped: deck is not on PATH: skipped',
    ]);
  });

  it('runs the tools it finds with the expected arguments, naming their versions', async () => {
    const bin = fakeTools({ deck: 'decK v1.40.2 (abc)', kubeconform: 'v0.6.7' });
    expect(which('deck', bin)).toBe(join(bin, 'deck'));
    const results = await runExternalTools(bin, ['deck/dev/kong.yaml'], bin);
    expect(results.map((r) => `${r.tool} ${r.found} ${r.status}`)).toEqual([
      'kubeconform 0.6.7 passed',
      'deck 1.40.2 passed',
    ]);
    expect(results[0]?.command).toMatch(
      /^kubeconform -strict -summary -schema-location default -schema-location https:/,
    );
    expect(results[1]?.output).toBe(`${join(bin, 'deck')} file validate deck/dev/kong.yaml`);
  });

  it('reports a tool that exits non-zero as failed, with its output', async () => {
    const bin = fakeTools({ deck: 'decK v1.41.0', kubeconform: 'v0.7.0' }, 1);
    const results = await runExternalTools(bin, ['deck/dev/kong.yaml'], bin);
    expect(results.map((r) => `${r.tool} ${r.status}`)).toEqual([
      'kubeconform failed',
      'deck failed',
    ]);
    expect(results[1]?.output).toContain('file validate deck/dev/kong.yaml');
  });

  it.each([
    [
      'a decK without `file validate`',
      { deck: 'decK v1.4.0', kubeconform: 'v0.6.7' },
      'deck',
      'deck 1.4.0 is too old: routeplane needs deck >= 1.40.0: skipped',
      '1.4.0',
    ],
    [
      'an old kubeconform',
      { deck: 'decK v1.40.0', kubeconform: 'v0.5.0' },
      'kubeconform',
      'kubeconform 0.5.0 is too old: routeplane needs kubeconform >= 0.6.0: skipped',
      '0.5.0',
    ],
    [
      'a deck that prints no version',
      { deck: 'Error: unknown command "version" for "deck"', kubeconform: 'v0.6.7' },
      'deck',
      'deck: `deck version` printed no version ("Error: unknown command "version" for "deck""); routeplane needs deck >= 1.40.0: skipped',
      undefined,
    ],
  ])(
    'skips %s, naming the version found and needed',
    async (_name, versions, tool, output, found) => {
      const bin = fakeTools(versions);
      const results = await runExternalTools(bin, ['deck/dev/kong.yaml'], bin);
      const result = results.find((r) => r.tool === tool);
      expect(result).toEqual({
        tool,
        status: 'skipped',
        needed: tool === 'deck' ? '1.40.0' : '0.6.0',
        output,
        ...(found === undefined ? {} : { found }),
      });
      const other = results.find((r) => r.tool !== tool);
      expect(other?.status).toBe('passed');
    },
  );

  it('skips deck when no deck file exists, still naming its version', async () => {
    const bin = fakeTools({ deck: 'decK v1.40.0' });
    const [, deck] = await runExternalTools(bin, [], bin);
    expect(deck).toMatchObject({
      status: 'skipped',
      found: '1.40.0',
      output: 'no deck file to validate: skipped',
    });
  });
});
