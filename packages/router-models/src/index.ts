export {
  type GatewayPick,
  type GatewayRoute,
  type GatewayVerdict,
  gatewayExplain,
  gatewayHostnameMatches,
  gatewaySelect,
  pathPrefixMatches,
} from './gateway-api-router-model.js';
export {
  type KongExplanation,
  type KongPick,
  type KongRequest,
  type KongVerdict,
  kongEscape,
  kongExplain,
  kongForwardedPath,
  kongMatchPath,
  kongNormalize,
  kongSelect,
} from './kong-router-model.js';
