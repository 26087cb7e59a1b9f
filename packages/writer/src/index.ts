export { applyChanges } from './apply.js';
export { unifiedDiff } from './diff.js';
export { diffStat, formatDiffStat } from './diff-stat.js';
export {
  EnvironmentRemovalError,
  guardEnvironmentRemoval,
  removedEnvironments,
} from './environment-removal.js';
export { type ChangeKind, listFiles, planChanges } from './plan.js';
export { serialize } from './serialize.js';
export { unrenderedFiles } from './unrendered-files.js';
