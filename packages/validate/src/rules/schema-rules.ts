import { isObject } from '../json.js';
import { fileRule, type RawFinding, type Rule } from '../rule.js';
import { hasModel, modelErrors } from '../schema/model-validators.js';
import { metadataValidator, strictValidator } from '../schema/strict-schemas.js';

/** A JSON Pointer (ajv's instancePath: empty, or `/`-led) as a dotted field path. */
function where(path: string): string {
  return path === '' ? '(object)' : path.slice(1).replaceAll('/', '.');
}

export const schemaRules: readonly Rule[] = [
  fileRule('schema/parse', 'every rendered YAML/JSON file parses', (file, report) => {
    if (file.parseError !== undefined) {
      report.at(file.path, '-', `does not parse: ${file.parseError}`);
    }
  }),
  {
    id: 'schema/valid',
    description:
      'Kubernetes, Gateway API, Istio and Argo CD objects match their schemas (kubernetes-models)',
    check: (tree) => {
      const out: RawFinding[] = [];
      for (const o of tree.envs.flatMap((e) => e.objects)) {
        const errors = modelErrors(o.doc);
        if (errors === undefined) {
          out.push({
            rule: 'schema/valid',
            file: o.file,
            object: o.id,
            message: `no schema is known for apiVersion ${JSON.stringify(o.apiVersion)} kind ${JSON.stringify(o.kind)}`,
          });
          continue;
        }
        for (const e of errors) {
          // Stryker disable next-line StringLiteral: the pinned models never emit this keyword
          if (e.keyword === 'additionalProperties') continue;
          out.push({
            rule: 'schema/valid',
            file: o.file,
            object: o.id,
            message: `${where(e.instancePath)} ${e.message ?? 'is invalid'} ${JSON.stringify(e.params ?? {})}`,
          });
        }
      }
      return out;
    },
  },
  {
    id: 'schema/strict',
    description:
      'No unknown fields (Gateway API and Istio objects fully, metadata of every object)',
    check: (tree) => {
      const out: RawFinding[] = [];
      for (const o of tree.envs.flatMap((e) => e.objects)) {
        if (!hasModel(o.apiVersion, o.kind)) continue;
        const strict = strictValidator(o.apiVersion, o.kind);
        const target = strict ? o.doc : o.doc.metadata;
        const validate = strict ?? metadataValidator;
        if (!isObject(target) || validate(target)) continue;
        // Stryker disable next-line ArrayDeclaration: ajv sets errors when validate fails
        for (const e of validate.errors ?? []) {
          if (e.keyword !== 'additionalProperties') continue;
          // Stryker disable next-line StringLiteral: ajv always names the additionalProperty
          const extra = (e.params as { additionalProperty?: string }).additionalProperty ?? '?';
          const base = strict ? e.instancePath : `/metadata${e.instancePath}`;
          out.push({
            rule: 'schema/strict',
            file: o.file,
            object: o.id,
            message: `${where(`${base}/${extra}`)} is not a field of ${o.apiVersion} ${o.kind}`,
          });
        }
      }
      return out;
    },
  },
];
