import { describe, expect, it } from 'vitest';
import { CatalogError } from '../problems.js';
import { fixtureCaCertificateFile, fixtureEnvironment, fixtureModel, largeModel } from './index.js';

describe('fixtureModel', () => {
  it('resolves dev and prod, prod with its overrides', () => {
    const model = fixtureModel();
    expect(model.environments.map((e) => e.name)).toEqual(['dev', 'prod']);
    const prod = fixtureEnvironment(undefined, 'prod');
    expect(prod.gateway.replicas).toBe(3);
    expect(prod.kong.upstream.host).toEqual({
      kind: 'literal',
      value: 'gateway.prod.internal.example.com',
    });
  });

  it('applies an edit to that Model only', () => {
    const edited = fixtureEnvironment((c) => {
      c.gateway.replicas = 4;
    });
    expect(edited.gateway.replicas).toBe(4);
    expect(fixtureEnvironment().gateway.replicas).toBe(2);
  });

  it('reads the placeholder CA the way a catalog names one', () => {
    const env = fixtureEnvironment((c) => {
      c.kong.upstream.caCertificateFile = fixtureCaCertificateFile;
    });
    expect(env.kong.upstream.caCertificatePem).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
  });

  it('refuses an edit the loader refuses, with the loader error', () => {
    expect(() =>
      fixtureModel((c) => {
        c.gateway.replicas = 1;
      }),
    ).toThrow(CatalogError);
  });

  it('builds large Models with the asked number of routes', () => {
    const env = largeModel(120).environments[0];
    expect(env?.routes).toHaveLength(120);
    expect(env?.services).toHaveLength(12);
    expect(new Set(env?.services.map((s) => s.namespace)).size).toBe(5);
  });
});
