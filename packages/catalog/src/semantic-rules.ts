import type { RouteCatalog } from './catalog.generated.js';
import { apiAccessRules } from './rules/api-access-rules.js';
import { customDomainRules } from './rules/custom-domain-rules.js';
import { customPluginRules } from './rules/custom-plugin-rules.js';
import { dataPlaneRules } from './rules/data-plane-rules.js';
import { dedicatedDataPlaneRules } from './rules/dedicated-data-plane-rules.js';
import { edgeRules } from './rules/edge-rules.js';
import { environmentRules } from './rules/environment-rules.js';
import { imageRules } from './rules/image-rules.js';
import { namingRules } from './rules/naming-rules.js';
import { networkRules } from './rules/network-rules.js';
import { privateDnsRules } from './rules/private-dns-rules.js';
import { rateLimitRules } from './rules/rate-limit-rules.js';
import { routeRules } from './rules/route-rules.js';
import type { RuleContext, SemanticRule } from './rules/rule.js';
import { serviceRules } from './rules/service-rules.js';
import { sharedSecretRules } from './rules/shared-secret-rules.js';
import { waypointRules } from './rules/waypoint-rules.js';
import { workloadIdentityRules } from './rules/workload-identity-rules.js';

export { reservedNamespaces } from './rules/naming-rules.js';
export type { RuleContext, SemanticRule } from './rules/rule.js';

/** The cross-field rules the loader runs after the schema, in report order. */
export const semanticRules: readonly SemanticRule[] = [
  ...namingRules,
  ...routeRules,
  ...serviceRules,
  ...sharedSecretRules,
  ...customPluginRules,
  ...waypointRules,
  ...networkRules,
  ...dedicatedDataPlaneRules,
  ...workloadIdentityRules,
  ...privateDnsRules,
  ...customDomainRules,
  ...edgeRules,
  ...environmentRules,
  ...imageRules,
  ...apiAccessRules,
  ...dataPlaneRules,
  ...rateLimitRules,
];

/** Runs every rule whose sections are schema-clean; returns how many ran. */
export function runSemanticRules(
  catalog: RouteCatalog,
  sectionsWithSchemaErrors: ReadonlySet<string>,
  report: (ruleId: string, ...problem: Parameters<RuleContext['report']>) => void,
  warn: (ruleId: string, ...warning: Parameters<RuleContext['warn']>) => void = () => {},
): number {
  let ran = 0;
  for (const rule of semanticRules) {
    const blocked = sectionsWithSchemaErrors.has('') && rule.needs.length > 0;
    if (blocked || rule.needs.some((section) => sectionsWithSchemaErrors.has(section))) continue;
    rule.check({
      catalog,
      report: (...problem) => report(rule.id, ...problem),
      warn: (...warning) => warn(rule.id, ...warning),
    });
    ran += 1;
  }
  return ran;
}
