import { explainRequest, type ParsedFile, renderedEnv } from '@routeplane/explain';
import { editFirstDocument } from '@routeplane/test-support';
import { readTree } from '@routeplane/validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderedExample } from './rendered-example.fixture.js';

/**
 * Issue 16 item 9: a route with client-facing `hosts`, followed through the rendered CloudFront
 * distribution (its viewer-request function runs in V8) and the rendered kong.yaml (Kong's router
 * model), for the example examples/viewer-hosts.
 */
describe('examples/viewer-hosts: client-facing hosts reach Kong behind CloudFront', () => {
  let files: ParsedFile[] = [];
  beforeAll(async () => {
    const { root, code } = await renderedExample('viewer-hosts');
    expect(code).toBe(0);
    files = readTree(root);
  }, 120_000);

  const explain = (env: string, host: string, tree: readonly ParsedFile[] = files) =>
    explainRequest(renderedEnv(env, tree), { method: 'GET', path: '/app2/orders', host });

  it.each([
    ['dev', 'api.dev.example.com', 'proxy.kong-cloud-gw-dev.example.com'],
    ['prod', 'api.example.com', 'proxy.kong-cloud-gw-prod.example.com'],
    ['prod', 'API.Example.com', 'proxy.kong-cloud-gw-prod.example.com'],
  ])('%s: Host %s is carried in x-viewer-host and selects app2', (env, host, origin) => {
    const e = explain(env, host);
    expect(e.outcome).toBe('delivered');
    // The origin keeps its own name as Host and TLS name; the viewer's Host travels in a header.
    expect(e.request.host).toBe(origin);
    expect(e.hops[0]?.lines.join('\n')).toContain(`sets x-viewer-host: ${host}`);
    expect(e.hops[1]?.lines.join('\n')).toMatch(/selected\s+app2 \/app2\/: matches/);
  });

  it('refuses a Host the route does not list, at Kong', () => {
    const e = explain('dev', 'other.example.com');
    expect(e.outcome).toBe('rejected');
    expect(e.hops[1]?.status).toBe('fail');
    expect(e.hops[1]?.lines.join('\n')).toContain(
      'header X-Viewer-Host: other.example.com is not one of api.dev.example.com, api.example.com',
    );
  });

  it('shows why plain `hosts` never matched behind CloudFront (the bug this fixes)', () => {
    const asHosts = editFirstDocument(files, 'deck/dev/kong.yaml', (json) =>
      json.replace(
        '"headers":{"X-Viewer-Host":["api.dev.example.com","api.example.com"]}',
        '"hosts":["api.dev.example.com","api.example.com"]',
      ),
    );
    const e = explain('dev', 'api.dev.example.com', asHosts);
    expect(e.outcome).toBe('rejected');
    expect(e.hops[1]?.lines.join('\n')).toContain(
      'host proxy.kong-cloud-gw-dev.example.com is not one of api.dev.example.com, api.example.com',
    );
  });
});
