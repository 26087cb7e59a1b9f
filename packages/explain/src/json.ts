/** Narrow readers for parsed YAML/JSON: rendered files are data, never trusted to have a shape. */
export type Json = Readonly<Record<string, unknown>>;

export const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value at a key path, or undefined. */
export function at(value: unknown, ...path: readonly (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof key === 'number') current = Array.isArray(current) ? current[key] : undefined;
    else current = isObject(current) ? current[key] : undefined;
  }
  return current;
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export const objects = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);

export const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];

/** A label map as strings. */
export function labelMap(v: unknown): Record<string, string> {
  if (!isObject(v)) return {};
  return Object.fromEntries(
    Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
}

/** matchLabels semantics: every selector label present with the same value. */
export function selects(
  selector: Readonly<Record<string, string>>,
  labels: Readonly<Record<string, string>>,
): boolean {
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}
