import type { GatewayModel, RouteModel } from '@routeplane/model';
import { ApiObject } from 'cdk8s';
import type { HttpRouteMatch, HttpRouteRule, HttpRouteSpec } from './crd-types.js';
import { httpsListener } from './gateway.js';
import { type K8sObject, synthObjects } from './synth.js';

/** Gateway API caps `rules[].matches` at 64 entries; larger products are split over rules. */
const maxMatchesPerRule = 64;

/** Every path × method pair; no method means any method. */
function routeMatches(route: RouteModel): HttpRouteMatch[] {
  const methods: readonly (string | undefined)[] =
    route.methods.length > 0 ? route.methods : [undefined];
  return route.paths.flatMap((value) =>
    methods.map((method) => ({
      path: { type: 'PathPrefix', value } as const,
      ...(method === undefined ? {} : { method }),
    })),
  );
}

export function httpRouteSpec(route: RouteModel, gw: GatewayModel): HttpRouteSpec {
  const backendRef = {
    name: route.backend.name,
    // Omitted when equal: a same-namespace reference needs no ReferenceGrant.
    ...(route.backend.namespace === route.namespace ? {} : { namespace: route.backend.namespace }),
    port: route.backend.port,
  };
  const matches = routeMatches(route);
  const rules: HttpRouteRule[] = [];
  for (let i = 0; i < matches.length; i += maxMatchesPerRule) {
    rules.push({
      matches: matches.slice(i, i + maxMatchesPerRule),
      ...(route.timeouts === undefined
        ? {}
        : {
            timeouts: {
              request: route.timeouts.request,
              ...(route.timeouts.backendRequest === undefined
                ? {}
                : { backendRequest: route.timeouts.backendRequest }),
            },
          }),
      backendRefs: [backendRef],
    });
  }
  return {
    parentRefs: [
      {
        group: 'gateway.networking.k8s.io',
        kind: 'Gateway',
        name: gw.name,
        ...(gw.namespace === route.namespace ? {} : { namespace: gw.namespace }),
        sectionName: httpsListener,
      },
    ],
    // No hostnames: catalog hosts are client-facing and matched by Kong only. Kong sends every
    // request with Host = the listener hostname, which the HTTPRoute inherits from its listener.
    rules,
  };
}

export function httpRouteObjects(route: RouteModel, gw: GatewayModel): K8sObject[] {
  return synthObjects(route.namespace, (scope) => {
    new ApiObject(scope, route.name, {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: route.name },
      spec: httpRouteSpec(route, gw),
    });
  });
}
