import { at, corrupt } from './corrupt.fixture.js';
import { exampleTree, ruleFindings } from './example-tree.fixture.js';
import type { TreeFile } from './finding.js';

/**
 * examples/alb-edge for the xlayer/kong-alb-edge tests (alb-edge-rules, alb-access-logs): rendered
 * once per test file that imports it, then edited one case at a time in dev's Terraform.
 */
export const albRule = 'xlayer/kong-alb-edge';
export const albTree: readonly TreeFile[] = exampleTree('alb-edge');
export const dev = 'generated/terraform/dev/main.tf.json';

export type Doc = Record<string, unknown>;

export const resource = (tf: Doc, type: string, name: string): Doc =>
  at(tf, 'resource', type, name);

/** The rule's findings on a tree, `<file> <object>: <message>`. */
export const albFindings = (files: readonly TreeFile[]): string[] => ruleFindings(albRule, files);

/** The rule's findings after one edit of dev's Terraform. */
export function albFindingsAfter(edit: (tf: Doc) => void): string[] {
  return albFindings(
    corrupt(albTree, dev, 0, (tf) => {
      edit(tf);
      return tf;
    }),
  );
}

/** A finding on dev's edge ALB. */
export const onAlb = (message: string): string => `${dev} aws_lb.alb_edge: ${message}`;
