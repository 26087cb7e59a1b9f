import type { EdgeModel } from '@routeplane/model';
import type { CatalogWithDefaults } from './catalog-with-defaults.generated.js';
import { type EdgeKey, missingEdgeKeys, requiredEdgeKeys } from './edge-keys.js';
import { edgeKind } from './edge-kind.js';
import { schemaDefault } from './schema-defaults.js';

type Edge = NonNullable<CatalogWithDefaults['aws']['edge']>;

/** The guard resolve relies on: the `edge-keys` rule refused the catalog otherwise. */
function hasKeys<K extends EdgeKey>(
  edge: Edge,
  keys: readonly K[],
): edge is Edge & { readonly [P in K]-?: NonNullable<Edge[P]> } {
  return keys.every((key) => edge[key] !== undefined);
}

/**
 * The Model's edge of one dedicated environment (its merged `aws.edge`): exactly the keys its kind
 * renders. A key the kind does not read (inherited from the top level for other environments) is
 * left out.
 */
export function resolveEdge(edge: Edge, envName: string): EdgeModel {
  const dns = edge.kongDomainDns === undefined ? {} : { kongDomainDns: { ...edge.kongDomainDns } };
  // The schema's default reaches a top-level edge only, not one an environment alone sets.
  const deletionProtection =
    edge.deletionProtection ?? schemaDefault<boolean>(['aws', 'edge', 'deletionProtection']);
  const kind = edgeKind(edge);
  if (kind === 'cloudfront' && hasKeys(edge, requiredEdgeKeys.cloudfront))
    return {
      kind,
      domainName: edge.domainName,
      viewerCertificateArn: edge.viewerCertificateArn,
      originClientCertificateArn: edge.originClientCertificateArn,
      kongProxyDomain: edge.kongProxyDomain,
      wafRateLimitPer5Minutes: edge.wafRateLimitPer5Minutes,
      ...dns,
      deletionProtection,
    };
  if (kind === 'alb' && hasKeys(edge, requiredEdgeKeys.alb))
    return {
      kind,
      domainName: edge.domainName,
      wafRateLimitPer5Minutes: edge.wafRateLimitPer5Minutes,
      ...(edge.publicZone === undefined ? {} : { publicZone: edge.publicZone }),
      deletionProtection,
    };
  if (kind === 'none' && hasKeys(edge, requiredEdgeKeys.none))
    return { kind, kongProxyDomain: edge.kongProxyDomain, ...dns };
  throw new Error(
    `environment ${envName}: aws.edge.kind ${kind} lacks ${missingEdgeKeys(edge).join(', ')}, which the edge-keys rule refuses before resolve`,
  );
}
