import type { RenderedFile } from '@routeplane/model';
import { deckValidator, formatSchemaErrors, haveSharedSchemas } from '@routeplane/test-support';
import { describe, expect, it } from 'vitest';

/** Holds every rendered kong.yaml against the official decK schema (skipped without ../shared). */
export function describeOfficialDeckSchema(title: string, files: readonly RenderedFile[]): void {
  describe.runIf(haveSharedSchemas())(title, () => {
    it.each(files.map((f) => [f.path, f] as const))('%s validates', (_path, file) => {
      const validate = deckValidator();
      if (file.content.kind !== 'yaml') throw new Error('expected YAML');
      for (const document of file.content.documents) {
        const ok = validate(document);
        expect(formatSchemaErrors(validate.errors)).toEqual([]);
        expect(ok).toBe(true);
      }
    });
  });
}
