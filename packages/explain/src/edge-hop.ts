import { type ExplainRequest, type HopResult, rejected } from './explanation.js';
import { at, isObject, objects, str, strings } from './json.js';
import type { RenderedEnv } from './rendered-env.js';
import { runViewerFunction, viewerRequestFunction } from './viewer-function.js';

/**
 * What the edge hands to Kong: the Host it sends (the origin domain), the shared header's name and
 * the headers the viewer-request function adds (lower-case names).
 */
export interface EdgeOutput {
  readonly host: string;
  readonly originHeader?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

function first(value: unknown): Readonly<Record<string, unknown>> | undefined {
  return isObject(value) ? Object.values(value).find(isObject) : undefined;
}

function wafRule(rule: Readonly<Record<string, unknown>>): string {
  const name = str(rule.name) ?? '?';
  const priority = String(at(rule, 'priority') ?? '?');
  const rate = at(rule, 'statement', 'rate_based_statement');
  if (isObject(rate)) {
    return `${priority} ${name}: blocks a client IP above ${String(rate.limit)} requests per ${String(rate.evaluation_window_sec ?? 300)} s`;
  }
  const group = str(at(rule, 'statement', 'managed_rule_group_statement', 'name'));
  const counted = objects(
    at(rule, 'statement', 'managed_rule_group_statement', 'rule_action_override'),
  )
    .map((o) => str(o.name))
    .filter((n) => n !== undefined);
  return `${priority} ${name}: managed group ${group ?? '?'}${counted.length > 0 ? ` (${counted.join(', ')} only counted)` : ''}`;
}

/**
 * Hop 1: the CloudFront behaviour (methods, viewer protocol, origin) and the WAF rules, read from
 * the environment's Terraform JSON. CloudFront forwards every viewer header but Host (origin request
 * policy AllViewerExceptHostHeader), so Kong sees the origin domain as Host; the rendered
 * viewer-request function runs on the request and the headers it sets travel on to Kong.
 */
export function edgeHop(env: RenderedEnv, request: ExplainRequest): HopResult<EdgeOutput> {
  const title = 'CloudFront behaviour and WAF';
  const tf = env.terraform?.doc;
  const distribution = first(at(tf, 'resource', 'aws_cloudfront_distribution'));
  if (distribution === undefined) {
    return rejected(
      title,
      [],
      `no aws_cloudfront_distribution in ${env.terraform?.file ?? 'the Terraform JSON'}`,
    );
  }
  const behaviour = at(distribution, 'default_cache_behavior');
  const methods = strings(at(behaviour, 'allowed_methods'));
  const [origin] = objects(distribution.origin);
  const originDomain = str(origin?.domain_name) ?? '';
  const originHeader = str(at(origin, 'custom_header', 0, 'name'));
  const lines = [
    `viewer ${strings(distribution.aliases).join(', ')} -> default behaviour, viewer protocol ${str(at(behaviour, 'viewer_protocol_policy')) ?? '?'}, methods ${methods.join(', ')}`,
    isObject(at(origin, 'vpc_origin_config'))
      ? `origin ${originDomain} through a CloudFront VPC origin (the internal ALB, no public address), Host sent: ${originDomain}`
      : `origin ${originDomain}:${String(at(origin, 'custom_origin_config', 'https_port') ?? 443)} (${str(at(origin, 'custom_origin_config', 'origin_protocol_policy')) ?? '?'}${isObject(at(origin, 'custom_origin_config', 'origin_mtls_config')) ? ', origin mTLS' : ''}), Host sent: ${originDomain}`,
    ...(originHeader
      ? [`adds header ${originHeader} (value from a Terraform variable, never rendered)`]
      : []),
  ];
  const acl = first(at(tf, 'resource', 'aws_wafv2_web_acl'));
  if (acl !== undefined) {
    const rules = objects(acl.rule).sort((a, b) => Number(a.priority) - Number(b.priority));
    lines.push(
      `WAF ${str(acl.name) ?? ''} (default ${Object.keys(at(acl, 'default_action') ?? {}).join('') || '?'}), rules in priority order:`,
    );
    lines.push(...rules.map((r) => `  ${wafRule(r)}`));
  }
  const viewerHost = request.host ?? strings(distribution.aliases)[0] ?? originDomain;
  const fn = viewerRequestFunction(tf, behaviour);
  const added =
    fn === undefined
      ? {}
      : runViewerFunction(fn, { method: request.method, path: request.path, host: viewerHost });
  if (fn !== undefined) {
    const shown = Object.entries(added).map(([k, v]) => `${k}: ${v}`);
    lines.push(
      `viewer-request function ${fn.name} (run on Host ${viewerHost}) sets ${shown.join(', ') || 'no header'}`,
    );
  }
  if (!methods.includes(request.method)) {
    return rejected(
      title,
      lines,
      `CloudFront refuses method ${request.method} (403): not an allowed method`,
    );
  }
  return {
    hop: { title, status: 'pass', lines },
    next: {
      host: originDomain,
      ...(originHeader ? { originHeader } : {}),
      ...(fn === undefined ? {} : { headers: added }),
    },
  };
}
