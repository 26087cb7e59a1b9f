export type { CatalogProblem } from './catalog-problem.js';
export { compareText } from './compare-text.js';
export {
  deckEnvRef,
  deckVariablePattern,
  deckVariablesIn,
  envReferencePattern,
  wholeDeckVariable,
} from './deck-env-ref.js';
export {
  elbLogDeliveryService,
  elbLogsFromAccount,
} from './elb-log-delivery.js';
export * from './layout.js';
export type * from './model.js';
export type * from './rendered-file.js';
export { kongBehindCloudfront, viewerHostHeader, viewerHostMatchValues } from './viewer-host.js';
