export { applyChanges } from './apply.js';
export { unifiedDiff } from './diff.js';
export { diffStat, type FileStat, formatDiffStat } from './diff-stat.js';
export {
  EnvironmentRemovalError,
  environmentOfPath,
  guardEnvironmentRemoval,
  removedEnvironments,
} from './environment-removal.js';
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
export { unrenderedFiles } from './unrendered-files.js';
