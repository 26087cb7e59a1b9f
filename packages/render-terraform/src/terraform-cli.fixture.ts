import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * True when a `terraform` binary is on PATH. Only built-in parts of Terraform run in these tests
 * (terraform_data, variables, preconditions, local-exec): no provider download, no network.
 */
export function haveTerraform(): boolean {
  const found = spawnSync('terraform', ['version'], { stdio: 'ignore' }).status === 0;
  if (!found) console.warn('NOTE: terraform not on PATH; the real-Terraform tests are skipped');
  return found;
}

export interface TerraformScratch {
  /** Runs terraform in the scratch directory; throws Terraform's output (one line) on failure. */
  run(...args: string[]): string;
  remove(): void;
}

/** A directory holding one Terraform JSON configuration, run with `path` as PATH. */
export function terraformScratch(config: unknown, path: string): TerraformScratch {
  const dir = mkdtempSync(join(tmpdir(), 'routeplane-tf-'));
  writeFileSync(join(dir, 'main.tf.json'), JSON.stringify(config));
  return {
    run: (...args) => {
      const result = spawnSync('terraform', [...args, '-no-color'], {
        cwd: dir,
        env: { PATH: path, HOME: dir, TF_IN_AUTOMATION: '1', TF_CLI_CONFIG_FILE: '/dev/null' },
        encoding: 'utf8',
      });
      // Terraform wraps its messages at 80 columns: one line keeps assertions readable.
      if (result.status !== 0) {
        throw new Error(`${result.stdout} ${result.stderr}`.replace(/\s+/g, ' '));
      }
      return result.stdout;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
