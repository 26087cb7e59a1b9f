import type { Rule } from '../rule.js';
import { albEdgeRules } from './alb-edge-rules.js';
import { argocdRules } from './argocd-rules.js';
import { backendRules } from './backend-rules.js';
import { customPluginRules } from './custom-plugin-rules.js';
import { deckSchemaRules } from './deck-schema-rules.js';
import { dedicatedGatewayRules } from './dedicated-gateway-rules.js';
import { ecsFargateRules } from './ecs-fargate-rules.js';
import { gatewayRules } from './gateway-rules.js';
import { grantRules } from './grant-rules.js';
import { kongRules } from './kong-rules.js';
import { meshRules } from './mesh-rules.js';
import { noEdgeRules } from './no-edge-rules.js';
import { podCoverageRules } from './pod-coverage-rules.js';
import { podSecurityRules } from './pod-security-rules.js';
import { managedCacheRules, rateLimitRules } from './rate-limit-rules.js';
import { schemaRules } from './schema-rules.js';
import { secretRules } from './secret-rules.js';
import { sharedSecretRules } from './shared-secret-rules.js';
import { terraformRules } from './terraform-rules.js';
import { timeoutRules } from './timeout-rules.js';
import { tlsChainRules } from './tls-chain-rules.js';
import { upstreamDnsRules } from './upstream-dns-rules.js';
import { viewerHostRules } from './viewer-host-rules.js';
import { waypointRules } from './waypoint-rules.js';
import { workloadIdentityRules } from './workload-identity-rules.js';

/** The rule table: every check `routeplane validate` runs, in report order. */
export const rules: readonly Rule[] = [
  ...schemaRules,
  ...deckSchemaRules,
  ...backendRules,
  ...grantRules,
  ...gatewayRules,
  ...meshRules,
  ...waypointRules,
  ...argocdRules,
  ...kongRules,
  ...rateLimitRules,
  ...timeoutRules,
  ...tlsChainRules,
  ...podSecurityRules,
  ...podCoverageRules,
  ...secretRules,
  ...terraformRules,
  ...ecsFargateRules,
  ...dedicatedGatewayRules,
  ...upstreamDnsRules,
  ...viewerHostRules,
  ...noEdgeRules,
  ...albEdgeRules,
  ...customPluginRules,
  ...sharedSecretRules,
  ...workloadIdentityRules,
  ...managedCacheRules,
];
