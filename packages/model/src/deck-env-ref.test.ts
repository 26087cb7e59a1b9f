import { describe, expect, it } from 'vitest';
import { deckEnvRef, deckVariablesIn, wholeDeckVariable } from './deck-env-ref.js';

/** `${{<inside>}}`, written without a string literal holding `${`. */
const braces = (inside: string) => `\${{${inside}}}`;

describe('decK env references', () => {
  it('builds a reference for a DECK_ variable', () => {
    expect(deckEnvRef('DECK_X_1')).toBe(braces(' env "DECK_X_1" '));
  });

  it.each(['X', 'DECK_lower', 'DECK_', 'deck_X'])('refuses to build one for %s', (name) => {
    expect(() => deckEnvRef(name)).toThrow(`but ${JSON.stringify(name)} was given`);
  });

  it.each<[unknown, string | undefined]>([
    [braces(' env "DECK_A" '), 'DECK_A'],
    [braces('env   "DECK_A"'), 'DECK_A'],
    [braces(' env "OTHER" '), undefined],
    [`x${braces(' env "DECK_A" ')}`, undefined],
    [braces(' env "DECK_A" ') + braces(' env "DECK_B" '), undefined],
    [42, undefined],
  ])('reads %j as a whole reference to %s', (value, name) => {
    expect(wholeDeckVariable(value)).toBe(name);
  });

  it('lists the DECK_ variables of a text, skipping others', () => {
    const text = ['DECK_A', 'HOME', 'DECK_B'].map((n) => braces(` env "${n}" `)).join(' ');
    expect(deckVariablesIn(text)).toEqual(['DECK_A', 'DECK_B']);
  });
});
