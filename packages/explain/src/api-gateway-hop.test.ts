import { describe, expect, it } from 'vitest';
import { apiGatewayHop, hasApiGatewayEntry, routeKeyMatches } from './api-gateway-hop.js';
import type { RenderedEnv } from './rendered-env.js';

describe('routeKeyMatches (HTTP API route keys)', () => {
  it.each([
    ['ANY /{proxy+}', 'GET', '/app1', true],
    ['ANY /{proxy+}', 'DELETE', '/api/users/1', true],
    ['ANY /{proxy+}', 'GET', '/', false],
    ['GET /{proxy+}', 'POST', '/app1', false],
    ['ANY /api/{proxy+}', 'GET', '/api/', false],
    ['ANY /api/{proxy+}', 'GET', '/api/users', true],
    ['GET /healthz', 'GET', '/healthz', true],
    ['GET /healthz', 'GET', '/healthz/x', false],
  ])('%s with %s %s: %s', (key, method, path, matches) => {
    expect(routeKeyMatches(key, method, path)).toBe(matches);
  });
});

const env = (resource: Record<string, unknown>): RenderedEnv => ({
  name: 'prod',
  objects: [],
  terraform: { file: 'generated/terraform/prod/main.tf.json', doc: { resource } },
});
const rendered = env({
  aws_apigatewayv2_api: { kong_http_api: { protocol_type: 'HTTP' } },
  aws_apigatewayv2_route: { kong_proxy_route: { route_key: 'ANY /{proxy+}' } },
  aws_apigatewayv2_stage: {
    kong_default_stage: {
      name: '$default',
      default_route_settings: { throttling_rate_limit: 200, throttling_burst_limit: 400 },
    },
  },
  aws_apigatewayv2_domain_name: { kong_api_domain: { domain_name: 'api.example.com' } },
  aws_lb_listener: { kong_alb_listener: { port: 80, protocol: 'HTTP' } },
  aws_lb_target_group: {
    kong_proxy_target_group: { port: 8000, health_check: { path: '/status/ready' } },
  },
});

describe('apiGatewayHop', () => {
  it('is the entry only where the Terraform renders an HTTP API', () => {
    expect(hasApiGatewayEntry(rendered)).toBe(true);
    expect(hasApiGatewayEntry(env({ aws_cloudfront_distribution: { d: {} } }))).toBe(false);
  });

  it('passes a request with a path below / and hands Kong the custom domain as Host', () => {
    const result = apiGatewayHop(rendered, { method: 'GET', path: '/app1' });
    expect(result.hop.status).toBe('pass');
    expect(result.next).toEqual({ host: 'api.example.com' });
    expect(result.hop.lines).toContain(
      'stage $default: throttling 200 requests/s, burst 400 (429 above)',
    );
  });

  it("rejects / with API Gateway's 404: ANY /{proxy+} needs a segment", () => {
    const result = apiGatewayHop(rendered, { method: 'GET', path: '/' });
    expect(result.hop.status).toBe('fail');
    expect(result.hop.lines.at(-1)).toContain('API Gateway answers 404');
  });
});
