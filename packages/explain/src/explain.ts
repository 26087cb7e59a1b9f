import { albEdge, albEdgeHop } from './alb-edge-hop.js';
import { apiGatewayHop, hasApiGatewayEntry } from './api-gateway-hop.js';
import { meshHop, serviceHop } from './backend-hops.js';
import { directEdgeHop, directKongDomain } from './direct-edge-hop.js';
import { edgeHop } from './edge-hop.js';
import {
  type ExplainRequest,
  type Explanation,
  type Hop,
  type HopResult,
  rejected,
} from './explanation.js';
import { httpRouteHop, listenerHop } from './gateway-hops.js';
import { kongRouteHop, pluginsHop, upstreamHop } from './kong-hops.js';
import type { RenderedEnv } from './rendered-env.js';

const titles = [
  'CloudFront behaviour and WAF',
  'Kong route',
  'Kong plugins, in execution order',
  'Kong upstream',
  'NLB and Gateway listener',
  'HTTPRoute rule and ReferenceGrant',
  'Service and pods',
  'Mesh policies',
] as const;

/** Collects hops in order; after the first failure the remaining hops are listed as skipped. */
class Trace {
  readonly hops: Hop[] = [];
  failed = false;

  add<T>(result: HopResult<T>): T | undefined {
    this.hops.push({ step: this.hops.length + 1, ...result.hop });
    if (result.hop.status === 'fail' || result.next === undefined) this.failed = true;
    return result.next;
  }

  finish(): Hop[] {
    for (let i = this.hops.length; i < titles.length; i++) {
      this.hops.push({
        step: i + 1,
        title: titles[i] ?? '',
        status: 'skipped',
        lines: ['not reached'],
      });
    }
    return this.hops;
  }
}

/** Runs hops 2-8 after the edge; returns at the first hop that does not hand anything on. */
function traceFromKong(
  trace: Trace,
  env: RenderedEnv,
  method: string,
  path: string,
  host: string,
  headers: Readonly<Record<string, string>>,
): void {
  const kong = env.kong?.doc;
  if (kong === undefined) {
    trace.add(rejected(titles[1], [], 'no deck/<env>/kong.yaml is rendered'));
    return;
  }
  const match = trace.add(kongRouteHop(kong, { method, path, host, headers }));
  if (match === undefined) return;
  trace.add(pluginsHop(kong, match));
  const upstream = trace.add(upstreamHop(kong, match));
  if (upstream === undefined) return;
  const listener = trace.add(listenerHop(env, upstream));
  if (listener === undefined) return;
  const backend = trace.add(httpRouteHop(env, listener, method, match.forwardedPath));
  if (backend === undefined) return;
  const pod = trace.add(serviceHop(env, backend));
  if (pod === undefined) return;
  trace.add(meshHop(env, pod, listener, { method, path: match.forwardedPath }));
}

/** Traces one request through an environment's rendered files, hop by hop. */
export function explainRequest(env: RenderedEnv, request: ExplainRequest): Explanation {
  const trace = new Trace();
  const method = request.method.toUpperCase();
  const edgeRequest = { ...request, method };
  // ecsFargate environments are entered through API Gateway, dedicated ones through CloudFront
  // or, with aws.edge.kind none, directly through Kong's custom domain, or alb, through an ALB.
  const direct = directKongDomain(env);
  const alb = albEdge(env);
  const edge = trace.add(
    hasApiGatewayEntry(env)
      ? apiGatewayHop(env, edgeRequest)
      : alb !== undefined
        ? albEdgeHop(alb, edgeRequest)
        : direct !== undefined
          ? directEdgeHop(direct, edgeRequest)
          : edgeHop(env, edgeRequest),
  );
  const host = edge?.host ?? request.host ?? '';
  if (edge !== undefined) traceFromKong(trace, env, method, request.path, host, edge.headers ?? {});
  return {
    environment: env.name,
    request: { method, path: request.path, host },
    outcome: trace.failed ? 'rejected' : 'delivered',
    hops: trace.finish(),
  };
}

/** Human text: one block per hop, status first. */
export function formatExplanation(explanation: Explanation): string {
  const { request } = explanation;
  const out = [
    `${request.method} ${request.path} (Host at Kong: ${request.host}) in ${explanation.environment}: ${explanation.outcome}`,
    '',
  ];
  for (const hop of explanation.hops) {
    out.push(`${hop.step}. ${hop.title} [${hop.status}]`, ...hop.lines.map((l) => `   ${l}`), '');
  }
  return out.join('\n');
}
