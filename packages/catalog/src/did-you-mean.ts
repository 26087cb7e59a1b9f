import { closest, distance } from 'fastest-levenshtein';

/** The candidate closest to a misspelled name, when it is close enough to be a likely typo. */
export function closestMatch(name: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(name, [...candidates]);
  return distance(name, best) <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

/** `; did you mean "x"?` for a likely typo, otherwise `; known: a, b, c` (empty with no candidates). */
export function didYouMean(
  name: string,
  candidates: readonly string[],
  knownLabel = 'known',
): string {
  const best = closestMatch(name, candidates);
  if (best) return `; did you mean "${best}"?`;
  return candidates.length > 0 ? `; ${knownLabel}: ${candidates.join(', ')}` : '';
}
