import { defineConfig } from 'vitest/config';

// The tests read and parse the committed rendered tree of both environments.
export default defineConfig({ test: { testTimeout: 60_000, hookTimeout: 60_000 } });
