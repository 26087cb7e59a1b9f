import { describe, expect, it } from 'vitest';
import { paintDiff, paintReport, wantsColour } from './colour.js';
import type { CommandIo } from './io.js';

const io = (color: boolean): CommandIo => ({
  cwd: '.',
  env: {},
  color,
  out: () => undefined,
  err: () => undefined,
});

describe('colour', () => {
  it.each([
    [true, {}, true],
    [true, { NO_COLOR: '1' }, false],
    [true, { NO_COLOR: '' }, true],
    [false, {}, false],
  ])('on a TTY %s with %j: %s', (tty, env, expected) => {
    expect(wantsColour(tty, env)).toBe(expected);
  });

  it('colours added and removed diff lines only when asked', () => {
    const diff = '--- a/x\n+++ b/x\n@@ -1 +1 @@\n-old\n+new\n same';
    expect(paintDiff(io(false), diff)).toBe(diff);
    const painted = paintDiff(io(true), diff);
    expect(painted).toContain('\u001b[31m-old\u001b[39m');
    expect(painted).toContain('\u001b[32m+new\u001b[39m');
    expect(
      painted
        .replaceAll('\u001b[31m', '')
        .replaceAll('\u001b[32m', '')
        .replaceAll('\u001b[36m', '')
        .replaceAll('\u001b[1m', '')
        .replaceAll('\u001b[22m', '')
        .replaceAll('\u001b[39m', ''),
    ).toBe(diff);
  });

  it('colours the severity words of the validate report', () => {
    const report = '    error  policy/x: bad\n    waived policy/y: ok\n';
    expect(paintReport(io(false), report)).toBe(report);
    expect(paintReport(io(true), report)).toBe(
      '    \u001b[31merror\u001b[39m  policy/x: bad\n    \u001b[33mwaived\u001b[39m policy/y: ok\n',
    );
  });
});
