import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The end-to-end tests run the bundled binary, so they build it first (esbuild, ~2 s). */
export default function setup(): void {
  const cliDir = fileURLToPath(new URL('.', import.meta.url));
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], {
    cwd: cliDir,
    stdio: 'inherit',
  });
}
