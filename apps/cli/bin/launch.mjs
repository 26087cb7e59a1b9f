// Starts the bundled CLI (dist/, built by `pnpm build`, which runs on install). When dist/ is
// missing or older than any workspace source (an edit since the last build), runs the TypeScript
// sources through tsx instead, so an edit never runs stale code. Plain JS: it runs before any build.
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cliDir = dirname(dirname(fileURLToPath(import.meta.url)));
const repoRoot = join(cliDir, '..', '..');

function newestMtime(dir) {
  let newest = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

function sourceDirs() {
  const packages = join(repoRoot, 'packages');
  return [
    join(cliDir, 'src'),
    join(cliDir, 'scripts'),
    ...readdirSync(packages).flatMap((name) => [
      join(packages, name, 'src'),
      join(packages, name, 'schema'),
    ]),
  ];
}

/** True when `bundle` exists and no workspace source is newer (also used by the tests' global setup). */
export function bundleIsFresh(bundle) {
  let built;
  try {
    built = statSync(bundle).mtimeMs;
  } catch {
    return false;
  }
  return sourceDirs().every((dir) => newestMtime(dir) <= built);
}

/** Runs `dist/<name>.mjs` when fresh, else `src/<source>` through tsx. */
export async function launch(name, source) {
  const bundle = join(cliDir, 'dist', `${name}.mjs`);
  if (process.env.ROUTEPLANE_FROM_SOURCE !== '1' && bundleIsFresh(bundle)) {
    await import(pathToFileURL(bundle).href);
    return;
  }
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(cliDir, 'src', source)).href);
}
