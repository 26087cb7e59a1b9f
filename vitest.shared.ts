import { defineConfig } from 'vitest/config';

/**
 * The one vitest configuration every package's vitest.config.ts re-exports (the CLI adds its
 * global setup). Tests render whole environments or run the schema code generators; a cold CI
 * start (no tsx cache, six test processes sharing two cores) takes several seconds for the first.
 */
export default defineConfig({ test: { testTimeout: 60_000, hookTimeout: 60_000 } });
