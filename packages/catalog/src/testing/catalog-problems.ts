import { loadModelFromBytes } from '../load-model.js';
import { CatalogError, formatProblem } from '../problems.js';

/** Every located message the loader gives for catalog text named `catalog.yaml`; [] when it loads. */
export function catalogProblems(text: string): string[] {
  try {
    loadModelFromBytes(new TextEncoder().encode(text), {
      displayName: 'catalog.yaml',
      baseDir: '.',
    });
  } catch (error) {
    if (error instanceof CatalogError) return error.problems.map(formatProblem);
    throw error;
  }
  return [];
}
