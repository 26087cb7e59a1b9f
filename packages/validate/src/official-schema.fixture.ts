import { crdSchemaFiles, crdValidator, formatSchemaErrors } from '@routeplane/test-support';
import { isObject } from './json.js';

/**
 * Errors of one object against its strict official CRD schema from ../shared/schemas, or undefined
 * when none covers the kind. Istio's CRD schemas describe only spec/status: type meta is dropped there.
 */
export function officialSchemaErrors(doc: unknown): string[] | undefined {
  if (!isObject(doc)) return undefined;
  const file = crdSchemaFiles[`${String(doc.apiVersion)}/${String(doc.kind)}`];
  if (!file) return undefined;
  const validate = crdValidator(file);
  const properties = (validate.schema as { properties?: Record<string, unknown> }).properties ?? {};
  const { apiVersion, kind, metadata, ...rest } = doc;
  const target = 'metadata' in properties ? doc : rest;
  return validate(target) ? [] : formatSchemaErrors(validate.errors);
}
