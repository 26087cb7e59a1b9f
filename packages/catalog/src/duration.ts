/** Units of a Gateway API Duration (GEP-2257): hours, minutes, seconds, milliseconds. */
const unitMs: Readonly<Record<string, number>> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };

/**
 * Milliseconds of a Gateway API Duration such as `1m30s` or `500ms` (the schema's pattern has
 * already checked the form); undefined for text that is not one.
 */
export function durationMs(text: string): number | undefined {
  if (!/^([0-9]{1,5}(h|m|s|ms)){1,4}$/.test(text)) return undefined;
  let total = 0;
  for (const [, amount, unit] of text.matchAll(/([0-9]+)(ms|h|m|s)/g)) {
    total += Number(amount) * (unitMs[unit ?? ''] ?? 0);
  }
  return total;
}
