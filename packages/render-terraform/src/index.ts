export { buildEnvironmentStack } from './environment-stack.js';
export { renderInfra } from './render-infra.js';
export { shellQuote } from './teardown/shell-script.js';
export {
  type FullTeardownOptions,
  fullTeardownSteps,
  type TeardownStep,
} from './teardown/teardown-steps.js';
