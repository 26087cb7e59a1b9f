export { buildEnvironmentStack } from './environment-stack.js';
export { gatewayNlbSecurityGroupName } from './parts/gateway-ingress.js';
export { renderInfra } from './render-infra.js';
