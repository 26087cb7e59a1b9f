// Entry point of the bundled `pnpm bench` (dist/routeplane-bench.mjs).
import { runBench } from './bench.js';

process.exitCode = await runBench(process.argv.slice(2));
