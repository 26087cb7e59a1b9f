import { viewerHostHeader } from '@routeplane/model';
import type { SemanticRule } from './rule.js';

/**
 * Headers the shared secret must not take: Host and Kong's forwarding headers are rewritten by
 * Kong, the viewer-host header routes requests, Authorization carries the clients' JWTs.
 */
const reserved = ['host', 'authorization', 'x-forwarded-for', 'x-forwarded-host', 'x-real-ip'];

/** `services[].sharedSecretHeader`: a header of its own, never one a route or the edge uses. */
export const sharedSecretRules: readonly SemanticRule[] = [
  {
    id: 'service-shared-secret',
    needs: ['services', 'routes', 'kong'],
    check({ catalog, report }) {
      const origin = catalog.kong.cloudfrontOriginHeader?.name;
      const taken = [
        ...reserved,
        viewerHostHeader.toLowerCase(),
        ...(origin ? [origin.toLowerCase()] : []),
      ];
      catalog.services.forEach((service, i) => {
        const secret = service.sharedSecretHeader;
        if (secret === undefined) return;
        const name = secret.name.toLowerCase();
        if (taken.includes(name)) {
          report(
            ['services', i, 'sharedSecretHeader', 'name'],
            `must be a header of its own, not one Kong, the edge or the clients use (${taken.join(', ')}), but "${secret.name}" was given`,
          );
        }
        catalog.routes.forEach((route, j) => {
          if (route.service !== service.name) return;
          const added = Object.keys(route.plugins?.requestTransformer?.addHeaders ?? {});
          if (added.some((h) => h.toLowerCase() === name)) {
            report(
              ['routes', j, 'plugins', 'requestTransformer', 'addHeaders', secret.name],
              `must not set ${secret.name}, the shared-secret header of service ${service.name} (Kong adds it from ${secret.valueEnv}), but it does`,
            );
          }
        });
      });
    },
  },
];
