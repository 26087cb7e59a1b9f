import { compareText } from '@routeplane/model';

/** Orders named Model entries by name, the same on every machine. */
export const byName = <T extends { readonly name: string }>(a: T, b: T): number =>
  compareText(a.name, b.name);

/** A copy of `record` with its keys in a stable order, so rendered maps do not depend on input order. */
export function sortedRecord(record: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compareText(a, b)));
}
