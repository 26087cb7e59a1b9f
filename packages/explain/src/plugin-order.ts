import { compareText } from '@routeplane/model';
/**
 * Kong runs the plugins of a request in descending PRIORITY of their handlers (global, service and
 * route plugins together). Values from Kong/kong at 3.x, kong/plugins/<name>/handler.lua;
 * rate-limiting-advanced (Kong Enterprise, no public source) from Kong's published table,
 * developer.konghq.com app/_data/plugins/priorities/3.13.json.
 */
export const pluginPriority: Readonly<Record<string, number>> = {
  'pre-function': 1_000_000,
  cors: 2000,
  jwt: 1450,
  'key-auth': 1250,
  acl: 950,
  'rate-limiting': 910,
  'rate-limiting-advanced': 910,
  'request-transformer': 801,
  'response-transformer': 800,
  'post-function': -1000,
};

/** Unknown plugins sort last, by name: a reader sees they are not ranked. */
export function comparePlugins(a: string, b: string): number {
  const pa = pluginPriority[a] ?? Number.NEGATIVE_INFINITY;
  const pb = pluginPriority[b] ?? Number.NEGATIVE_INFINITY;
  return pa === pb ? compareText(a, b) : pb - pa;
}
