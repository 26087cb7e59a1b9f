import { defineConfig } from 'vitest/config';

// The generated-code tests run json-schema-to-typescript (and ajv standalone) over whole schemas:
// about a second alone, over 5 s when six test processes share two cores.
export default defineConfig({ test: { testTimeout: 60_000, hookTimeout: 60_000 } });
