export { buildEnvironmentStack } from './environment-stack.js';
export { renderInfra } from './render-infra.js';
