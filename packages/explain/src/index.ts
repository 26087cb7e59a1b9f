export { explainRequest, formatExplanation } from './explain.js';
export { type ParsedFile, renderedEnv } from './rendered-env.js';
