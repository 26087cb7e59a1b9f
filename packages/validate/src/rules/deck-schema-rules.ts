import { arr, isObject, show, str } from '../json.js';
import { envRule, type Rule } from '../rule.js';

/**
 * Structural checks of the decK file. The official decK JSON schema ships in no npm package we can
 * depend on, so the command checks the parts routeplane renders; `deck file validate` (when on PATH)
 * and the tests against ../shared/schemas check the rest.
 */
const topLevel = new Set([
  '_format_version',
  '_info',
  '_konnect',
  '_transform',
  '_workspace',
  '_plugin_configs',
  'services',
  'routes',
  'upstreams',
  'consumers',
  'consumer_groups',
  'plugins',
  'certificates',
  'ca_certificates',
  'vaults',
  'keys',
  'key_sets',
  'partials',
  'snis',
  'filter_chains',
  'custom_entities',
  'licenses',
  'rbac_roles',
  'workspaces',
]);
const protocols = new Set([
  'http',
  'https',
  'grpc',
  'grpcs',
  'tcp',
  'tls',
  'tls_passthrough',
  'udp',
  'ws',
  'wss',
]);

export const deckSchemaRules: readonly Rule[] = [
  envRule(
    'schema/deck',
    'decK file structure: format version, known sections, services and routes',
    (env, r) => {
      for (const deck of env.deck) {
        const at = (object: string, message: string) => r.at(deck.file, object, message);
        if (deck.doc._format_version !== '3.0')
          at('-', `_format_version must be "3.0", but ${show(deck.doc._format_version)} was given`);
        for (const key of Object.keys(deck.doc)) {
          if (!topLevel.has(key)) at('-', `top-level key ${show(key)} is not a decK section`);
        }
        if (!str(deck.doc, '_konnect', 'control_plane_name'))
          at('-', '_konnect.control_plane_name must be set');
        if (arr(deck.doc, '_info', 'select_tags').length === 0)
          at(
            '-',
            '_info.select_tags must list at least one tag, or decK would sync every entity of the control plane',
          );
        for (const service of arr(deck.doc, 'services').filter(isObject)) {
          const object = `KongService/${str(service, 'name') ?? '?'}`;
          if (!str(service, 'name')) at(object, 'name must be set');
          if (!str(service, 'host') && !str(service, 'url')) at(object, 'host or url must be set');
          if (service.protocol !== undefined && !protocols.has(String(service.protocol)))
            at(object, `protocol ${show(service.protocol)} is not a Kong protocol`);
          if (
            service.port !== undefined &&
            (!Number.isInteger(service.port) ||
              Number(service.port) < 1 ||
              Number(service.port) > 65535)
          ) {
            at(object, `port must be 1-65535, but ${show(service.port)} was given`);
          }
          for (const route of arr(service, 'routes').filter(isObject)) {
            const rObject = `KongRoute/${str(route, 'name') ?? '?'}`;
            if (!str(route, 'name')) at(rObject, 'name must be set');
            for (const path of arr(route, 'paths')) {
              if (typeof path !== 'string' || !(path.startsWith('/') || path.startsWith('~/'))) {
                at(rObject, `path ${show(path)} must start with / (prefix) or ~/ (regex)`);
              }
            }
          }
        }
      }
    },
  ),
];
