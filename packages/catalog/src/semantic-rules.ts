import type { RouteCatalog } from './catalog.generated.js';
import { cidrsOverlap, type Ipv4Cidr, parseIpv4Cidr } from './cidr.js';
import { didYouMean } from './did-you-mean.js';
import { awsValuePath, effectiveAws } from './environment-overrides.js';
import type { KeyPath } from './key-path.js';
import { normalizePathPrefix, pathProblem } from './route-paths.js';
import { precedenceConflicts } from './route-precedence.js';
import { looksLikeRandomToken, looksLikeSecret } from './secrets.js';

export interface RuleContext {
  readonly catalog: RouteCatalog;
  report(path: KeyPath, message: string, atKey?: boolean): void;
}

/** A cross-field rule. It runs only when the top-level sections it reads passed the schema. */
export interface SemanticRule {
  readonly id: string;
  readonly needs: readonly (keyof RouteCatalog)[];
  check(context: RuleContext): void;
}

/** Namespaces that belong to Kubernetes, Istio or Argo CD; routeplane never renders into them. */
export const reservedNamespaces: readonly string[] = [
  'argocd',
  'default',
  'istio-system',
  'kube-node-lease',
  'kube-public',
  'kube-system',
];

/** Ports ztunnel and Istio own inside every ambient pod's network namespace. */
const istioPorts: readonly number[] = [15001, 15006, 15008, 15020, 15021, 15053, 15090];

function reportDuplicates(
  context: RuleContext,
  items: readonly { path: KeyPath; value: string }[],
  what: string,
): void {
  const first = new Map<string, number>();
  items.forEach((item, index) => {
    const earlier = first.get(item.value);
    if (earlier === undefined) {
      first.set(item.value, index);
      return;
    }
    const other = items[earlier];
    context.report(
      item.path,
      `${what} "${item.value}" is already used at ${other ? formatPathShort(other.path) : 'another entry'}`,
    );
  });
}

function formatPathShort(path: KeyPath): string {
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
    .join('')
    .replace(/^\./, '');
}

function walkStrings(
  value: unknown,
  path: KeyPath,
  visit: (text: string, path: KeyPath) => void,
): void {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value))
    value.forEach((item, i) => {
      walkStrings(item, [...path, i], visit);
    });
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) walkStrings(item, [...path, key], visit);
  }
}

export const semanticRules: readonly SemanticRule[] = [
  {
    id: 'no-secrets',
    needs: [],
    check({ catalog, report }) {
      walkStrings(catalog, [], (text, path) => {
        const key = String(path[path.length - 1] ?? '');
        if (looksLikeSecret(text)) {
          report(
            path,
            'looks like a secret (private key, token or JWT): keep it out of the catalog, put it in a DECK_* environment variable and name that variable here',
          );
        } else if (key.endsWith('Env') && looksLikeRandomToken(text)) {
          report(
            path,
            'looks like a secret value where the NAME of a DECK_* environment variable is expected',
          );
        }
      });
    },
  },
  {
    id: 'reserved-namespaces',
    needs: ['gateway', 'services'],
    check({ catalog, report }) {
      const check = (path: KeyPath, namespace: string) => {
        if (reservedNamespaces.includes(namespace)) {
          report(
            path,
            `"${namespace}" is reserved (${reservedNamespaces.join(', ')}); choose a namespace of your own`,
          );
        }
      };
      check(['gateway', 'namespace'], catalog.gateway.namespace);
      catalog.services.forEach((s, i) => {
        check(['services', i, 'namespace'], s.namespace);
      });
    },
  },
  {
    id: 'unique-names',
    needs: ['services', 'routes', 'environments', 'consumers'],
    check(context) {
      const { catalog } = context;
      reportDuplicates(
        context,
        catalog.services.map((s, i) => ({ path: ['services', i, 'name'], value: s.name })),
        'service name',
      );
      reportDuplicates(
        context,
        catalog.routes.map((r, i) => ({ path: ['routes', i, 'name'], value: r.name })),
        'route name',
      );
      reportDuplicates(
        context,
        catalog.environments.map((e, i) => ({ path: ['environments', i, 'name'], value: e.name })),
        'environment name',
      );
      reportDuplicates(
        context,
        (catalog.consumers ?? []).map((c, i) => ({
          path: ['consumers', i, 'username'],
          value: c.username,
        })),
        'consumer username',
      );
      reportDuplicates(
        context,
        (catalog.consumers ?? []).flatMap((c, i) =>
          (c.jwtCredentials ?? []).map((k, j) => ({
            path: ['consumers', i, 'jwtCredentials', j, 'key'],
            value: k.key,
          })),
        ),
        'JWT credential key',
      );
      reportDuplicates(
        context,
        catalog.environments.map((e, i) => ({
          path: ['environments', i, 'controlPlaneName'],
          value: e.controlPlaneName,
        })),
        'Konnect control plane name',
      );
    },
  },
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
    },
  },
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
      const http = catalog.gateway.httpPort ?? 80;
      const https = catalog.gateway.httpsPort ?? 443;
      if (http === https) {
        report(['gateway', 'httpsPort'], `must differ from httpPort, but both are ${https}`);
      }
      const upstream = catalog.kong.upstream.port ?? 443;
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
  {
    id: 'networks',
    needs: ['kong', 'aws', 'environments'],
    check({ catalog, report }) {
      const parse = (path: KeyPath, text: string): Ipv4Cidr | undefined => {
        const parsed = parseIpv4Cidr(text);
        if (typeof parsed === 'string') {
          report(path, `${parsed}, but "${text}" was given`);
          return undefined;
        }
        return parsed;
      };
      const kong = parse(['kong', 'networkCidr'], catalog.kong.networkCidr);
      (catalog.kong.trustedIps ?? []).forEach((t, i) => {
        parse(['kong', 'trustedIps', i], t);
      });
      const checked = new Set<string>();
      const envs = catalog.environments.length > 0 ? catalog.environments : [];
      envs.forEach((env, i) => {
        const aws = effectiveAws(catalog, env);
        const vpcPath = awsValuePath(env, i, ['vpcCidr']);
        const key = JSON.stringify(vpcPath);
        const vpc = checked.has(key) ? undefined : parse(vpcPath, aws.vpcCidr);
        checked.add(key);
        if (vpc && kong && cidrsOverlap(vpc, kong)) {
          report(
            vpcPath,
            `VPC CIDR ${vpc.text} overlaps Kong's network ${kong.text} (environment ${env.name}): the Transit Gateway could not route between them`,
          );
        }
        const publicPath = awsValuePath(env, i, ['cluster', 'endpointPublicAccessCidrs']);
        const publicKey = JSON.stringify(publicPath);
        if (!checked.has(publicKey)) {
          checked.add(publicKey);
          (aws.cluster.endpointPublicAccessCidrs ?? []).forEach((c, j) => {
            const parsed = parse([...publicPath, j], c);
            if (parsed && parsed.prefix === 0) {
              report(
                [...publicPath, j],
                'must not open the EKS API to the whole internet (0.0.0.0/0)',
              );
            }
          });
        }
        for (const pool of ['system', 'user'] as const) {
          const p = aws.nodePools[pool];
          if (!(p.minSize <= p.desiredSize && p.desiredSize <= p.maxSize)) {
            report(
              awsValuePath(env, i, ['nodePools', pool]),
              `needs minSize <= desiredSize <= maxSize, but ${p.minSize} <= ${p.desiredSize} <= ${p.maxSize} was given (environment ${env.name})`,
              true,
            );
          }
        }
      });
    },
  },
];

/** Runs every rule whose sections are schema-clean; returns how many ran. */
export function runSemanticRules(
  catalog: RouteCatalog,
  sectionsWithSchemaErrors: ReadonlySet<string>,
  report: RuleContext['report'],
): number {
  let ran = 0;
  for (const rule of semanticRules) {
    const blocked = sectionsWithSchemaErrors.has('') && rule.needs.length > 0;
    if (blocked || rule.needs.some((section) => sectionsWithSchemaErrors.has(section))) continue;
    rule.check({ catalog, report });
    ran += 1;
  }
  return ran;
}
