import { editFirstDocument, repoRoot } from '@routeplane/test-support';
import { readTree } from '@routeplane/validate';
import { describe, expect, it } from 'vitest';
import { explainRequest, formatExplanation } from './explain.js';
import type { Explanation } from './explanation.js';
import { type ParsedFile, renderedEnv } from './rendered-env.js';

/** The committed tree: what Argo CD and decK apply for the shipped catalog. */
const shipped: readonly ParsedFile[] = readTree(repoRoot);

function explain(
  method: string,
  path: string,
  env = 'dev',
  files: readonly ParsedFile[] = shipped,
  host?: string,
): Explanation {
  return explainRequest(renderedEnv(env, files), { method, path, ...(host ? { host } : {}) });
}

const statuses = (e: Explanation) => e.hops.map((h) => h.status);
const hop = (e: Explanation, step: number) => e.hops[step - 1];

/** The tree with every document for which `drop` is true removed (a hand edit, a missing file). */
function without(drop: (doc: Record<string, unknown>) => boolean): ParsedFile[] {
  return shipped.map((f) => ({
    path: f.path,
    documents: f.documents.filter(
      (d) => !(typeof d === 'object' && d !== null && drop(d as Record<string, unknown>)),
    ),
  }));
}

const named = (kind: string, name: string) => (d: Record<string, unknown>) =>
  d.kind === kind && (d.metadata as { name?: string } | undefined)?.name === name;

describe('explain on the shipped catalog', () => {
  it('says why /app10 matches no Kong route, and stops there', () => {
    const e = explain('GET', '/app10');
    expect(e.outcome).toBe('rejected');
    expect(statuses(e)).toEqual(['pass', 'fail', ...Array(6).fill('skipped')]);
    const lines = hop(e, 2)?.lines.join('\n') ?? '';
    expect(lines).toContain('app1 ~/app1$: /app10 does not match the regex /app1$');
    expect(lines).toContain('app1 /app1/: /app10 does not start with /app1/');
    expect(lines).toContain('no route matches');
  });

  it('delivers GET /app1/info through all eight hops', () => {
    const e = explain('GET', '/app1/info');
    expect(e.outcome).toBe('delivered');
    expect(statuses(e)).toEqual(Array(8).fill('pass'));
    expect(hop(e, 1)?.lines[1]).toContain('Host sent: proxy.kong-cloud-gw-dev.example.com');
    expect(hop(e, 4)?.lines).toContain(
      'Host and TLS SNI: gateway.internal.example.com (upstream host_header)',
    );
    expect(hop(e, 6)?.lines.join('\n')).toContain(
      'ReferenceGrant sample-apps/httproutes-from-istio-ingress admits HTTPRoutes from istio-ingress to Service sample-app-1',
    );
    expect(hop(e, 7)?.lines[1]).toContain('container server port 8080');
    expect(hop(e, 8)?.lines.at(-1)).toBe('the request reaches sample-apps/sample-app-1');
  });

  it('lists the users-api plugins in Kong priority order with the environment rate limit', () => {
    const prod = explain('POST', '/api/users/7', 'prod');
    expect(hop(prod, 3)?.lines.map((l) => l.split(' (')[0])).toEqual([
      '1. pre-function',
      '2. cors',
      '3. jwt',
      '4. rate-limiting-advanced',
      '5. request-transformer',
    ]);
    expect(hop(prod, 3)?.lines[3]).toContain(
      '600/60s per consumer (fixed windows, strategy redis: one count for every data-plane node, synced every 0.5 s), else 429',
    );
    expect(hop(explain('POST', '/api/users', 'dev'), 3)?.lines[3]).toContain('100/60s');
  });

  it('says a local rate limit counts on each data-plane node', () => {
    const local = { name: 'rate-limiting', config: { minute: 5, policy: 'local', limit_by: 'ip' } };
    const files = editFirstDocument(shipped, 'deck/dev/kong.yaml', (json) =>
      json.replace(
        /\{"name":"rate-limiting-advanced".*?"tags":\["routeplane"\]\}/,
        JSON.stringify(local),
      ),
    );
    expect(hop(explain('POST', '/api/users', 'dev', files), 3)?.lines[3]).toBe(
      '4. rate-limiting (route users-api): 5/minute per ip (policy local: counted on each data-plane node), else 429',
    );
  });

  it.each([
    ['PATCH', '/api/users', 2, 'method PATCH is not one of DELETE, GET, OPTIONS, POST, PUT'],
    ['CONNECT', '/app1', 1, 'CloudFront refuses method CONNECT'],
  ])('%s %s stops at hop %i', (method, path, step, reason) => {
    const e = explain(method, path);
    expect(hop(e, step)?.status).toBe('fail');
    expect(hop(e, step)?.lines.join('\n')).toContain(reason);
  });

  it('sends the Host given with --host to Kong in X-Viewer-Host, the origin name as Host', () => {
    const e = explain('GET', '/healthz', 'dev', shipped, 'other.example.com');
    expect(e.request.host).toBe('proxy.kong-cloud-gw-dev.example.com');
    expect(hop(e, 1)?.lines.join('\n')).toContain('sets x-viewer-host: other.example.com');
    expect(hop(e, 2)?.lines[1]).toBe('  with header x-viewer-host: other.example.com');
    expect(e.outcome).toBe('delivered');
  });
});

describe('explain finds what a broken tree breaks', () => {
  it.each([
    [
      'a missing ReferenceGrant',
      named('ReferenceGrant', 'httproutes-from-istio-ingress'),
      6,
      'no ReferenceGrant in sample-apps lets HTTPRoutes from istio-ingress reference Service sample-app-1',
    ],
    ['a missing HTTPRoute', named('HTTPRoute', 'app1'), 6, 'no rule matches'],
    [
      'a missing Service',
      named('Service', 'sample-app-1'),
      7,
      'no Service sample-apps/sample-app-1',
    ],
    [
      'a missing ALLOW policy',
      named('AuthorizationPolicy', 'sample-app-1'),
      8,
      'the mesh rejects the connection',
    ],
    [
      'a missing ingress NetworkPolicy',
      named('NetworkPolicy', 'sample-app-1-ingress'),
      8,
      'do NOT admit port 8080',
    ],
    ['a missing Gateway', named('Gateway', 'kong-cloud-gw-gateway'), 5, 'no Gateway listener'],
  ])('%s fails hop %i', (_what, drop, step, reason) => {
    const e = explain('GET', '/app1/x', 'dev', without(drop));
    expect(e.outcome).toBe('rejected');
    expect(hop(e, step)?.status).toBe('fail');
    expect(hop(e, step)?.lines.join('\n')).toContain(reason);
    expect(e.hops.slice(step).every((h) => h.status === 'skipped')).toBe(true);
  });
});

describe('formatExplanation', () => {
  it('prints the outcome, then each hop with its status', () => {
    const text = formatExplanation(explain('GET', '/app10'));
    expect(text.split('\n')[0]).toBe(
      'GET /app10 (Host at Kong: proxy.kong-cloud-gw-dev.example.com) in dev: rejected',
    );
    expect(text).toContain('2. Kong route [fail]');
    expect(text).toContain('8. Mesh policies [skipped]');
  });
});
