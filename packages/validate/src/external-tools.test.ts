import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runExternalTools, which } from './external-tools.js';

const bin = mkdtempSync(join(tmpdir(), 'routeplane-bin-'));
afterAll(() => rmSync(bin, { recursive: true, force: true }));

describe('runExternalTools', () => {
  it('says when kubeconform and deck are not on PATH', async () => {
    const results = await runExternalTools(bin, ['deck/dev/kong.yaml'], '');
    expect(results.map((r) => `${r.tool} ${r.status}: ${r.output}`)).toEqual([
      'kubeconform skipped: kubeconform is not on PATH: skipped',
      'deck skipped: deck is not on PATH: skipped',
    ]);
  });

  it('runs the tools it finds with the expected arguments', async () => {
    for (const tool of ['kubeconform', 'deck']) {
      writeFileSync(join(bin, tool), '#!/bin/sh\necho "$0 $*"\n');
      chmodSync(join(bin, tool), 0o755);
    }
    expect(which('deck', bin)).toBe(join(bin, 'deck'));
    const results = await runExternalTools(bin, ['deck/dev/kong.yaml'], bin);
    expect(results.map((r) => `${r.tool} ${r.status}`)).toEqual([
      'kubeconform passed',
      'deck passed',
    ]);
    expect(results[0]?.command).toMatch(
      /^kubeconform -strict -summary -schema-location default -schema-location https:/,
    );
    expect(results[1]?.output).toBe(`${join(bin, 'deck')} file validate deck/dev/kong.yaml`);
  });
});
