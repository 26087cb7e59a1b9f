import type { EdgeOutput } from './edge-hop.js';
import { type ExplainRequest, type HopResult, rejected } from './explanation.js';
import { at, isObject, type Json, str } from './json.js';
import type { RenderedEnv } from './rendered-env.js';

const title = 'API Gateway HTTP API, VPC link and ALB';

function first(value: unknown): Json | undefined {
  return isObject(value) ? Object.values(value).find(isObject) : undefined;
}

/**
 * Whether a route key matches. HTTP APIs match `ANY` against every method; a greedy `{proxy+}`
 * needs at least one segment after its prefix, so `ANY /{proxy+}` does not match `/` (that would
 * need the `$default` route). Only the route keys routeplane renders are modelled.
 */
export function routeKeyMatches(routeKey: string, method: string, path: string): boolean {
  const [keyMethod, keyPath = ''] = routeKey.split(' ');
  if (keyMethod !== 'ANY' && keyMethod !== method) return false;
  const greedy = keyPath.match(/^(.*\/)\{[A-Za-z0-9_]+\+\}$/);
  if (greedy) {
    const prefix = greedy[1] ?? '/';
    return path.startsWith(prefix) && path.length > prefix.length;
  }
  return keyPath === path;
}

/** The environment renders an API Gateway entry (ecsFargate) instead of CloudFront. */
export function hasApiGatewayEntry(env: RenderedEnv): boolean {
  return first(at(env.terraform?.doc, 'resource', 'aws_apigatewayv2_api')) !== undefined;
}

/**
 * Hop 1 for `kong.dataPlane.kind: ecsFargate`: the HTTP API's route, the `$default` stage's
 * throttling, the VPC link into Kong's subnets and the internal ALB in front of the Kong tasks.
 * Kong sees the client's Host (the custom domain or the execute-api hostname).
 */
export function apiGatewayHop(env: RenderedEnv, request: ExplainRequest): HopResult<EdgeOutput> {
  const tf = env.terraform?.doc;
  const routes = Object.values((at(tf, 'resource', 'aws_apigatewayv2_route') as Json) ?? {})
    .filter(isObject)
    .map((r) => str(r.route_key) ?? '');
  const stage = first(at(tf, 'resource', 'aws_apigatewayv2_stage'));
  const domain = str(first(at(tf, 'resource', 'aws_apigatewayv2_domain_name'))?.domain_name);
  const listener = first(at(tf, 'resource', 'aws_lb_listener'));
  const target = first(at(tf, 'resource', 'aws_lb_target_group'));
  const host = request.host ?? domain ?? '<api-id>.execute-api.<region>.amazonaws.com';
  const lines = [
    `entry ${domain ?? 'execute-api endpoint'}, routes ${routes.join(', ') || 'none'}`,
    `stage ${str(stage?.name) ?? '?'}: throttling ${String(at(stage, 'default_route_settings', 'throttling_rate_limit') ?? '?')} requests/s, burst ${String(at(stage, 'default_route_settings', 'throttling_burst_limit') ?? '?')} (429 above)`,
    `VPC link -> internal ALB ${String(at(listener, 'protocol') ?? '?')}:${String(at(listener, 'port') ?? '?')} -> Kong tasks :${String(at(target, 'port') ?? '?')} (health ${String(at(target, 'health_check', 'path') ?? '?')}), Host sent: ${host}`,
  ];
  if (!routes.some((key) => routeKeyMatches(key, request.method, request.path))) {
    return rejected(
      title,
      lines,
      `no route of the HTTP API matches ${request.method} ${request.path}: API Gateway answers 404 {"message":"Not Found"}`,
    );
  }
  return { hop: { title, status: 'pass', lines }, next: { host } };
}
