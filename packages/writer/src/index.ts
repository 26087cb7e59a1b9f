export { applyChanges } from './apply.js';
export { unifiedDiff } from './diff.js';
export { headerLine, isRenderedText } from './header.js';
export {
  type ChangeKind,
  listFiles,
  type PlannedChange,
  type PlanOptions,
  planChanges,
  RenderedPathError,
} from './plan.js';
export { canonicalDocument, serialize } from './serialize.js';
