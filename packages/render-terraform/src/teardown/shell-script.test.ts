import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shellQuote, terraformLiteral } from './shell-script.js';

describe('shellQuote', () => {
  it.each([
    ['plain-word_1.2/x:y=z@a%b+c,d', 'plain-word_1.2/x:y=z@a%b+c,d'],
    ['two words', "'two words'"],
    ['{"a":null}', `'{"a":null}'`],
    ["it's", `'it'"'"'s'`],
    ['$(rm -rf /)', "'$(rm -rf /)'"],
    ['', "''"],
  ])('%j -> %s', (arg, quoted) => {
    expect(shellQuote(arg)).toBe(quoted);
  });

  it('round-trips every argument through a real sh', () => {
    const args = ['a b', "it's", '$HOME', '`x`', '{"spec":null}', 'tab\there', '*'];
    const out = execFileSync(
      '/bin/sh',
      ['-c', `printf '%s\\n' ${args.map(shellQuote).join(' ')}`],
      {
        encoding: 'utf8',
      },
    );
    expect(out).toBe(`${args.join('\n')}\n`);
  });
});

describe('terraformLiteral', () => {
  it('escapes both Terraform template sequences and nothing else', () => {
    expect(terraformLiteral(`a \${b} %{c} $(d) %e`)).toBe(`a $\${b} %%{c} $(d) %e`);
  });
});
