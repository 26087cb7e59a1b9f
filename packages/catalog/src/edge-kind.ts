import type { EdgeKind } from '@routeplane/model';
import type { RouteCatalog } from './catalog.generated.js';
import { schemaDefault } from './schema-defaults.js';

/** `aws.edge.kind` after the environment's overrides, or the schema's default (cloudfront). */
export function edgeKind(edge: NonNullable<RouteCatalog['aws']['edge']>): EdgeKind {
  return edge.kind ?? schemaDefault<EdgeKind>(['aws', 'edge', 'kind']);
}
