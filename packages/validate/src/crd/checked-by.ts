import type { TreeFile } from '../finding.js';
import { hasModel } from '../schema/model-validators.js';
import { indexTree } from '../tree-index.js';
import type { CrdCatalog } from './crd-catalog.js';
import { checkCustomResource } from './crd-validator.js';

/** Which validators looked at one object, for `validate --format json`. */
export interface ObjectValidators {
  readonly file: string;
  readonly object: string;
  readonly validators: readonly string[];
}

/** Validators per Kubernetes object of the tree, in tree order. */
export function validatorsOf(
  files: readonly TreeFile[],
  crds: CrdCatalog | undefined,
): ObjectValidators[] {
  return indexTree(files).envs.flatMap((env) =>
    env.objects.map((o) => {
      const crd = crds ? checkCustomResource(crds, o.doc) : undefined;
      return {
        file: o.file,
        object: o.id,
        validators: [
          ...(hasModel(o.apiVersion, o.kind) ? ['kubernetes-models schema (schema/valid)'] : []),
          ...(crd ? [`CRD ${crd.checkedBy} (crd/*)`] : []),
        ],
      };
    }),
  );
}
