import { type CatalogProblem, compareText } from '@routeplane/model';

export type { CatalogProblem };

/** The one error type for user mistakes: the CLI prints the problems and exits 2. */
export class CatalogError extends Error {
  readonly problems: readonly CatalogProblem[];

  constructor(problems: readonly CatalogProblem[]) {
    super(
      `${problems.length} problem(s) in the catalog:\n${problems.map(formatProblem).join('\n')}`,
    );
    this.name = 'CatalogError';
    this.problems = problems;
  }
}

/** `catalog.yaml:12:5 routes[2].paths[0]: must start with "/", but "app" was given` */
export function formatProblem(problem: CatalogProblem): string {
  const where =
    problem.line > 0 ? `${problem.file}:${problem.line}:${problem.column}` : problem.file;
  return problem.keyPath
    ? `${where} ${problem.keyPath}: ${problem.message}`
    : `${where}: ${problem.message}`;
}

/** Sorts problems by position so the report reads top to bottom, then drops exact repeats. */
export function sortProblems(problems: readonly CatalogProblem[]): CatalogProblem[] {
  const seen = new Set<string>();
  return [...problems]
    .sort((a, b) => a.line - b.line || a.column - b.column || compareText(a.message, b.message))
    .filter((p) => {
      const key = formatProblem(p);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
