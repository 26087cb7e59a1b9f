/**
 * Regenerates src/chart-inventory/chart-inventory.generated.ts: what each Helm child renders, from
 * the real `helm template` of the pinned charts (../shared/charts) with the shipped catalog's values.
 * `pnpm generate` never needs helm or ../shared: it reads the committed file. The inventory test fails
 * when the file is stale.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadModel } from '@routeplane/catalog';
import { repoRoot } from '@routeplane/test-support';
import {
  chartInventoryOf,
  inventoryModuleText,
  renderModelCharts,
} from '../src/chart-inventory/render-charts.js';

const target = fileURLToPath(
  new URL('../src/chart-inventory/chart-inventory.generated.ts', import.meta.url),
);
const inventory = chartInventoryOf(
  await renderModelCharts(loadModel(join(repoRoot, 'catalog.yaml'))),
);
writeFileSync(target, inventoryModuleText(inventory));
const count = Object.values(inventory).reduce((n, e) => n + e.objects.length, 0);
console.log(`wrote ${target}: ${Object.keys(inventory).length} charts, ${count} objects`);
