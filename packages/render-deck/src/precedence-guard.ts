import { precedenceConflicts } from '@routeplane/catalog';
import type { EnvironmentModel } from '@routeplane/model';
import { DeckRenderError } from './errors.js';

/**
 * Defence in depth: the catalog loader already refuses routes whose Kong precedence would differ
 * from Gateway API's (see precedenceConflicts); a Model that slips past it must not render.
 */
export function assertSamePrecedence(env: EnvironmentModel): void {
  const problems = precedenceConflicts(env.routes).map(
    (c) =>
      `route ${c.broad} (methods/hosts set) would win over the longer prefix ${c.path} of route ${c.narrow} in Kong, while Gateway API picks ${c.narrow}: give ${c.narrow} the same methods/hosts or split ${c.broad}`,
  );
  if (problems.length > 0) {
    throw new DeckRenderError(`environment ${env.name}:\n  ${problems.join('\n  ')}`);
  }
}
