import type { KeyPath } from '../key-path.js';
import type { SemanticRule } from './rule.js';

/** How Kong names the gateway: a private hosted zone, an environment's name, or a DECK_* variable. */
export const privateDnsRules: readonly SemanticRule[] = [
  {
    id: 'upstream-host',
    needs: ['kong', 'gateway', 'environments'],
    check({ catalog, report }) {
      const upstream = catalog.kong.upstream;
      const zone = upstream.privateDnsZone;
      const path: KeyPath = ['kong', 'upstream'];
      if (zone === undefined) {
        if (upstream.hostEnv === undefined) {
          report(
            path,
            'needs hostEnv (the DECK_* variable with the NLB name) or privateDnsZone (a private hosted zone that resolves gateway.hostname for Kong), but neither was given',
            true,
          );
        }
        return;
      }
      const hostname = catalog.gateway.hostname;
      if (!hostname.endsWith(`.${zone}`)) {
        report(
          [...path, 'privateDnsZone'],
          `must be a parent domain of gateway.hostname ${hostname} (the name Kong resolves in it), but "${zone}" was given`,
        );
      }
      if (upstream.hostEnv !== undefined) {
        report(
          [...path, 'hostEnv'],
          `is unused with privateDnsZone (Kong connects to gateway.hostname ${hostname}), but ${upstream.hostEnv} was given: remove it`,
          true,
        );
      }
      catalog.environments.forEach((env, i) => {
        if (env.upstreamHost === undefined) return;
        report(
          ['environments', i, 'upstreamHost'],
          `is unused with kong.upstream.privateDnsZone (Kong connects to gateway.hostname ${hostname}), but "${env.upstreamHost}" was given (environment ${env.name}): remove it`,
          true,
        );
      });
    },
  },
];
