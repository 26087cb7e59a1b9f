export { type ExternalToolResult, findDeckFiles, runExternalTools } from './external-tools.js';
export type { Finding, TreeFile, ValidateInput, Waiver } from './finding.js';
export { hasBlockingFindings } from './finding.js';
export { formatFindingsHuman, formatFindingsJson } from './format.js';
export { readTree } from './read-tree.js';
export { treeFromRendered } from './rendered-files.js';
export {
  formatReportHuman,
  formatReportJson,
  reportErrorCount,
  type ValidateReport,
} from './report.js';
export type { Rule } from './rule.js';
export { rules } from './rules/index.js';
export { validateTree } from './validate-tree.js';
export { type UnusedWaiver, unusedWaivers, waiverToPaste } from './waiver-match.js';
