export { renderInfra } from './render-infra.js';
export { shellQuote } from './teardown/shell-script.js';
export { fullTeardownSteps, type TeardownStep } from './teardown/teardown-steps.js';
