#!/usr/bin/env node
// `pnpm bench`: times the pipeline (see src/bench.ts); bundled like the CLI (see launch.mjs).
import { launch } from './launch.mjs';

await launch('routeplane-bench', 'bench-cli.ts');
