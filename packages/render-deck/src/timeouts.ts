import type { RouteModel } from '@routeplane/model';

/** Kong's default connect/read/write timeout of a service (kong/db/schema/entities/services.lua). */
export const kongDefaultTimeoutMs = 60_000;
/** How much longer Kong waits than the slowest HTTPRoute request timeout of the service's routes. */
export const kongTimeoutMarginMs = 1000;

/**
 * Kong's `read_timeout` and `write_timeout` for a service whose routes set HTTPRoute timeouts: the
 * longest request timeout among them plus a margin, so the Istio gateway always gives up first and
 * Kong relays its 504. Kong retries (`retries`, default 5) only failed connections and its own
 * timeouts, never an HTTP status (kong/runloop/balancer), so with this rule a request the gateway
 * already took is never sent twice. Routes without timeouts keep Kong's default as their bound.
 * Undefined when no route sets timeouts: Kong's defaults stay, nothing is rendered.
 */
export function kongServiceTimeoutMs(routes: readonly RouteModel[]): number | undefined {
  if (!routes.some((r) => r.timeouts !== undefined)) return undefined;
  const longest = Math.max(
    ...routes.map((r) => r.timeouts?.requestMs ?? kongDefaultTimeoutMs - kongTimeoutMarginMs),
  );
  return longest + kongTimeoutMarginMs;
}
