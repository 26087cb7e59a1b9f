#!/usr/bin/env node
// `pnpm bench`: times the pipeline on synthetic catalogs (see src/bench.ts).
import { register } from 'tsx/esm/api';

register();
const { runBench } = await import('../src/bench.ts');
process.exitCode = await runBench(process.argv.slice(2));
