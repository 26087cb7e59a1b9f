export { type ObjectValidators, validatorsOf } from './crd/checked-by.js';
export { type CrdCatalog, loadCrdCatalog } from './crd/crd-catalog.js';
export { type CrdDirectory, crdsEnvVar, findCrdDirectory } from './crd/crd-directory.js';
export { crdRuleIds } from './crd/crd-validator.js';
export { type ExternalToolResult, findDeckFiles, runExternalTools } from './external-tools.js';
export type { Finding, TreeFile, ValidateInput, Waiver } from './finding.js';
export { hasBlockingFindings } from './finding.js';
export { formatFindingsHuman, formatFindingsJson } from './format.js';
export { readTree } from './read-tree.js';
export { treeFromRendered } from './rendered-files.js';
export {
  type CrdReport,
  formatReportHuman,
  formatReportJson,
  reportErrorCount,
  type ValidateReport,
} from './report.js';
export type { Rule } from './rule.js';
export { rules } from './rules/index.js';
export { validateTree } from './validate-tree.js';
export { type UnusedWaiver, unusedWaivers, waiverToPaste } from './waiver-match.js';
