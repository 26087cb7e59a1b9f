import { fixtureEnvironment, withSecondRegion } from '@routeplane/catalog/testing';
import { describe, expect, it } from 'vitest';
import { gatewayPolicyObjects } from './gateway-policies.js';

function ingressSources(objects: readonly Readonly<Record<string, unknown>>[]): unknown {
  const policy = objects.find(
    (o) =>
      o.kind === 'NetworkPolicy' &&
      (o.metadata as { name?: string } | undefined)?.name?.endsWith('-ingress') === true &&
      (o.metadata as { name?: string }).name !== 'default-deny-ingress',
  );
  const spec = policy?.spec as { ingress?: { from?: unknown }[] } | undefined;
  return spec?.ingress?.[0]?.from;
}

describe('the gateway NetworkPolicy', () => {
  it("admits the VPC and Kong's home network", () => {
    expect(ingressSources(gatewayPolicyObjects(fixtureEnvironment()))).toEqual([
      { ipBlock: { cidr: '10.20.0.0/16' } },
      { ipBlock: { cidr: '192.168.0.0/16' } },
    ]);
  });

  it("admits every data-plane region's Konnect network, and nothing else", () => {
    const env = fixtureEnvironment(withSecondRegion);
    expect(ingressSources(gatewayPolicyObjects(env))).toEqual([
      { ipBlock: { cidr: '10.20.0.0/16' } },
      { ipBlock: { cidr: '192.168.0.0/16' } },
      { ipBlock: { cidr: '192.169.0.0/16' } },
    ]);
  });

  it("admits only the VPC through a private endpoint: Kong's networks never reach the pods", () => {
    const env = fixtureEnvironment((c) => {
      const [dev] = c.environments;
      if (!dev) throw new Error('fixture has no dev');
      dev.connectivity = 'privateEndpoint';
    });
    expect(ingressSources(gatewayPolicyObjects(env))).toEqual([
      { ipBlock: { cidr: '10.20.0.0/16' } },
    ]);
  });
});
