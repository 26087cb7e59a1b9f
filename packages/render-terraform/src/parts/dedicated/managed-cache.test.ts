import { fixtureEnvironment } from '@routeplane/catalog/testing';
import { describe, expect, it } from 'vitest';
import { ref, resource, resources, synth } from '../../terraform-json.fixture.js';

type Catalog = Parameters<NonNullable<Parameters<typeof fixtureEnvironment>[0]>>[0];

const withManagedCache = (c: Catalog) => {
  c.versions.kongGateway = '3.13';
  c.kong.managedCache = { tier: 'medium' };
};

describe("the environment's Konnect managed cache", () => {
  const tf = synth(fixtureEnvironment(withManagedCache, 'prod'));

  it('provisions the add-on on the control plane, after the data planes exist', () => {
    expect(resource(tf, 'konnect_cloud_gateway_addon', 'managed_cache')).toEqual({
      provider: 'konnect',
      name: 'kong-cloud-gw-prod-managed-cache',
      owner: {
        control_plane: {
          control_plane_id: ref('konnect_gateway_control_plane.control_plane.id'),
          control_plane_geo: 'eu',
        },
      },
      config: { managed_cache: { capacity_config: { tiered: { tier: 'medium' } } } },
      depends_on: ['konnect_cloud_gateway_configuration.cloud_gateway_configuration'],
    });
  });

  it("outputs the id of Konnect's partial for decK", () => {
    expect(tf.output?.managed_cache_partial_id).toEqual({
      value: ref(
        'konnect_cloud_gateway_addon.managed_cache.config.managed_cache_add_on_config_response.state_metadata.cache_config_id',
      ),
      description:
        "Value of DECK_MANAGED_CACHE_PARTIAL_ID for decK: the managed cache's Redis partial",
    });
  });

  it('provisions nothing without kong.managedCache', () => {
    const without = synth(fixtureEnvironment());
    expect(resources(without, 'konnect_cloud_gateway_addon')).toEqual({});
    expect(without.output?.managed_cache_partial_id).toBeUndefined();
  });
});
