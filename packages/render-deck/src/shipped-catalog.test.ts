import { join } from 'node:path';
import { loadModel, looksLikeRandomToken, looksLikeSecret } from '@routeplane/catalog';
import { repoRoot } from '@routeplane/test-support';
import { describe, expect, it } from 'vitest';
import { describeOfficialDeckSchema } from './deck-schema.fixture.js';
import { renderDeck } from './index.js';

const model = loadModel(join(repoRoot, 'catalog.yaml'));
const files = renderDeck(model);

function strings(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (Array.isArray(node)) return node.flatMap(strings);
  if (typeof node === 'object' && node !== null) return Object.values(node).flatMap(strings);
  return [];
}

describe('the shipped catalog', () => {
  it('renders deck/<env>/kong.yaml for every environment', () => {
    expect(files.map((f) => f.path)).toEqual(
      model.environments.map((e) => `deck/${e.name}/kong.yaml`),
    );
  });

  it('puts no secret value in any rendered file: secrets are DECK_ references', () => {
    for (const file of files) {
      const values = strings(file.content);
      expect(values.filter(looksLikeSecret), file.path).toEqual([]);
      // random-looking tokens are allowed only as Lua/route text and as entity ids (name-based
      // UUID v5, derived from public names), never as a bare value
      const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
      expect(
        values.filter((v) => looksLikeRandomToken(v) && !/[\s/~:]/.test(v) && !uuid.test(v)),
        file.path,
      ).toEqual([]);
      const secrets = values.filter((v, i, all) => all.indexOf(v) === i && /secret/i.test(v));
      for (const value of secrets)
        expect(value, file.path).toMatch(/\$\{\{ env "DECK_[A-Z0-9_]+" \}\}/);
    }
  });
});

describeOfficialDeckSchema('the shipped catalog against the official decK schema', files);
