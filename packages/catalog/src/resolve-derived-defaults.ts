import type { KongConnectivity, SampleResponse } from '@routeplane/model';
import { compareText } from '@routeplane/model';
import type { Environment, Service } from './catalog-with-defaults.generated.js';

/*
 * Defaults that follow from other fields, so the schema cannot state them as a `default` (it
 * describes each one instead): this file is the one place that computes each. Every other default
 * is the schema's, applied by ajv when the loader validates (catalog-validator-source.ts).
 */

/** One Terraform state per environment: `routeplane/<environment>` unless the catalog says. */
export function stateKeyPrefix(state: { readonly keyPrefix?: string }, envName: string): string {
  return state.keyPrefix ?? `routeplane/${envName}`;
}

/** Kong reaches the gateway's HTTPS listener, so its port is the default (rules refuse others). */
export function kongUpstreamPort(upstream: { readonly port?: number }, httpsPort: number): number {
  return upstream.port ?? httpsPort;
}

/** Autopilot's base RPS; only a Dedicated Cloud Gateway in autopilot reads it. */
export function dataPlaneBaseRps(env: Environment): number {
  return env.dataPlaneBaseRps ?? 100;
}

/** How a Dedicated Cloud Gateway reaches the gateway; ECS Fargate refuses the key. */
export function kongConnectivity(env: Pick<Environment, 'connectivity'>): KongConnectivity {
  return env.connectivity ?? 'transitGateway';
}

/** The VPC link's subnets: all of Kong's app subnets unless the catalog picks some. */
export function vpcLinkSubnets(
  apiGateway: { readonly vpcLinkSubnets?: readonly string[] },
  appSubnets: readonly string[],
): string[] {
  return [...(apiGateway.vpcLinkSubnets ?? appSubnets)];
}

/**
 * The sample responses a backend serves, sorted by path: the catalog's, plus a 200 JSON answer on
 * the health path when the catalog gives that path no response, so the readiness probe passes.
 */
export function sampleResponses(service: Service): SampleResponse[] {
  const responses = (service.responses ?? []).map((r) => ({
    path: r.path,
    status: r.status,
    contentType: r.contentType,
    body: r.body,
  }));
  if (!responses.some((r) => r.path === service.healthPath)) {
    responses.push({
      path: service.healthPath,
      status: 200,
      contentType: 'application/json',
      body: '{"status":"healthy"}',
    });
  }
  return responses.sort((a, b) => compareText(a.path, b.path));
}
