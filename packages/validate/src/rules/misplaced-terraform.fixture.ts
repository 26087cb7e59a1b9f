import type { TreeFile } from '../finding.js';

/**
 * Paths that are not rendered Terraform JSON (`generated/terraform/**.tf.json`): a backup beside
 * the output and a `.tf.json` outside `generated/terraform/`. The Terraform rules must not read them.
 */
export const notTerraformPaths = [
  'generated/terraform/prod/main.tf.json.orig',
  'examples/terraform/main.tf.json',
] as const;

/** `clean` plus the documents of `source` in `edited` copied under `path`. */
export function withCopyAt(
  clean: readonly TreeFile[],
  edited: readonly TreeFile[],
  source: string,
  path: string,
): TreeFile[] {
  const file = edited.find((f) => f.path === source);
  if (file === undefined) throw new Error(`tree has no file ${source}`);
  return [...clean, { path, documents: file.documents }];
}
