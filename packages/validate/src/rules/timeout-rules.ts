import { durationMs } from '@routeplane/catalog';
import { arr, num, str } from '../json.js';
import { kongRoutes } from '../kong.js';
import { envRule, type Rule } from '../rule.js';
import { ofKind } from '../tree-index.js';

/** Kong's default `read_timeout` of a service (kong/db/schema/entities/services.lua). */
const kongDefaultReadTimeoutMs = 60_000;

export const timeoutRules: readonly Rule[] = [
  envRule(
    'xlayer/kong-timeout',
    "Kong waits longer than the HTTPRoute's request timeout, so the gateway answers first",
    (env, r) => {
      const routes = env.deck.flatMap(kongRoutes);
      for (const httpRoute of ofKind(env, 'HTTPRoute')) {
        // Stryker disable next-line MethodExpression: a missing timeout counts 0 ms either way
        const requests = arr(httpRoute.doc, 'spec', 'rules')
          .map((rule) => str(rule, 'timeouts', 'request'))
          .filter((t): t is string => t !== undefined);
        const longest = Math.max(0, ...requests.map((t) => durationMs(t) ?? 0));
        if (longest === 0) continue;
        for (const route of routes.filter((k) => k.name === httpRoute.name)) {
          const read = num(route.service, 'read_timeout') ?? kongDefaultReadTimeoutMs;
          if (read <= longest) {
            r.at(
              route.file,
              `KongRoute/${route.name}`,
              `service read_timeout must exceed the HTTPRoute's request timeout ${longest} ms (else Kong cuts first and may retry a request the gateway still works on), but ${read} ms was given`,
            );
          }
        }
      }
    },
  ),
];
