import { defineConfig } from 'vitest/config';

// The type-generation test compiles the JSON Schema to TypeScript (~1 s alone, over 5 s when
// every package's suite runs at once on two cores).
export default defineConfig({ test: { testTimeout: 60_000, hookTimeout: 60_000 } });
