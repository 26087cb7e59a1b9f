import { compareText, deckVariablesIn, type EnvironmentModel } from '@routeplane/model';
import { renderKongFile } from './render-deck.js';

/** Every DECK_* variable the environment's rendered kong.yaml references, sorted and unique. */
export function referencedDeckEnv(env: EnvironmentModel): string[] {
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    if (typeof node === 'string') for (const name of deckVariablesIn(node)) found.add(name);
    else if (Array.isArray(node)) for (const item of node) visit(item);
    else if (typeof node === 'object' && node !== null)
      for (const item of Object.values(node)) visit(item);
  };
  visit(renderKongFile(env));
  return [...found].sort(compareText);
}
