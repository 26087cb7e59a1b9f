import type { EdgeKind } from '@routeplane/model';
import type { Environment, RouteCatalog } from '../catalog.generated.js';
import { type EdgeKey, edgeKeysOf, kindsReading, requiredEdgeKeys } from '../edge-keys.js';
import { edgeKind } from '../edge-kind.js';
import { awsValuePath } from '../environment-overrides.js';
import { awsOfKind } from '../resolve-data-plane.js';
import type { RuleContext, SemanticRule } from './rule.js';

/** `a`, `a and b`, `a, b and c`. */
function listed(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * Keys the alb-edge rule already refuses on a kind that does not read them (publicZone off alb,
 * kongDomainDns on alb): not warned about a second time.
 */
const refusedElsewhere: readonly EdgeKey[] = ['publicZone', 'kongDomainDns'];

/** The keys of an `aws.edge` object this rule may warn about. */
function warnedKeys(edge: object | undefined): EdgeKey[] {
  return Object.keys(edge ?? {}).filter(
    (key): key is EdgeKey => key !== 'kind' && !refusedElsewhere.includes(key as EdgeKey),
  );
}

const readBy = (key: EdgeKey) => `is read by aws.edge.kind ${listed(kindsReading(key))} only`;

interface DedicatedEdge {
  readonly env: Environment;
  readonly kind: EdgeKind;
}

/** Top-level keys no dedicated environment reads: each sets its own or has a kind that ignores it. */
function warnUnreadTopLevel(
  catalog: RouteCatalog,
  edges: readonly DedicatedEdge[],
  warn: RuleContext['warn'],
): void {
  const top = catalog.aws.edge;
  // Stryker disable next-line LogicalOperator: a top edge yet no edges is all ecsFargate: refused
  if (top === undefined || edges.length === 0) return;
  for (const key of warnedKeys(top)) {
    const inheritedBy = edges.filter((e) => e.env.aws?.edge?.[key] === undefined);
    if (inheritedBy.some((e) => edgeKeysOf(e.kind).includes(key))) continue;
    const why = edges.map((e) =>
      inheritedBy.includes(e) ? `${e.env.name} is ${e.kind}` : `${e.env.name} sets its own`,
    );
    warn(
      ['aws', 'edge', key],
      `${readBy(key)}, and no environment inherits it with a kind that reads it (${why.join(', ')}): remove it`,
    );
  }
}

/** Each dedicated environment's edge has every key its kind renders, after the overrides. */
export const edgeKeysRules: readonly SemanticRule[] = [
  {
    id: 'edge-keys',
    needs: ['kong', 'aws', 'environments'],
    check({ catalog, report, warn }) {
      const edges: DedicatedEdge[] = [];
      catalog.environments.forEach((env, index) => {
        // ecsFargate reads no aws.edge (awsOfKind drops it); a missing edge is data-plane-kind's.
        const edge = awsOfKind(catalog, env).edge;
        if (edge === undefined) return;
        const kind = edgeKind(edge);
        edges.push({ env, kind });
        const needed = requiredEdgeKeys[kind];
        const missing = needed.filter((key) => edge[key] === undefined);
        if (missing.length > 0)
          report(
            awsValuePath(env, index, ['edge']),
            `kind ${kind} needs ${listed(needed)} after the environment's overrides, but ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing (environment ${env.name})`,
            true,
          );
        const unread = warnedKeys(env.aws?.edge).filter((key) => !edgeKeysOf(kind).includes(key));
        for (const key of unread)
          warn(
            ['environments', index, 'aws', 'edge', key],
            `${readBy(key)}, but the kind is ${kind} (environment ${env.name}): remove it`,
          );
      });
      warnUnreadTopLevel(catalog, edges, warn);
    },
  },
];
