import { Ajv, type ValidateFunction } from 'ajv';
import { readSharedSchema } from './shared-schemas.js';

let workflow: ValidateFunction | undefined;

/** The GitHub Actions workflow schema (SchemaStore, draft-07) from `../shared/schemas/github`. */
export function workflowValidator(): ValidateFunction {
  if (workflow === undefined) {
    // the schema uses SchemaStore's own keywords and formats: not strict, every error reported
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    workflow = ajv.compile(readSharedSchema('github/workflow.json'));
  }
  return workflow;
}
