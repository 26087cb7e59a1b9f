import { isObject, type JsonObject } from '../json.js';
import { celIssues } from './cel-check.js';
import type { CrdCatalog, CrdVersion } from './crd-catalog.js';
import { withDefaults } from './defaulting.js';
import { listTypeErrors } from './list-types.js';
import { openApiErrors } from './openapi-check.js';
import { unknownFields } from './unknown-fields.js';

/** Rule ids of the CRD checks, one per kind of API server rejection. */
export const crdRuleIds = [
  'crd/version',
  'crd/unknown-field',
  'crd/schema',
  'crd/cel',
  'crd/cel-unevaluated',
] as const;
export type CrdRuleId = (typeof crdRuleIds)[number];

export interface CrdIssue {
  readonly rule: CrdRuleId;
  readonly message: string;
}

/** The result for one object: which CRD checked it and what the API server would reject. */
export interface CrdCheck {
  /** `<source file> <version>`, e.g. `gateway-api-v1.6.1/gateway.networking.k8s.io_gateways.yaml v1`. */
  readonly checkedBy: string;
  readonly issues: readonly CrdIssue[];
}

function groupVersion(apiVersion: string): [string, string] {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? ['', apiVersion] : [apiVersion.slice(0, slash), apiVersion.slice(slash + 1)];
}

function versionIssue(
  catalog: CrdCatalog,
  doc: JsonObject,
  group: string,
  version: string,
): CrdIssue {
  const kind = String(doc.kind);
  const known = catalog.versionsOf(group, kind);
  const served = known.filter((v) => v.served).map((v) => v.version);
  const message =
    known.length === 0
      ? `no CustomResourceDefinition defines kind ${kind} in group ${group}`
      : `${group}/${version} ${kind} is not served; served versions: ${served.join(', ') || 'none'}`;
  return { rule: 'crd/version', message };
}

function schemaIssues(crd: CrdVersion, given: JsonObject): CrdIssue[] {
  // apiextensions-apiserver pkg/registry/customresource/strategy.go: PrepareForCreate drops
  // status when the version has a status subresource; it is never validated on create.
  const { status: _status, ...withoutStatus } = given;
  const doc = crd.statusSubresource ? withoutStatus : given;
  // Every object has apiVersion and kind; root metadata is ObjectMeta, checked by its own
  // schema (schema/strict), not the CRD's.
  const { apiVersion: _a, kind: _k, metadata: _m, ...body } = doc;
  const defaulted = withDefaults(crd.schema, doc);
  const openApi = openApiErrors(crd.schema, defaulted);
  const schema = (message: string): CrdIssue => ({ rule: 'crd/schema', message });
  return [
    ...unknownFields(crd.schema, body).map(
      (path): CrdIssue => ({ rule: 'crd/unknown-field', message: `unknown field "${path}"` }),
    ),
    ...openApi.messages.map(schema),
    ...listTypeErrors(crd.schema, defaulted).map(schema),
    ...(openApi.blocking ? [schema(notChecked)] : celFindings(crd, defaulted)),
  ];
}

/** What the API server says instead of running CEL on an object of the wrong shape. */
const notChecked =
  'some validation rules were not checked because the object was invalid; correct the existing errors to complete validation';

function celFindings(crd: CrdVersion, defaulted: unknown): CrdIssue[] {
  return celIssues(crd.schema, defaulted).map((i) => ({
    rule: i.kind === 'violated' ? 'crd/cel' : 'crd/cel-unevaluated',
    message: i.message,
  }));
}

/**
 * Checks one object as the API server would on create, when a CRD of its group is known:
 * served version, unknown fields, OpenAPI schema after defaulting, list types and every CEL rule.
 * Undefined when no CRD of the catalog claims the object's group (core kinds, Argo CD).
 */
export function checkCustomResource(catalog: CrdCatalog, doc: unknown): CrdCheck | undefined {
  if (!isObject(doc)) return undefined;
  let checked = results.get(catalog);
  if (!checked) {
    checked = new WeakMap();
    results.set(catalog, checked);
  }
  if (!checked.has(doc)) checked.set(doc, check(catalog, doc));
  return checked.get(doc);
}

// The rule and the JSON report's validator list look at the same objects: check each once.
const results = new WeakMap<CrdCatalog, WeakMap<JsonObject, CrdCheck | undefined>>();

function check(catalog: CrdCatalog, doc: JsonObject): CrdCheck | undefined {
  if (typeof doc.apiVersion !== 'string' || typeof doc.kind !== 'string') {
    return undefined;
  }
  const [group, version] = groupVersion(doc.apiVersion);
  if (!catalog.groups.has(group)) return undefined;
  const crd = catalog.lookup(doc.apiVersion, doc.kind);
  if (!crd?.served) {
    return { checkedBy: `CRDs of ${group}`, issues: [versionIssue(catalog, doc, group, version)] };
  }
  return { checkedBy: `${crd.source} ${crd.version}`, issues: schemaIssues(crd, doc) };
}
