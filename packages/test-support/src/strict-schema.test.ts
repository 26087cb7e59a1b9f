import { describe, expect, it } from 'vitest';
import { haveSharedSchemas } from './shared-schemas.js';
import { crdValidator, deckValidator } from './strict-schema.js';

describe.runIf(haveSharedSchemas())('official schemas', () => {
  it('rejects an unknown field in an HTTPRoute', () => {
    const validate = crdValidator('gateway.networking.k8s.io/httproute_v1.json');
    const route = {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: 'r' },
      spec: { parentRefs: [{ name: 'gw' }], bogus: true },
    };
    expect(validate(route)).toBe(false);
    delete (route.spec as Record<string, unknown>).bogus;
    expect(validate(route)).toBe(true);
  });
  it('compiles the decK schema', () => {
    const validate = deckValidator();
    expect(validate({ _format_version: '3.0', services: [{ name: 's', host: 'h' }] })).toBe(true);
  });
});
