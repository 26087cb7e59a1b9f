import type { WaiverModel } from '@routeplane/model';
import type { CrdCatalog } from './crd/crd-catalog.js';

/** One problem in the rendered output. */
export interface Finding {
  /** Rule id, e.g. `xlayer/grant-missing`. */
  readonly rule: string;
  readonly severity: 'error';
  /** File path relative to the repository root. */
  readonly file: string;
  /** `<kind>/<namespace>/<name>`, `<kind>/<name>` for cluster-scoped objects, `-` for the file itself. */
  readonly object: string;
  /** What is wrong, what was expected and what was given. */
  readonly message: string;
  /** Present when a catalog waiver covers this finding: it is reported but does not fail. */
  readonly waived?: { readonly reason: string };
}

/** One rendered file as parsed documents (YAML documents, or the single JSON value). */
export interface TreeFile {
  readonly path: string;
  readonly documents: readonly unknown[];
  /** Why the file could not be parsed (its documents are then empty). */
  readonly parseError?: string;
}

/** A catalog waiver; `env`, when given, limits it to the files of that environment. */
export type Waiver = WaiverModel & { readonly env?: string };

export interface ValidateInput {
  readonly files: readonly TreeFile[];
  readonly waivers: readonly Waiver[];
  /** CRDs to check custom resources against as the API server does (`crd/*` findings). */
  readonly crds?: CrdCatalog;
}

/** True when at least one finding is not waived: the command exits 1. */
export function hasBlockingFindings(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.waived === undefined);
}
