import { defineConfig } from 'vitest/config';

// These tests render whole environments; a cold CI start (no tsx cache, two cores shared by the
// parallel packages) can take several seconds for the first one.
export default defineConfig({
  test: { testTimeout: 60_000, hookTimeout: 60_000, globalSetup: ['./vitest.global-setup.ts'] },
});
