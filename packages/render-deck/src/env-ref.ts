import type { HostSource } from '@routeplane/catalog';

/** decK substitutes `${{ env "DECK_X" }}` at sync time; only DECK_-prefixed variables are allowed. */
const deckVariable = /^DECK_[A-Z0-9_]+$/;

export function deckEnvRef(variable: string): string {
  if (!deckVariable.test(variable)) {
    throw new Error(
      `decK variable must match ${deckVariable.source}, but ${JSON.stringify(variable)} was given`,
    );
  }
  return `\${{ env "${variable}" }}`;
}

/** A literal host, or the decK reference to the variable that holds it. */
export function hostValue(source: HostSource): string {
  return source.kind === 'literal' ? source.value : deckEnvRef(source.variable);
}

const refPattern = /\$\{\{\s*env\s+"(DECK_[A-Z0-9_]+)"\s*\}\}/g;

/** Every DECK_* variable referenced anywhere in a rendered value, sorted and unique. */
export function envRefsIn(value: unknown): string[] {
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    if (typeof node === 'string') {
      for (const match of node.matchAll(refPattern)) if (match[1]) found.add(match[1]);
    } else if (Array.isArray(node)) {
      for (const item of node) visit(item);
    } else if (typeof node === 'object' && node !== null) {
      for (const item of Object.values(node)) visit(item);
    }
  };
  visit(value);
  return [...found].sort();
}
