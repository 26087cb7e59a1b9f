import { describe, expect, it } from 'vitest';
import { shipped } from './testing/bad-catalogs.js';
import { catalogProblems } from './testing/catalog-problems.js';
import { ecsExample } from './testing/ecs-fargate-catalogs.js';
import { type Expected, expectedProblems } from './testing/expected-problems.js';

/** The custom-plugin rules' exact problems: the undeclared plugin, and custom plugins on ECS. */
describe('custom plugin rules: every problem, where it points', () => {
  it.each<[string, string, readonly Expected[]]>([
    [
      'a route enabling a custom plugin when none is declared (route-custom-plugin)',
      shipped(['routes.1.plugins', { custom: ['my-plugin'] }]),
      [
        [
          'routes.1.plugins.custom.0',
          false,
          'must name one of kong.customPlugins (none declared), but "my-plugin" was given',
        ],
      ],
    ],
    [
      'a route enabling an undeclared custom plugin next to two declared ones (every name listed)',
      shipped(
        [
          'kong.customPlugins',
          [
            { name: 'a-one', handler: 'h.lua', schema: 's.lua' },
            { name: 'b-two', handler: 'h2.lua', schema: 's2.lua' },
          ],
        ],
        ['routes.0.plugins', { custom: ['c-three'] }],
      ),
      [
        [
          'routes.0.plugins.custom.0',
          false,
          'must name one of kong.customPlugins (a-one, b-two), but "c-three" was given',
        ],
      ],
    ],
    [
      'custom plugins on an ecsFargate catalog (custom-plugin-data-plane, at the key)',
      ecsExample([
        'kong.customPlugins',
        [{ name: 'my-plugin', handler: 'h.lua', schema: 's.lua' }],
      ]),
      [
        [
          'kong.customPlugins',
          true,
          'is a dedicated-only option (custom plugins streamed to Dedicated Cloud Gateway data planes), but environment sandbox uses kong.dataPlane.kind ecsFargate, whose self-hosted Kong loads plugins from its own image: remove it',
        ],
      ],
    ],
  ])('%s', (_name, text, expected) => {
    expect(catalogProblems(text)).toEqual(expectedProblems(text, expected));
  });
});
