type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Closes every object schema that lists properties and says nothing about extra ones, the way
 * `kubeconform -strict` does (same approach as @routeplane/test-support, which is test-only).
 */
export function strictify(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(strictify);
  if (!isObject(schema)) return schema;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    out[key] = key === 'enum' || key === 'default' || key === 'example' ? value : strictify(value);
  }
  const preserves = schema['x-kubernetes-preserve-unknown-fields'] === true;
  if (isObject(schema.properties) && !('additionalProperties' in schema) && !preserves) {
    out.additionalProperties = false;
  }
  return out;
}
