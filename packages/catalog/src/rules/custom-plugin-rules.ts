import { dataPlaneKind } from '../resolve-data-plane.js';
import { reportDuplicates, type SemanticRule } from './rule.js';

/** Plugins routeplane renders itself from `routes[].plugins`: a custom plugin must not shadow one. */
const renderedPlugins = [
  'cors',
  'jwt',
  'rate-limiting',
  'rate-limiting-advanced',
  'request-transformer',
];

/** `kong.customPlugins` and the routes that enable them by name. */
export const customPluginRules: readonly SemanticRule[] = [
  {
    id: 'custom-plugin-name',
    needs: ['kong'],
    check(context) {
      // Stryker disable next-line ArrayDeclaration: a string item has no name, so it is no rendered plugin and no duplicate
      const plugins = context.catalog.kong.customPlugins ?? [];
      plugins.forEach((plugin, i) => {
        if (renderedPlugins.includes(plugin.name)) {
          context.report(
            ['kong', 'customPlugins', i, 'name'],
            `must not be a plugin routeplane renders (${renderedPlugins.join(', ')}), but "${plugin.name}" was given`,
          );
        }
      });
      reportDuplicates(
        context,
        plugins.map((p, i) => ({ path: ['kong', 'customPlugins', i, 'name'], value: p.name })),
        'custom plugin name',
      );
    },
  },
  {
    id: 'route-custom-plugin',
    needs: ['kong', 'routes'],
    check({ catalog, report }) {
      // Stryker disable next-line ArrayDeclaration: a string item's undefined name joins to '', which reads 'none declared' alike
      const declared = (catalog.kong.customPlugins ?? []).map((p) => p.name);
      catalog.routes.forEach((route, i) => {
        (route.plugins?.custom ?? []).forEach((name, j) => {
          if (!declared.includes(name)) {
            report(
              ['routes', i, 'plugins', 'custom', j],
              `must name one of kong.customPlugins (${declared.join(', ') || 'none declared'}), but "${name}" was given`,
            );
          }
        });
      });
    },
  },
  {
    id: 'custom-plugin-data-plane',
    needs: ['kong', 'environments'],
    check({ catalog, report }) {
      const ecs = catalog.environments.find((env) => dataPlaneKind(catalog, env) === 'ecsFargate');
      if (catalog.kong.customPlugins === undefined || ecs === undefined) return;
      report(
        ['kong', 'customPlugins'],
        `is a dedicated-only option (custom plugins streamed to Dedicated Cloud Gateway data planes), but environment ${ecs.name} uses kong.dataPlane.kind ecsFargate, whose self-hosted Kong loads plugins from its own image: remove it`,
        true,
      );
    },
  },
];
