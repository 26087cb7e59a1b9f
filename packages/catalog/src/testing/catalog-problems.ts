import { loadModelFromBytes } from '../load-model.js';
import { CatalogError, type CatalogProblem, formatProblem } from '../problems.js';

/** Every located message the loader gives for catalog text named `catalog.yaml`; [] when it loads. */
export function catalogProblems(text: string): string[] {
  return catalogProblemRecords(text).map(formatProblem);
}

/** The loader's problems for catalog text, with the rule that found each; [] when it loads. */
export function catalogProblemRecords(text: string | Uint8Array): readonly CatalogProblem[] {
  try {
    loadModelFromBytes(typeof text === 'string' ? new TextEncoder().encode(text) : text, {
      displayName: 'catalog.yaml',
      baseDir: '.',
    });
  } catch (error) {
    if (error instanceof CatalogError) return error.problems;
    throw error;
  }
  return [];
}
