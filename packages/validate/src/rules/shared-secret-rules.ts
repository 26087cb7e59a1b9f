import { arr, isObject, type JsonObject, str } from '../json.js';
import { envRule, type Rule } from '../rule.js';

const secretValue = /^\$\{\{\s*env\s+"DECK_[A-Z0-9_]+"\s*\}\}$/;

/**
 * The shared-secret headers a route's request-transformer sets: a header it first removes (so a
 * client's value never stands in) and then adds from a DECK_* variable, as `Name:<ref>`.
 */
function secretHeaders(route: JsonObject): string[] {
  // No request-transformer: the reads below find no headers, so the route sets none.
  const plugin = arr(route, 'plugins').find((p) => str(p, 'name') === 'request-transformer');
  const removed = new Set(
    arr(plugin, 'config', 'remove', 'headers').map((h) => String(h).toLowerCase()),
  );
  // Stryker disable next-line MethodExpression: headers is only read by includes
  return arr(plugin, 'config', 'add', 'headers')
    .map(String)
    .flatMap((entry) => {
      const colon = entry.indexOf(':');
      const name = entry.slice(0, colon);
      const value = entry.slice(colon + 1);
      return removed.has(name.toLowerCase()) && secretValue.test(value) ? [`${name}:${value}`] : [];
    })
    .sort();
}

/**
 * A Kong service's shared-secret header reaches its backend whichever route matched: every route of
 * the service sets the same headers from the same variables (Kong runs the route's own
 * request-transformer, so a route without it would send no secret and the backend would refuse it).
 */
export const sharedSecretRules: readonly Rule[] = [
  envRule(
    'xlayer/kong-backend-secret',
    "Every route of a Kong service sets the same shared-secret headers (removed, then added from a DECK_* variable), so the backend's check holds whichever route matched",
    (env, r) => {
      for (const deck of env.deck) {
        for (const service of arr(deck.doc, 'services')) {
          const routes = arr(service, 'routes').filter(isObject);
          const sets = routes.map((route) => ({ route, headers: secretHeaders(route) }));
          const all = [...new Set(sets.flatMap((s) => s.headers))].sort();
          for (const { route, headers } of sets) {
            const missing = all.filter((h) => !headers.includes(h));
            if (missing.length === 0) continue;
            r.at(
              deck.file,
              `route ${str(route, 'name') ?? '?'}`,
              `service ${str(service, 'name') ?? '?'} sends its backend ${missing.join(', ')} through its other routes, but this route does not (its request-transformer must remove the header, then add it from the same DECK_* variable)`,
            );
          }
        }
      }
    },
  ),
];
