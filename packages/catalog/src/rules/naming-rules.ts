import type { KeyPath } from '../key-path.js';
import { looksLikeRandomToken, looksLikeSecret } from '../secrets.js';
import { reportDuplicates, type SemanticRule, walkStrings } from './rule.js';

/** Namespaces that belong to Kubernetes, Istio or Argo CD; routeplane never renders into them. */
export const reservedNamespaces: readonly string[] = [
  'argocd',
  'default',
  'istio-system',
  'kube-node-lease',
  'kube-public',
  'kube-system',
];

/** Secrets, reserved namespaces and unique names. */
export const namingRules: readonly SemanticRule[] = [
  {
    id: 'no-secrets',
    needs: [],
    check({ catalog, report }) {
      walkStrings(catalog, [], (text, path) => {
        // Stryker disable next-line StringLiteral: walkStrings starts at the catalog object, so a string's path is never empty
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
      const pkiNamespace = catalog.gateway.pki?.namespace;
      // Stryker disable next-line ConditionalExpression: no reserved namespace is undefined; the check narrows the type
      if (pkiNamespace !== undefined) check(['gateway', 'pki', 'namespace'], pkiNamespace);
    },
  },
  {
    id: 'pki-namespace-apart',
    needs: ['gateway', 'services'],
    check({ catalog, report }) {
      // The CA key must not share a namespace with the gateway (istiod serves the gateway every
      // Secret there) or with a backend; the namespace default comes from the schema.
      const pkiNamespace = catalog.gateway.pki?.namespace;
      // Stryker disable next-line ConditionalExpression: the set of namespaces never holds undefined; the check narrows the type
      if (pkiNamespace === undefined) return;
      const taken = new Set([
        catalog.gateway.namespace,
        ...catalog.services.map((s) => s.namespace),
      ]);
      if (taken.has(pkiNamespace)) {
        report(
          ['gateway', 'pki', 'namespace'],
          `must be a namespace of its own (it holds the CA key), but "${pkiNamespace}" is also the gateway's or a backend's`,
        );
      }
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
    },
  },
];
