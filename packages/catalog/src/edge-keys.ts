import type { EdgeKind, EdgeModel } from '@routeplane/model';
import type { RouteCatalog } from './catalog.generated.js';
import { edgeKind } from './edge-kind.js';

type Edge = NonNullable<RouteCatalog['aws']['edge']>;

/** A key of `aws.edge` besides `kind`. */
export type EdgeKey = Exclude<keyof Edge, 'kind'>;

/** The keys a Model edge of kind `K` cannot do without. */
type ModelKeys<K extends EdgeKind> = {
  [P in keyof Extract<EdgeModel, { kind: K }>]-?: undefined extends Extract<
    EdgeModel,
    { kind: K }
  >[P]
    ? never
    : P;
}[keyof Extract<EdgeModel, { kind: K }>] &
  EdgeKey;

/**
 * What each kind renders from `aws.edge` and cannot do without (renderers read them from the
 * Model: cloudfront.ts and waf.ts; alb-edge.ts; konnect.ts's custom domain). The `edge-keys` rule
 * requires them after an environment's overrides, and resolve builds the Model's edge from them, so
 * a key missing here would not type-check there.
 */
export const requiredEdgeKeys = {
  cloudfront: [
    'domainName',
    'viewerCertificateArn',
    'originClientCertificateArn',
    'kongProxyDomain',
    'wafRateLimitPer5Minutes',
  ],
  alb: ['domainName', 'wafRateLimitPer5Minutes'],
  none: ['kongProxyDomain'],
} as const satisfies { readonly [K in EdgeKind]: readonly ModelKeys<K>[] };

/**
 * Optional keys each kind reads besides its required ones (`certificatesShared` by the
 * per-environment certificate check, `kongDomainDns` with Konnect's custom domain, `publicZone`
 * with the ALB's certificate, `deletionProtection` on the edge's log bucket and the ALB).
 */
const optionalEdgeKeys: { readonly [K in EdgeKind]: readonly EdgeKey[] } = {
  cloudfront: ['certificatesShared', 'kongDomainDns', 'deletionProtection'],
  alb: ['publicZone', 'deletionProtection'],
  none: ['kongDomainDns'],
};

/** Every key `kind` reads, required or optional. */
export function edgeKeysOf(kind: EdgeKind): readonly EdgeKey[] {
  return [...requiredEdgeKeys[kind], ...optionalEdgeKeys[kind]];
}

/** The kinds that read `key`, in the schema's order. */
export function kindsReading(key: EdgeKey): readonly EdgeKind[] {
  return (['cloudfront', 'alb', 'none'] as const).filter((kind) => edgeKeysOf(kind).includes(key));
}

/** The required keys of the edge's kind it lacks (after the environment's overrides). */
export function missingEdgeKeys(edge: Edge): readonly EdgeKey[] {
  return requiredEdgeKeys[edgeKind(edge)].filter((key) => edge[key] === undefined);
}

/**
 * `edge[key]` when the edge's kind reads it, else undefined: a CloudFront certificate inherited by
 * an edge of kind none is never rendered, so it collides with nothing.
 */
export function readEdgeKey<K extends EdgeKey>(
  edge: Edge | undefined,
  key: K,
): Edge[K] | undefined {
  return edge !== undefined && edgeKeysOf(edgeKind(edge)).includes(key) ? edge[key] : undefined;
}
