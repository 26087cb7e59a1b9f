import { describe, expect, it } from 'vitest';
import { haveSharedSchemas } from './shared-schemas.js';
import { crdValidator, deckValidator, strictify } from './strict-schema.js';

describe('strictify', () => {
  it('closes objects that list properties', () => {
    expect(strictify({ type: 'object', properties: { a: { type: 'string' } } })).toEqual({
      type: 'object',
      properties: { a: { type: 'string' } },
      additionalProperties: false,
    });
  });
  it('leaves free-form and map objects open', () => {
    const free = { type: 'object', properties: {}, 'x-kubernetes-preserve-unknown-fields': true };
    expect(strictify(free)).toEqual(free);
    const map = { type: 'object', additionalProperties: { type: 'string' } };
    expect(strictify(map)).toEqual(map);
  });
  it('does not touch enum values', () => {
    const schema = { enum: [{ properties: { x: 1 } }] };
    expect(strictify(schema)).toEqual(schema);
  });
});

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
