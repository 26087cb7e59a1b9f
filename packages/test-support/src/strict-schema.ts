import { strictify } from '@routeplane/schema-strict';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import AjvDraft04Module from 'ajv-draft-04';
import { readSharedSchema } from './shared-schemas.js';

type JsonObject = Record<string, unknown>;

const crdAjv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
const crdValidators = new Map<string, ValidateFunction>();

/** A strict validator for one CRD schema file below `../shared/schemas/crds`. */
export function crdValidator(relativePath: string): ValidateFunction {
  let validate = crdValidators.get(relativePath);
  if (!validate) {
    validate = crdAjv.compile(strictify(readSharedSchema(`crds/${relativePath}`)) as JsonObject);
    crdValidators.set(relativePath, validate);
  }
  return validate;
}

let deckValidate: ValidateFunction | undefined;

/** Validator for the official decK file schema (draft-04, as published by Kong). */
export function deckValidator(): ValidateFunction {
  if (!deckValidate) {
    // ajv-draft-04 is CommonJS: under NodeNext its class is the module's `default` export.
    const ajv = new AjvDraft04Module.default({
      strict: false,
      allErrors: true,
      validateFormats: false,
    });
    deckValidate = ajv.compile(readSharedSchema('deck/kong_json_schema.json'));
  }
  return deckValidate as ValidateFunction;
}

/** Human-readable list of ajv errors, for assertion messages. */
export function formatSchemaErrors(errors: readonly ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map(
    (e) => `${e.instancePath || '/'} ${e.message ?? 'invalid'} ${JSON.stringify(e.params)}`,
  );
}

/** Map from `apiVersion/kind` to the CRD schema file in `../shared/schemas/crds`. */
export const crdSchemaFiles: Readonly<Record<string, string>> = {
  'gateway.networking.k8s.io/v1/Gateway': 'gateway.networking.k8s.io/gateway_v1.json',
  'gateway.networking.k8s.io/v1/GatewayClass': 'gateway.networking.k8s.io/gatewayclass_v1.json',
  'gateway.networking.k8s.io/v1/HTTPRoute': 'gateway.networking.k8s.io/httproute_v1.json',
  'gateway.networking.k8s.io/v1/ReferenceGrant': 'gateway.networking.k8s.io/referencegrant_v1.json',
  'gateway.networking.k8s.io/v1beta1/ReferenceGrant':
    'gateway.networking.k8s.io/referencegrant_v1beta1.json',
  'security.istio.io/v1/AuthorizationPolicy': 'security.istio.io/authorizationpolicy_v1.json',
  'security.istio.io/v1/PeerAuthentication': 'security.istio.io/peerauthentication_v1.json',
  'argoproj.io/v1alpha1/Application': 'argoproj.io/application_v1alpha1.json',
  'argoproj.io/v1alpha1/AppProject': 'argoproj.io/appproject_v1alpha1.json',
};
