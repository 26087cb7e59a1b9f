import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { strictify } from '@routeplane/schema-strict';
import { Ajv, type ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);

/**
 * The CRD models of @kubernetes-models/gateway-api and /istio embed their OpenAPI schema as a JSON
 * literal (`const schema = {...};`) but export only a lenient validator. We read that literal from
 * the installed package and close it (strictify) so unknown fields are errors, as with kubeconform.
 */
function packagedSchema(modulePath: string): Record<string, unknown> {
  const source = readFileSync(require.resolve(modulePath), 'utf8');
  const match = /\nconst schema = (\{[\s\S]*?\n\});\n/.exec(source);
  if (!match?.[1]) throw new Error(`no embedded schema found in ${modulePath}`);
  return JSON.parse(match[1]) as Record<string, unknown>;
}

/** ObjectMeta fields (k8s.io/apimachinery meta/v1): strict metadata for every kind. */
const objectMeta = {
  type: 'object',
  properties: Object.fromEntries(
    [
      ['annotations', { type: 'object', additionalProperties: { type: 'string' } }],
      ['labels', { type: 'object', additionalProperties: { type: 'string' } }],
      ['finalizers', { type: 'array', items: { type: 'string' } }],
      ['name', { type: 'string' }],
      ['namespace', { type: 'string' }],
      ['generateName', { type: 'string' }],
      ['ownerReferences', { type: 'array' }],
      ['creationTimestamp', {}],
      ['deletionGracePeriodSeconds', {}],
      ['deletionTimestamp', {}],
      ['generation', {}],
      ['managedFields', {}],
      ['resourceVersion', {}],
      ['selfLink', {}],
      ['uid', {}],
    ].map(([k, v]) => [k as string, v]),
  ),
  additionalProperties: false,
};

/** Replaces the models' `$ref` to ObjectMeta with the strict local copy. */
function inlineMeta(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(inlineMeta);
  if (typeof schema !== 'object' || schema === null) return schema;
  const record = schema as Record<string, unknown>;
  if (typeof record.$ref === 'string' && record.$ref.includes('ObjectMeta')) return objectMeta;
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, inlineMeta(v)]));
}

/** Gateway API's group/kind/name reference (LocalObjectReference, ObjectReference with namespace). */
function objectReference(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'object',
    required: ['group', 'kind', 'name'],
    properties: {
      group: { type: 'string', maxLength: 253 },
      kind: { type: 'string', minLength: 1, maxLength: 63 },
      name: { type: 'string', minLength: 1, maxLength: 253 },
      ...extra,
    },
  };
}

/** `spec.tls.frontend` validation of Gateway API v1.6.1 standard (apis/v1/gateway_types.go). */
const frontendTlsConfig = {
  type: 'object',
  required: ['validation'],
  properties: {
    validation: {
      type: 'object',
      required: ['caCertificateRefs'],
      properties: {
        caCertificateRefs: {
          type: 'array',
          minItems: 1,
          maxItems: 8,
          items: objectReference({ namespace: { type: 'string', minLength: 1, maxLength: 63 } }),
        },
        mode: { type: 'string', enum: ['AllowValidOnly', 'AllowInsecureFallback'] },
      },
    },
  },
};

/**
 * Fields newer than the Node 20 release of @kubernetes-models/gateway-api (Gateway API v1.1):
 * `spec.infrastructure.parametersRef` became standard in v1.2, `spec.tls` (frontend client
 * certificate validation) in v1.6. The renderers' tests hold the same objects against the official
 * v1.6.1 CRDs; this keeps `routeplane validate` strict without them.
 */
function patchGateway(schema: Record<string, unknown>): Record<string, unknown> {
  const spec = (schema.properties as Record<string, Record<string, unknown>>).spec;
  const specProps = spec?.properties as Record<string, unknown> | undefined;
  if (specProps && !('tls' in specProps)) {
    specProps.tls = {
      type: 'object',
      properties: {
        frontend: {
          type: 'object',
          required: ['default'],
          properties: {
            default: frontendTlsConfig,
            perPort: {
              type: 'array',
              maxItems: 64,
              items: {
                type: 'object',
                required: ['port', 'tls'],
                properties: {
                  port: { type: 'integer', minimum: 1, maximum: 65535 },
                  tls: frontendTlsConfig,
                },
              },
            },
          },
        },
      },
    };
  }
  const infra = (spec?.properties as Record<string, Record<string, unknown>> | undefined)
    ?.infrastructure;
  const props = infra?.properties as Record<string, unknown> | undefined;
  if (props && !('parametersRef' in props)) {
    props.parametersRef = objectReference();
  }
  return schema;
}

/**
 * `spec.targetRefs` (Istio >= 1.22, PolicyTargetReference in type/v1beta1/selector.proto), newer than
 * the Node 20 release of @kubernetes-models/istio: how a waypoint's L7 policy attaches to a Service.
 * The renderers' tests hold the same objects against the official Istio 1.30 CRD.
 */
function patchAuthorizationPolicy(schema: Record<string, unknown>): Record<string, unknown> {
  const spec = (schema.properties as Record<string, Record<string, unknown>>).spec;
  const specProps = spec?.properties as Record<string, unknown> | undefined;
  if (specProps && !('targetRefs' in specProps)) {
    specProps.targetRefs = {
      type: 'array',
      maxItems: 16,
      items: {
        type: 'object',
        required: ['kind', 'name'],
        properties: {
          group: { type: 'string', maxLength: 253 },
          kind: { type: 'string', minLength: 1, maxLength: 63 },
          name: { type: 'string', minLength: 1, maxLength: 253 },
          namespace: { type: 'string' },
        },
      },
    };
  }
  return schema;
}

const gw = '@kubernetes-models/gateway-api/gateway.networking.k8s.io';
const istio = '@kubernetes-models/istio/security.istio.io';

/** Module of the embedded schema per `apiVersion/kind`, and a patch where the package is behind. */
const sources: Readonly<
  Record<string, readonly [string, ((s: Record<string, unknown>) => Record<string, unknown>)?]>
> = {
  'gateway.networking.k8s.io/v1/Gateway': [`${gw}/v1/Gateway`, patchGateway],
  'gateway.networking.k8s.io/v1/GatewayClass': [`${gw}/v1/GatewayClass`],
  'gateway.networking.k8s.io/v1/HTTPRoute': [`${gw}/v1/HTTPRoute`],
  'gateway.networking.k8s.io/v1beta1/ReferenceGrant': [`${gw}/v1beta1/ReferenceGrant`],
  'gateway.networking.k8s.io/v1/ReferenceGrant': [`${gw}/v1beta1/ReferenceGrant`],
  'security.istio.io/v1/AuthorizationPolicy': [
    `${istio}/v1/AuthorizationPolicy`,
    patchAuthorizationPolicy,
  ],
  'security.istio.io/v1/PeerAuthentication': [`${istio}/v1beta1/PeerAuthentication`],
};

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
const compiled = new Map<string, ValidateFunction>();

/** A validator that rejects unknown fields, or undefined when the kind has no embedded schema. */
export function strictValidator(apiVersion: string, kind: string): ValidateFunction | undefined {
  const key = `${apiVersion}/${kind}`;
  const entry = sources[key];
  if (!entry) return undefined;
  let validate = compiled.get(key);
  if (!validate) {
    const [module, patch] = entry;
    const raw = inlineMeta(packagedSchema(module)) as Record<string, unknown>;
    const schema = strictify(patch ? patch(raw) : raw) as Record<string, unknown>;
    // apiVersion is checked by the lenient model validator; the aliases above differ only there.
    const props = schema.properties as Record<string, unknown>;
    props.apiVersion = { type: 'string' };
    validate = ajv.compile(schema);
    compiled.set(key, validate);
  }
  return validate;
}

/** Validator of `metadata` alone, for kinds whose package ships no schema literal. */
export const metadataValidator: ValidateFunction = ajv.compile(objectMeta);
