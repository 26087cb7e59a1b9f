import type { CommandIo } from './io.js';
import { type CatalogOptions, loadFromOptions } from './load.js';
import { selectEnvironment } from './pipeline.js';
import { UsageError } from './user-error.js';

export interface DeckEnvOptions extends CatalogOptions {
  readonly env?: string;
  readonly check?: boolean;
}

/**
 * `routeplane deck-env --env dev [--check]`: the DECK_* variables decK needs for an environment, one
 * per line as `NAME<TAB>where to get it` (`cut -f1` gives the names). With --check, exit 1 naming
 * every variable that is unset or empty. Values are never printed.
 */
export function deckEnvCommand(options: DeckEnvOptions, io: CommandIo): number {
  if (options.env === undefined) throw new UsageError('deck-env needs --env <name>');
  const { model: full } = loadFromOptions(options, io);
  const [env] = selectEnvironment(full, options.env).environments;
  if (!env) throw new UsageError(`unknown environment "${options.env}"`);
  const required = env.kong.requiredEnv;
  if (!options.check) {
    for (const name of required) io.out(`${name}\t${env.kong.envSources[name] ?? ''}`);
    return 0;
  }
  const missing = required.filter((name) => !io.env[name]);
  if (missing.length === 0) {
    io.out(`routeplane deck-env: all ${required.length} DECK_* variables for ${env.name} are set`);
    return 0;
  }
  io.err(
    `routeplane deck-env: ${missing.length} of ${required.length} DECK_* variables for ${env.name} are not set: ${missing.join(', ')}`,
  );
  return 1;
}
