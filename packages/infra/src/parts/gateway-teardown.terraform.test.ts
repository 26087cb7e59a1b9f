import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureEnvironment } from '@routeplane/catalog/testing';
import { fakeCommands } from '@routeplane/test-support';
import { afterAll, describe, expect, it } from 'vitest';
import { resource, synth } from '../terraform-json.fixture.js';

/** terraform_data and local-exec are built into Terraform: no provider download is needed. */
function haveTerraform(): boolean {
  const found = spawnSync('terraform', ['version'], { stdio: 'ignore' }).status === 0;
  if (!found) {
    console.warn(
      'NOTE: terraform not on PATH; the real-Terraform run of the destroy step is skipped',
    );
  }
  return found;
}

describe.runIf(haveTerraform())('the destroy-time step under real Terraform', () => {
  const dir = mkdtempSync(join(tmpdir(), 'routeplane-tfdata-'));
  const fakes = fakeCommands({ aws: '', kubectl: '' });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    fakes.remove();
  });
  // The step alone, without the releases it depends on (their providers need the network).
  const { depends_on: _releases, ...step } = resource(
    synth(fixtureEnvironment()),
    'terraform_data',
    'gateway_teardown',
  );
  writeFileSync(
    join(dir, 'main.tf.json'),
    JSON.stringify({ resource: { terraform_data: { gateway_teardown: step } } }),
  );
  const terraform = (...args: string[]) =>
    execFileSync('terraform', args, {
      cwd: dir,
      env: { PATH: fakes.path, HOME: dir, TF_IN_AUTOMATION: '1', TF_CLI_CONFIG_FILE: '/dev/null' },
      stdio: 'pipe',
    });

  it('does nothing on apply, and runs every step in order on destroy', () => {
    terraform('init', '-input=false');
    terraform('apply', '-auto-approve', '-input=false');
    terraform('apply', '-auto-approve', '-input=false');
    expect(fakes.calls()).toEqual([]);
    terraform('destroy', '-auto-approve', '-input=false');
    expect(
      fakes.calls().map((c) =>
        c
          .filter((a) => !a.includes('kubeconfig'))
          .slice(0, 3)
          .join(' '),
      ),
    ).toEqual([
      'aws eks --name',
      'kubectl get applications.argoproj.io',
      'kubectl patch applications.argoproj.io',
      'kubectl get crd',
      'kubectl delete applications.argoproj.io',
      'kubectl get crd',
      'kubectl delete gateways.gateway.networking.k8s.io',
      'aws resourcegroupstaggingapi get-resources',
      'kubectl get crd',
      'kubectl delete applications.argoproj.io',
    ]);
    // Terraform handed the script over unescaped: the JSON merge patch arrived intact.
    expect(fakes.calls()[2]).toContain('{"spec":{"syncPolicy":{"automated":null}}}');
  });
});
