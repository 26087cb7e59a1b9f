/**
 * Times renderK8s on a catalog with many routes and backends (not a test: timings vary by
 * machine). Run: `npx tsx scripts/bench.ts [routes]`.
 */
import { performance } from 'node:perf_hooks';
import { largeModel } from '@routeplane/catalog/testing';
import { renderK8s } from '../src/index.js';

const routes = Number(process.argv[2] ?? 1000);
const model = largeModel(routes);
renderK8s(model); // warm-up: module and JIT start-up
const start = performance.now();
const files = renderK8s(model);
const ms = performance.now() - start;
console.log(
  `${routes} routes x ${model.environments.length} environments: ${files.length} files in ${ms.toFixed(0)} ms`,
);
