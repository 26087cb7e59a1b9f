import { deckValidator, formatSchemaErrors, haveSharedSchemas } from '@routeplane/test-support';
import { describe, expect, it } from 'vitest';
import { cleanTree } from './clean-tree.fixture.js';
import { officialSchemaErrors } from './official-schema.fixture.js';

/** The fixture must be realistic: the official strict schemas accept it, as they accept real output. */
describe.runIf(haveSharedSchemas())('the clean fixture against ../shared/schemas', () => {
  const docs = cleanTree().flatMap((f) => f.documents.map((doc) => ({ path: f.path, doc })));
  it.each(docs.filter(({ doc }) => officialSchemaErrors(doc) !== undefined))('$path', ({ doc }) => {
    expect(officialSchemaErrors(doc)).toEqual([]);
  });
  it('deck/dev/kong.yaml', () => {
    const validate = deckValidator();
    const deck = docs.find((d) => d.path.startsWith('deck/'))?.doc;
    expect(validate(deck), formatSchemaErrors(validate.errors).join('; ')).toBe(true);
  });
});
