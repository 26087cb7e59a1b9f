/** Narrowing helpers for parsed YAML/JSON, so rules read untyped documents without `any`. */

export type JsonObject = Readonly<Record<string, unknown>>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object at a key path, or undefined. */
export function obj(value: unknown, ...keys: readonly string[]): JsonObject | undefined {
  const found = get(value, ...keys);
  return isObject(found) ? found : undefined;
}

/** The array at a key path, or an empty list. */
export function arr(value: unknown, ...keys: readonly string[]): readonly unknown[] {
  const found = get(value, ...keys);
  return Array.isArray(found) ? found : [];
}

/** The string at a key path, or undefined. */
export function str(value: unknown, ...keys: readonly string[]): string | undefined {
  const found = get(value, ...keys);
  return typeof found === 'string' ? found : undefined;
}

/** The number at a key path, or undefined. */
export function num(value: unknown, ...keys: readonly string[]): number | undefined {
  const found = get(value, ...keys);
  return typeof found === 'number' ? found : undefined;
}

export function get(value: unknown, ...keys: readonly string[]): unknown {
  let current: unknown = value;
  for (const key of keys) {
    if (!isObject(current)) return undefined;
    current = current[key];
  }
  return current;
}

/** String-valued entries of a label map. */
export function labels(value: unknown): Readonly<Record<string, string>> {
  const out: Record<string, string> = {};
  if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
  }
  return out;
}

/** True when every selector label is present with the same value (an empty selector selects all). */
export function selects(
  selector: Readonly<Record<string, string>>,
  target: Readonly<Record<string, string>>,
): boolean {
  return Object.entries(selector).every(([k, v]) => target[k] === v);
}

export function show(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}
