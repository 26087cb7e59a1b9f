import type { CommandIo } from './io.js';
import type { CatalogOptions } from './load.js';

export interface ValidateOptions extends CatalogOptions {
  readonly format: 'human' | 'json';
  readonly external: boolean;
}

/** `routeplane validate`: wired to @routeplane/validate once that package lands. */
export async function validateCommand(_options: ValidateOptions, io: CommandIo): Promise<number> {
  io.err('routeplane validate: not available yet');
  return 1;
}
