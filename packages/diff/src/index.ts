export type { CatalogChanges, FieldChange, NameChanges, RouteChanges } from './catalog-changes.js';
export { catalogChanges } from './catalog-changes.js';
export { alignColumns } from './columns.js';
export type { FileStat } from './file-stat.js';
export { commentMarker, defaultMaxBytes, formatMarkdown } from './format-markdown.js';
export { formatText } from './format-text.js';
export type { ObjectChanges } from './object-changes.js';
export { type IndexedObject, indexObjects, type Layer, layers } from './object-index.js';
export {
  buildReport,
  type DiffReport,
  type DriftEntry,
  type EnvironmentReport,
  type RenderSide,
  type ReportInput,
} from './report.js';
export { describeRoute, type RouteRow, routeRow, routeRows } from './route-summary.js';
