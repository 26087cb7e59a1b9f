export { alignColumns } from './columns.js';
export { defaultMaxBytes, formatMarkdown } from './format-markdown.js';
export { formatText } from './format-text.js';
export {
  buildReport,
  type DiffReport,
  type DriftEntry,
  type EnvironmentReport,
  type RenderSide,
} from './report.js';
export { routeRows } from './route-summary.js';
