export { explainRequest, formatExplanation } from './explain.js';
export type { ExplainRequest, Explanation, Hop } from './explanation.js';
export { pluginPriority } from './plugin-order.js';
export { type ParsedFile, type RenderedEnv, renderedEnv } from './rendered-env.js';
