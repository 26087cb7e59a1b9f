import { fixtureEnvironment } from '@routeplane/catalog/testing';
import { fakeCommands } from '@routeplane/test-support';
import { afterAll, describe, expect, it } from 'vitest';
import { haveTerraform, terraformScratch } from '../terraform-cli.fixture.js';
import { resource, synth } from '../terraform-json.fixture.js';

describe.runIf(haveTerraform())('the destroy-time step under real Terraform', () => {
  const fakes = fakeCommands({ aws: '', kubectl: '' });
  // The step alone, without the releases it depends on (their providers need the network).
  const { depends_on: _releases, ...step } = resource(
    synth(fixtureEnvironment()),
    'terraform_data',
    'gateway_teardown',
  );
  const scratch = terraformScratch(
    { resource: { terraform_data: { gateway_teardown: step } } },
    fakes.path,
  );
  afterAll(() => {
    scratch.remove();
    fakes.remove();
  });
  const terraform = scratch.run;

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
