export type * from './catalog.generated.js';
export { catalogSchemaPath, readCatalogSchema } from './catalog-schema.js';
export { cidrsOverlap, parseIpv4Cidr } from './cidr.js';
export type { CustomPluginSource } from './custom-plugin-files.js';
export { closestMatch, didYouMean } from './did-you-mean.js';
export { durationMs } from './duration.js';
export { type LoadOptions, loadModel, loadModelFromBytes } from './load-model.js';
export { locateInCatalog } from './locate-in-catalog.js';
export { CatalogError, formatProblem } from './problems.js';
export { istioPathsForPrefix } from './resolve-waypoint.js';
export { kongPathsForPrefix, normalizePathPrefix, pathProblem } from './route-paths.js';
export {
  type PrecedenceConflict,
  precedenceConflicts,
  type RouteMatchCriteria,
} from './route-precedence.js';
export { looksLikeRandomToken, looksLikeSecret, secretKind } from './secrets.js';
export { unrenderedFileMessage } from './unrendered.js';
