import { durationMs } from '../duration.js';
import type { SemanticRule } from './rule.js';

/** Suffix of a service's waypoint Gateway (and of its Deployment and ServiceAccount). */
export const waypointSuffix = '-waypoint';

/** Waypoints and per-route timeouts. */
export const waypointRules: readonly SemanticRule[] = [
  {
    id: 'waypoint-name',
    needs: ['services'],
    check({ catalog, report }) {
      catalog.services.forEach((service, i) => {
        const name = `${service.name}${waypointSuffix}`;
        if (service.waypoint === true && name.length > 63) {
          report(
            ['services', i, 'waypoint'],
            `needs a service name of at most ${63 - waypointSuffix.length} characters (the waypoint is named "<service>${waypointSuffix}", a DNS-1123 label), but "${service.name}" has ${service.name.length}`,
          );
        }
      });
    },
  },
  {
    id: 'waypoint-callers',
    needs: ['services', 'routes'],
    check({ catalog, report }) {
      catalog.services.forEach((service, i) => {
        if (service.waypoint !== true) return;
        const routed = catalog.routes.some((r) => r.service === service.name);
        if (!routed && (service.allowFrom ?? []).length === 0) {
          report(
            ['services', i, 'waypoint'],
            `needs a route or an allowFrom caller: its L7 policy would admit nobody, but no route targets "${service.name}"`,
          );
        }
      });
    },
  },
  {
    id: 'route-timeouts',
    needs: ['routes'],
    check({ catalog, report }) {
      catalog.routes.forEach((route, i) => {
        const t = route.timeouts;
        if (t?.backendRequest === undefined) return;
        const request = durationMs(t.request);
        const backend = durationMs(t.backendRequest);
        if (request !== undefined && backend !== undefined && backend > request) {
          report(
            ['routes', i, 'timeouts', 'backendRequest'],
            `must be at most timeouts.request (${t.request}), but ${t.backendRequest} was given`,
          );
        }
      });
    },
  },
];
