/**
 * The parts of a CRD's structural schema (apiextensions.k8s.io/v1 JSONSchemaProps) that the
 * API server acts on. Field names follow the CRD API; everything else is ignored.
 */
export interface StructuralSchema {
  readonly type?: string;
  readonly properties?: Readonly<Record<string, StructuralSchema>>;
  readonly additionalProperties?: StructuralSchema | boolean;
  readonly items?: StructuralSchema;
  readonly required?: readonly string[];
  readonly default?: unknown;
  readonly nullable?: boolean;
  readonly 'x-kubernetes-preserve-unknown-fields'?: boolean;
  readonly 'x-kubernetes-embedded-resource'?: boolean;
  readonly 'x-kubernetes-int-or-string'?: boolean;
  readonly 'x-kubernetes-list-type'?: 'atomic' | 'set' | 'map';
  readonly 'x-kubernetes-list-map-keys'?: readonly string[];
  readonly 'x-kubernetes-validations'?: readonly ValidationRule[];
}

/** One `x-kubernetes-validations` entry. */
export interface ValidationRule {
  readonly rule: string;
  readonly message?: string;
  readonly messageExpression?: string;
  /** FieldValueInvalid (the default), FieldValueForbidden, FieldValueRequired, FieldValueDuplicate. */
  readonly reason?: string;
  /** A JSONPath-like path relative to the rule's node, e.g. `.spec.tls`. */
  readonly fieldPath?: string;
  readonly optionalOldSelf?: boolean;
}

/** The schema of a map's values (`additionalProperties`), when it is a schema. */
export function valueSchema(schema: StructuralSchema): StructuralSchema | undefined {
  const extra = schema.additionalProperties;
  return typeof extra === 'object' ? extra : undefined;
}

/** The schema of a child: a declared property, a map value, or nothing (unknown). */
export function childSchema(schema: StructuralSchema, key: string): StructuralSchema | undefined {
  return schema.properties?.[key] ?? valueSchema(schema);
}
