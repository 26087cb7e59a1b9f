import { viewerHostHeader } from '@routeplane/model';
import { arr, isObject, type JsonObject, obj, str } from '../json.js';
import type { RawFinding, Rule } from '../rule.js';
import { deckWithTerraform } from '../tree-index.js';

const ruleId = 'xlayer/kong-hosts-behind-cloudfront';
const header = viewerHostHeader.toLowerCase();

interface DeckRoute {
  readonly name: string;
  readonly hosts: readonly unknown[];
  /** Values of the route's viewer-host header match; empty when it has none. */
  readonly viewerHosts: readonly string[];
}

/** kong/router/transform.lua header match on a lower-cased value: `~*re` searches, else equality. */
function headerValueMatches(pattern: string, value: string): boolean {
  const have = value.toLowerCase();
  return pattern.startsWith('~*')
    ? new RegExp(pattern.slice(2)).test(have)
    : have === pattern.toLowerCase();
}

/**
 * The error of a `~*` value JavaScript cannot compile (Kong's PCRE may still accept it, e.g. an
 * inline `(?i)`), else undefined: such a value is reported as unchecked rather than judged.
 */
function unreadableRegex(pattern: string): string | undefined {
  if (!pattern.startsWith('~*')) return undefined;
  try {
    new RegExp(pattern.slice(2));
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function routesOf(deck: unknown): DeckRoute[] {
  // Stryker disable MethodExpression: a non-object service or route reads as no routes, no hosts
  return arr(deck, 'services')
    .filter(isObject)
    .flatMap((s) => arr(s, 'routes').filter(isObject))
    .map((r) => ({
      // Stryker restore MethodExpression
      name: str(r, 'name') ?? '?',
      hosts: arr(r, 'hosts'),
      viewerHosts: Object.entries(obj(r, 'headers') ?? {})
        .filter(([k]) => k.toLowerCase() === header)
        .flatMap(([, v]) => (Array.isArray(v) ? v : []))
        .filter((v): v is string => typeof v === 'string'),
    }));
}

/** Whether the distribution's viewer-request function writes the viewer's Host into the header. */
function setsViewerHost(tf: unknown, distribution: JsonObject): boolean {
  // Stryker disable next-line MethodExpression: str reads no event_type from a non-object
  const association = arr(distribution, 'default_cache_behavior', 'function_association')
    .filter(isObject)
    .find((a) => str(a, 'event_type') === 'viewer-request');
  const ref = /^\$\{aws_cloudfront_function\.([\w-]+)\.arn\}$/.exec(
    str(association ?? {}, 'function_arn') ?? '',
  );
  const code = ref?.[1]
    ? str(obj(tf, 'resource', 'aws_cloudfront_function', ref[1]) ?? {}, 'code')
    : undefined;
  return (
    code?.includes(`request.headers['${header}'] = { value: request.headers.host.value }`) === true
  );
}

/**
 * Behind a routeplane CloudFront distribution Kong sees the origin's name as Host (origin request
 * policy AllViewerExceptHostHeader), so a kong.yaml route with `hosts` never matches; a route that
 * matches on the viewer-host header needs the distribution's viewer-request function to set it.
 */
export const viewerHostRules: readonly Rule[] = [
  {
    id: ruleId,
    description: `Behind CloudFront, Kong routes match the viewer's Host through ${viewerHostHeader} (set by the distribution's viewer-request function), never through hosts`,
    check: (tree) => {
      const out: RawFinding[] = [];
      for (const { file, tf } of deckWithTerraform(tree.files)) {
        const distributions = Object.values(
          obj(tf, 'resource', 'aws_cloudfront_distribution') ?? {},
        );
        const [distribution] = distributions.filter(isObject);
        if (distribution === undefined) continue;
        const functionSets = setsViewerHost(tf, distribution);
        for (const route of routesOf(file.documents[0])) {
          if (route.hosts.length > 0) {
            out.push({
              rule: ruleId,
              file: file.path,
              object: `route ${route.name}`,
              message: `hosts ${route.hosts.join(', ')} never match behind CloudFront, which sends Kong the origin's name as Host; match header ${viewerHostHeader} instead`,
            });
          }
          if (route.viewerHosts.length === 0) continue;
          const aliases = arr(distribution, 'aliases').filter(
            (a): a is string => typeof a === 'string',
          );
          const unreadable = route.viewerHosts.flatMap((v) => {
            const why = unreadableRegex(v);
            return why === undefined ? [] : [`${v} (${why})`];
          });
          if (unreadable.length > 0) {
            out.push({
              rule: ruleId,
              file: file.path,
              object: `route ${route.name}`,
              message: `matches ${viewerHostHeader} ${unreadable.join(', ')}, a regex validate cannot compile, so whether CloudFront's aliases reach the route is unchecked (routeplane renders anchored lowercase regexes): check it by hand, or waive this finding`,
            });
          } else if (
            !aliases.some((a) => route.viewerHosts.some((v) => headerValueMatches(v, a)))
          ) {
            out.push({
              rule: ruleId,
              file: file.path,
              object: `route ${route.name}`,
              message: `matches ${viewerHostHeader} ${route.viewerHosts.join(', ')}, but CloudFront serves only ${aliases.join(', ') || 'no alias'}, so no such request reaches Kong`,
            });
          }
          if (!functionSets) {
            out.push({
              rule: ruleId,
              file: file.path,
              object: `route ${route.name}`,
              message: `matches header ${viewerHostHeader}, but CloudFront's default behaviour has no viewer-request function setting it from the viewer's Host, so the route never matches`,
            });
          }
        }
      }
      return out;
    },
  },
];
