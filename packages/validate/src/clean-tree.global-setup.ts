import type { TestProject } from 'vitest/node';
import { renderCleanTree } from './clean-tree-render.fixture.js';
import type { TreeFile } from './finding.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** fixture-catalog.yaml rendered once per run (see clean-tree.fixture.ts). */
    renderedCleanTree: TreeFile[];
  }
}

/**
 * Renders the clean tree once for the whole run and hands it to every test file: importing the
 * renderers (cdk8s) in each test file's own module graph would cost seconds per file.
 */
export default function setup(project: TestProject): void {
  project.provide('renderedCleanTree', renderCleanTree());
}
