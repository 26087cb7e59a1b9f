import { didYouMean } from '../did-you-mean.js';
import type { KeyPath } from '../key-path.js';
import { normalizePathPrefix, pathProblem } from '../route-paths.js';
import { hostShadowConflicts, precedenceConflicts } from '../route-precedence.js';
import { reportDuplicates, type SemanticRule } from './rule.js';

/** Routes: targets, paths, hosts, plugins, and precedence Kong and Gateway API must agree on. */
export const routeRules: readonly SemanticRule[] = [
  {
    id: 'routes-not-empty',
    needs: ['routes'],
    check({ catalog, report }) {
      if (catalog.routes.length === 0 && catalog.allowEmptyRoutes !== true) {
        report(
          ['routes'],
          'is empty: decK sync and Argo CD prune would delete every route; set allowEmptyRoutes: true if that is what you want',
          true,
        );
      }
    },
  },
  {
    id: 'route-targets',
    needs: ['routes', 'services'],
    check({ catalog, report }) {
      const names = catalog.services.map((s) => s.name);
      catalog.routes.forEach((route, i) => {
        if (!names.includes(route.service)) {
          report(
            ['routes', i, 'service'],
            `names service "${route.service}", which is not in services${didYouMean(route.service, names)}`,
          );
        }
      });
    },
  },
  {
    id: 'route-paths',
    needs: ['routes'],
    check(context) {
      // Stryker disable next-line ArrayDeclaration: a string item has no value, so it duplicates no path
      const seen: { path: KeyPath; value: string }[] = [];
      context.catalog.routes.forEach((route, i) => {
        route.paths.forEach((path, j) => {
          const problem = pathProblem(path);
          if (problem) {
            context.report(['routes', i, 'paths', j], `${problem}, but "${path}" was given`);
            return;
          }
          seen.push({ path: ['routes', i, 'paths', j], value: normalizePathPrefix(path) });
        });
      });
      // Every request reaches Istio with the gateway hostname, so paths must be unique across
      // routes whatever their hosts: otherwise two HTTPRoutes would claim the same requests.
      reportDuplicates(context, seen, 'path prefix (after removing trailing "/")');
    },
  },
  {
    id: 'route-hosts',
    needs: ['routes'],
    check({ catalog, report }) {
      const hostname = /^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
      catalog.routes.forEach((route, i) => {
        (route.hosts ?? []).forEach((host, j) => {
          if (!hostname.test(host) || host.length > 253) {
            report(
              ['routes', i, 'hosts', j],
              `must be a lowercase DNS name, optionally starting with "*.", but "${host}" was given`,
            );
          }
        });
      });
    },
  },
  {
    id: 'cors-credentials',
    needs: ['routes'],
    check({ catalog, report }) {
      catalog.routes.forEach((route, i) => {
        const cors = route.plugins?.cors;
        if (cors?.credentials === true && cors.origins.includes('*')) {
          report(
            ['routes', i, 'plugins', 'cors', 'origins'],
            'must list explicit origins when credentials is true: browsers reject "*" with credentials and it would expose credentialed responses to any site',
          );
        }
      });
    },
  },
  {
    id: 'plugin-settings',
    needs: ['routes'],
    check({ catalog, report }) {
      catalog.routes.forEach((route, i) => {
        const plugins = route.plugins ?? {};
        const methods = route.methods ?? [];
        if (plugins.cors && methods.length > 0 && !methods.includes('OPTIONS')) {
          report(
            ['routes', i, 'methods'],
            `must include OPTIONS when plugins.cors is set (browsers send CORS preflights as OPTIONS), but ${methods.join(', ')} was given`,
          );
        }
        const limits = plugins.rateLimiting;
        if (limits && ['second', 'minute', 'hour', 'day'].every((k) => !(k in limits))) {
          report(
            ['routes', i, 'plugins', 'rateLimiting'],
            'needs at least one limit: second, minute, hour or day',
            true,
          );
        }
      });
    },
  },
  {
    id: 'route-precedence',
    needs: ['routes'],
    check({ catalog, report }) {
      const criteria = catalog.routes.map((r) => ({
        name: r.name,
        paths: r.paths.map(normalizePathPrefix),
        methods: r.methods ?? [],
        hosts: r.hosts ?? [],
      }));
      for (const conflict of precedenceConflicts(criteria)) {
        const index = catalog.routes.findIndex((r) => r.name === conflict.broad);
        report(
          ['routes', index, 'name'],
          `route "${conflict.broad}" sets methods or hosts on a shorter prefix than "${conflict.path}" of route "${conflict.narrow}": Kong would send those requests to "${conflict.broad}" while the HTTPRoutes send them to "${conflict.narrow}"; give "${conflict.narrow}" the same methods/hosts or drop them from "${conflict.broad}"`,
        );
      }
      for (const conflict of hostShadowConflicts(criteria)) {
        const index = catalog.routes.findIndex((r) => r.name === conflict.narrow);
        report(
          ['routes', index, 'hosts'],
          `route "${conflict.narrow}" limits "${conflict.path}" to its hosts, but route "${conflict.broad}" has a shorter prefix without those hosts: Kong would send "${conflict.path}" from any other Host to "${conflict.broad}", and the gateway (whose HTTPRoutes see no client Host) would hand it to "${conflict.narrow}"'s backend; give "${conflict.broad}" only hosts of "${conflict.narrow}", or move "${conflict.path}" out from under it`,
        );
      }
    },
  },
];
