import { didYouMean } from '../did-you-mean.js';
import { kongUpstreamPort } from '../resolve-derived-defaults.js';
import { schemaDefault } from '../schema-defaults.js';
import type { SemanticRule } from './rule.js';

/** Ports ztunnel and Istio own inside every ambient pod's network namespace. */
const istioPorts: readonly number[] = [15001, 15006, 15008, 15020, 15021, 15053, 15090];

/** Backends, gateway ports and the names environment overrides refer to. */
export const serviceRules: readonly SemanticRule[] = [
  {
    id: 'service-ports',
    needs: ['services'],
    check({ catalog, report }) {
      catalog.services.forEach((service, i) => {
        if (istioPorts.includes(service.port)) {
          report(
            ['services', i, 'port'],
            `must not be one of Istio's ambient ports (${istioPorts.join(', ')}), but ${service.port} was given`,
          );
        }
        const paths = (service.responses ?? []).map((r) => r.path);
        if (paths.length > 0 && !paths.includes(service.healthPath)) {
          report(
            ['services', i, 'healthPath'],
            `must be one of the paths the server answers (${paths.join(', ')}), but "${service.healthPath}" was given`,
          );
        }
        const unique = new Set<string>();
        // Stryker disable next-line ArrayDeclaration: a string item has no path, so it repeats no path
        (service.responses ?? []).forEach((r, j) => {
          if (unique.has(r.path)) {
            report(['services', i, 'responses', j, 'path'], `path "${r.path}" is listed twice`);
          }
          unique.add(r.path);
        });
      });
    },
  },
  {
    id: 'gateway-ports',
    needs: ['gateway', 'kong'],
    check({ catalog, report }) {
      // Rules read the catalog as written, so absent ports take the schema's defaults here.
      const http = catalog.gateway.httpPort ?? schemaDefault<number>(['gateway', 'httpPort']);
      const https = catalog.gateway.httpsPort ?? schemaDefault<number>(['gateway', 'httpsPort']);
      if (http === https) {
        report(['gateway', 'httpsPort'], `must differ from httpPort, but both are ${https}`);
      }
      const upstream = kongUpstreamPort(catalog.kong.upstream, https);
      if (upstream !== https) {
        report(
          ['kong', 'upstream', 'port'],
          `must be the gateway's HTTPS listener port ${https} (Kong reaches the gateway over TLS), but ${upstream} was given`,
        );
      }
    },
  },
  {
    id: 'environment-references',
    needs: ['environments', 'services', 'routes'],
    check({ catalog, report }) {
      const services = catalog.services.map((s) => s.name);
      const routes = catalog.routes.map((r) => r.name);
      catalog.environments.forEach((env, i) => {
        for (const name of Object.keys(env.replicas ?? {})) {
          if (!services.includes(name)) {
            report(
              ['environments', i, 'replicas', name],
              `names service "${name}", which is not in services${didYouMean(name, services)}`,
              true,
            );
          }
        }
        for (const name of Object.keys(env.rateLimits ?? {})) {
          const route = catalog.routes.find((r) => r.name === name);
          if (!route) {
            report(
              ['environments', i, 'rateLimits', name],
              `names route "${name}", which is not in routes${didYouMean(name, routes)}`,
              true,
            );
          } else if (!route.plugins?.rateLimiting) {
            report(
              ['environments', i, 'rateLimits', name],
              `route "${name}" has no rateLimiting plugin to override; add plugins.rateLimiting to the route first`,
              true,
            );
          }
        }
      });
    },
  },
];
