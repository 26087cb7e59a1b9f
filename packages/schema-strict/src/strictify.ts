type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Makes an OpenAPI v3 (CRD) schema strict the way `kubeconform -strict` does: every object that
 * lists properties and says nothing about extra ones rejects unknown fields.
 * `x-kubernetes-preserve-unknown-fields` keeps its meaning (free-form object); values under
 * `enum`, `default` and `example` are data, not schemas, and stay untouched.
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
