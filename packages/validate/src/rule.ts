import type { Finding, TreeFile } from './finding.js';
import type { EnvTree, K8sObject, TreeIndex } from './tree-index.js';

/** A finding before waivers are applied (severity is always error). */
export type RawFinding = Omit<Finding, 'severity' | 'waived'>;

/** One check of the rendered tree: a row of the rule table. */
export interface Rule {
  /** `schema/...`, `xlayer/...` or `policy/...`. */
  readonly id: string;
  readonly description: string;
  readonly check: (tree: TreeIndex) => readonly RawFinding[];
}

/** A rule that runs `check` on each part of the tree `parts` picks (environments or files). */
function partRule<P>(
  id: string,
  description: string,
  parts: (tree: TreeIndex) => readonly P[],
  check: (part: P, report: Reporter) => void,
): Rule {
  return {
    id,
    description,
    check: (tree) => {
      const out: RawFinding[] = [];
      for (const part of parts(tree)) check(part, reporter(id, out));
      return out;
    },
  };
}

/** A rule that looks at one environment at a time. */
export function envRule(
  id: string,
  description: string,
  check: (env: EnvTree, report: Reporter) => void,
): Rule {
  return partRule(id, description, (tree) => tree.envs, check);
}

/** A rule that looks at every file of the tree. */
export function fileRule(
  id: string,
  description: string,
  check: (file: TreeFile, report: Reporter) => void,
): Rule {
  return partRule(id, description, (tree) => tree.files, check);
}

export interface Reporter {
  /** Reports about a Kubernetes object. */
  readonly on: (object: K8sObject, message: string) => void;
  /** Reports about any file/object pair. */
  readonly at: (file: string, object: string, message: string) => void;
}

function reporter(rule: string, out: RawFinding[]): Reporter {
  return {
    on: (o, message) => out.push({ rule, file: o.file, object: o.id, message }),
    at: (file, object, message) => out.push({ rule, file, object, message }),
  };
}
