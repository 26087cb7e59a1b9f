import { describe, expectTypeOf, it } from 'vitest';
import type { KongFile, KongRoute, KongService } from './index.js';

describe('exported types', () => {
  it('close entities: an unknown field is a type error', () => {
    // @ts-expect-error `bogus` is not a decK route field
    const route: KongRoute = { name: 'r', bogus: true };
    expectTypeOf(route).toEqualTypeOf<KongRoute>();
  });
  it('nest routes in services and services in the file', () => {
    const file: KongFile = {
      _format_version: '3.0',
      services: [{ name: 's', host: 'h', routes: [{ name: 'r', paths: ['/'] }] }],
    };
    expectTypeOf(file.services).toEqualTypeOf<KongService[] | undefined>();
  });
});
