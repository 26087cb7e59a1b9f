import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { strictify } from '@routeplane/schema-strict';
import { Ajv, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { sharedCrdsDir } from './shared-schemas.js';

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
const validators = new Map<string, ValidateFunction>();

interface CrdVersion {
  readonly name: string;
  readonly schema?: { readonly openAPIV3Schema?: Record<string, unknown> };
}

/**
 * Strict validator (unknown fields are errors, as kubeconform -strict) for one served version of a
 * CRD file, e.g. `('cert-manager-v1.21.1/cert-manager.io_certificates.yaml', 'v1')`. The CRD's
 * schema describes the whole object, metadata included.
 */
export function crdFileValidator(relativePath: string, version: string): ValidateFunction {
  const key = `${relativePath}@${version}`;
  let validate = validators.get(key);
  if (!validate) {
    const file = resolve(sharedCrdsDir, relativePath);
    if (!existsSync(file)) throw new Error(`${file} does not exist`);
    const crd = parse(readFileSync(file, 'utf8')) as { spec: { versions: CrdVersion[] } };
    const schema = crd.spec.versions.find((v) => v.name === version)?.schema?.openAPIV3Schema;
    if (!schema) throw new Error(`${relativePath} serves no version ${version} with a schema`);
    validate = ajv.compile(strictify(schema) as Record<string, unknown>);
    validators.set(key, validate);
  }
  return validate;
}
