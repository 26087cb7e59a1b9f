import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { bundleIsFresh } from './bin/launch.mjs';

/**
 * The end-to-end tests run the bundled binary, so they build it first (esbuild, ~2 s), unless
 * the bundle is newer than every workspace source: under turbo the `build` task just made it.
 */
export default function setup(): void {
  const cliDir = fileURLToPath(new URL('.', import.meta.url));
  const bundles = ['dist/routeplane.mjs', 'dist/routeplane-bench.mjs'];
  if (bundles.every((b) => bundleIsFresh(fileURLToPath(new URL(b, import.meta.url))))) return;
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], {
    cwd: cliDir,
    stdio: 'inherit',
  });
}
