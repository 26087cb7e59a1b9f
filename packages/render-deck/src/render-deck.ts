import type { KongFile } from '@routeplane/deck-types';
import type { EnvironmentModel, Model, RenderedFile } from '@routeplane/model';
import { deckFile } from '@routeplane/model';
import { kongConsumers } from './consumers.js';
import { DeckRenderError } from './errors.js';
import { gatewayCaCertificate, kongClientCertificate } from './gateway-tls.js';
import { originCheckPlugin } from './origin-check.js';
import { assertSamePrecedence } from './precedence-guard.js';
import { konnectManagedPartialTag } from './rate-limit-plugin.js';
import { kongServices } from './services.js';
import { gatewayUpstream } from './upstream.js';

function assertRouteBackendsExist(env: EnvironmentModel): void {
  const known = new Set(env.services.map((s) => `${s.namespace}/${s.name}`));
  const missing = env.routes.filter((r) => !known.has(`${r.backend.namespace}/${r.backend.name}`));
  if (missing.length > 0) {
    throw new DeckRenderError(
      `environment ${env.name}: routes ${missing.map((r) => `${r.name} -> ${r.backend.namespace}/${r.backend.name}`).join(', ')} reference no backend`,
    );
  }
}

const usesManagedCache = (env: EnvironmentModel) =>
  env.routes.some((r) => r.plugins.rateLimiting?.policy === 'managedCache');

/**
 * The decK state of one environment. Every entity carries the select tags, so `deck gateway sync`
 * creates, changes and deletes only what routeplane owns in the control plane.
 */
export function renderKongFile(env: EnvironmentModel): KongFile {
  assertRouteBackendsExist(env);
  assertSamePrecedence(env);
  const tags = [...env.kong.selectTags];
  const ca = gatewayCaCertificate(env, tags);
  const client = kongClientCertificate(env, tags);
  const origin = originCheckPlugin(env, tags);
  const consumers = kongConsumers(env, tags);
  return {
    _format_version: '3.0',
    _konnect: { control_plane_name: env.kong.controlPlaneName },
    _info: {
      select_tags: tags,
      // The managed cache's partial is Konnect's, tagged konnect-managed: outside the select tags.
      ...(usesManagedCache(env)
        ? { default_lookup_tags: { partials: [konnectManagedPartialTag] } }
        : {}),
    },
    ca_certificates: [ca],
    certificates: [client],
    upstreams: [gatewayUpstream(env, tags)],
    services: kongServices(env, tags, { caCertificateId: ca.id, clientCertificateId: client.id }),
    ...(origin === undefined ? {} : { plugins: [origin] }),
    ...(consumers.length > 0 ? { consumers } : {}),
  };
}

/** One `deck/<env>/kong.yaml` per environment. */
export function renderDeck(model: Model): RenderedFile[] {
  return model.environments.map((env) => ({
    path: deckFile(env.name),
    content: { kind: 'yaml', documents: [renderKongFile(env)] },
  }));
}
