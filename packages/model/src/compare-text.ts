/**
 * Locale-independent ordering by UTF-16 code units. Rendered output must not depend on the
 * machine's locale, which `localeCompare` and `Intl.Collator` do.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
