/**
 * decK substitutes `${{ env "DECK_X" }}` at sync time, and only for DECK_-prefixed variables
 * (decK's file/readfile.go). The one home of that syntax for the renderer and `validate`.
 */
export const deckVariablePattern: RegExp = /^DECK_[A-Z0-9_]+$/;

/** Any `${{ env "NAME" }}` reference, DECK_ or not; group 1 is the name. Global: use matchAll. */
export const envReferencePattern: RegExp = /\$\{\{\s*env\s+"([^"]*)"\s*\}\}/g;

/** The decK reference to a DECK_* variable; throws for a name decK would not substitute. */
export function deckEnvRef(variable: string): string {
  if (!deckVariablePattern.test(variable)) {
    throw new Error(
      `decK variable must match ${deckVariablePattern.source}, but ${JSON.stringify(variable)} was given`,
    );
  }
  return `\${{ env "${variable}" }}`;
}

/** The variable of a value that is exactly one DECK_* reference, or undefined for anything else. */
export function wholeDeckVariable(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const [match, ...rest] = value.matchAll(envReferencePattern);
  const name = match?.[1];
  return rest.length === 0 &&
    match?.index === 0 &&
    match[0] === value &&
    name !== undefined &&
    deckVariablePattern.test(name)
    ? name
    : undefined;
}

/** Every DECK_* variable referenced in a text, in order of appearance (repeats included). */
export function deckVariablesIn(text: string): string[] {
  return [...text.matchAll(envReferencePattern)]
    .map((m) => m[1] ?? '')
    .filter((name) => deckVariablePattern.test(name));
}
