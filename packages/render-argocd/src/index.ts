export {
  appProject,
  clusterResourceWhitelist,
  namespaceResourceWhitelist,
  projectNamespaces,
} from './app-project.js';
export { childApplication, childApplicationName } from './application.js';
export { applicationHealthLua, argocdCmHealthData } from './application-health.js';
export type { Application, AppProject, ClusterResourceItem, GroupKind } from './argo-types.js';
export { argocdCmHealthPatch } from './argocd-cm-patch.js';
export {
  appsDir,
  bootstrapProjectFile,
  childFile,
  healthPatchFile,
  projectFile,
  rootApplicationFile,
} from './argocd-paths.js';
export {
  bootstrapNamespaceKinds,
  bootstrapProject,
  bootstrapProjectName,
} from './bootstrap-project.js';
export { chartInventory } from './chart-inventory/chart-inventory.generated.js';
export type { ChartInventoryEntry, InventoryObject } from './chart-inventory/inventory-types.js';
export type { ChildApp } from './child-app.js';
export { childApps, waves } from './child-apps.js';
export { applicationHealthKey } from './constants.js';
export {
  gatewayApiObjects,
  helmChartObjects,
  routeplaneNamespacedKinds,
  type UpstreamObjects,
} from './project-resources.js';
export { renderArgocd, sortedChildApps } from './render-argocd.js';
export { rootApplication } from './root-application.js';
