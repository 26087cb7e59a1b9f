/** Rows of cells as left-aligned columns two spaces apart, for terminals. */
export function alignColumns(rows: readonly (readonly string[])[]): string[] {
  const count = Math.max(0, ...rows.map((r) => r.length));
  const widths = Array.from({ length: count }, (_, i) =>
    Math.max(...rows.map((r) => (r[i] ?? '').length)),
  );
  return rows.map((row) =>
    row
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd(),
  );
}
