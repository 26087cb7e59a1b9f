import { defineConfig } from 'vitest/config';

/**
 * The one vitest configuration every package's vitest.config.ts re-exports (the CLI adds its
 * global setup). Tests render whole environments or run the schema code generators; a cold CI
 * start (no tsx cache, six test processes sharing two cores) takes several seconds for the first.
 *
 * `isolate: false`: the test files of a worker share one module graph, so cdk8s, cdktn, ajv and
 * the schema bundles are imported once per worker instead of once per test file (most of the
 * suite's time). No test relies on a fresh module: none mocks modules or keeps state in one.
 */
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    isolate: false,
    // cdktn captures a full stack trace for every token it creates, only to name it in an
    // unresolved-token error; under vitest's source-mapped stack traces that was ~30% of
    // render-terraform's test CPU. No output depends on it (the renderer drops `//` metadata).
    env: { CDKTN_DISABLE_CREATION_STACK: '1' },
  },
});
