import type { EnvironmentModel } from '@routeplane/catalog';
import { envRefsIn } from './env-ref.js';
import { renderKongFile } from './render-deck.js';

/**
 * The DECK_* variables `deck gateway diff|sync` needs for this environment, read from the rendered
 * file itself so the list can never drift from what the file references. Sorted.
 */
export function requiredDeckEnv(env: EnvironmentModel): string[] {
  return envRefsIn(renderKongFile(env));
}

/** The required variables that are unset or empty in `processEnv` (decK fails on either). Sorted. */
export function missingDeckEnv(
  env: EnvironmentModel,
  processEnv: Readonly<Record<string, string | undefined>>,
): string[] {
  return requiredDeckEnv(env).filter((name) => !processEnv[name]);
}
