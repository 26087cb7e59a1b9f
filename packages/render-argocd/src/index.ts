export { childApplicationName } from './application.js';
export { applicationHealthLua, argocdCmHealthData } from './application-health.js';
export type { AppProject } from './argo-types.js';
export { appsDir } from './argocd-paths.js';
export { bootstrapProject } from './bootstrap-project.js';
export { childApps } from './child-apps.js';
export { renderArgocd } from './render-argocd.js';
export { rootApplication } from './root-application.js';
