import type { CrdCatalog } from '../crd/crd-catalog.js';
import { checkCustomResource } from '../crd/crd-validator.js';
import type { RawFinding, Rule } from '../rule.js';

/**
 * The API server's own checks of every custom resource, from the CRDs given to `validate`
 * (`--crds`): findings `crd/version`, `crd/unknown-field`, `crd/schema`, `crd/cel` and
 * `crd/cel-unevaluated` (a rule the engine cannot evaluate: reported, never passed).
 */
export function crdRule(catalog: CrdCatalog): Rule {
  return {
    // Stryker disable next-line StringLiteral: validateTree reads only check, never the rule's id
    id: 'crd/api-server',
    // Stryker disable next-line StringLiteral: validateTree reads only check, never the description
    description: `custom resources pass their CRD (served version, structural schema, CEL rules) from ${catalog.dir}`,
    check: (tree) => {
      const out: RawFinding[] = [];
      for (const o of tree.envs.flatMap((e) => e.objects)) {
        for (const issue of checkCustomResource(catalog, o.doc)?.issues ?? []) {
          out.push({ rule: issue.rule, file: o.file, object: o.id, message: issue.message });
        }
      }
      return out;
    },
  };
}
