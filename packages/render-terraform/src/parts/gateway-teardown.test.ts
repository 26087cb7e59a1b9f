import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureEnvironment } from '@routeplane/catalog/testing';
import { fakeCommands } from '@routeplane/test-support';
import { afterEach, describe, expect, it } from 'vitest';
import { shellScript } from '../teardown/shell-script.js';
import { ref, resource, synth } from '../terraform-json.fixture.js';

const env = fixtureEnvironment();
const tf = synth(env);
const teardown = resource(tf, 'terraform_data', 'gateway_teardown');
const localExec = (teardown.provisioner as { 'local-exec': Record<string, unknown> }[])[0]?.[
  'local-exec'
] as { command: string; when: string; interpreter: string[] };

/** The script as Terraform hands it to the interpreter (`$${` is Terraform's escape for `${`). */
const script = localExec.command.replaceAll('$${', '${').replaceAll('%%{', '%{');

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup) c();
  cleanup = [];
});

/** Runs a script with fakes first on PATH in a scratch directory; returns exit code and calls. */
function runWithFakes(text: string, behaviour: Record<string, string>) {
  const fakes = fakeCommands(behaviour);
  const cwd = mkdtempSync(join(tmpdir(), 'routeplane-tf-'));
  cleanup.push(fakes.remove, () => rmSync(cwd, { recursive: true, force: true }));
  let status = 0;
  try {
    execFileSync('/bin/sh', ['-c', text], { cwd, env: { PATH: fakes.path }, stdio: 'pipe' });
  } catch (error) {
    status = (error as { status: number }).status;
  }
  return { status, calls: fakes.calls().map((c) => c.slice(0, 4).join(' ')) };
}

const quiet = { aws: '', kubectl: '' };

describe('destroy-time gateway teardown in the rendered Terraform', () => {
  it('runs only on destroy, before the Helm releases it depends on are uninstalled', () => {
    expect(localExec.when).toBe('destroy');
    expect(localExec.interpreter).toEqual(['/bin/sh', '-c']);
    expect(teardown.depends_on).toEqual([
      'helm_release.lb_controller_release',
      'helm_release.argocd_release',
      'helm_release.argocd_root_application',
    ]);
    // Nothing that a normal apply could change, so it is never replaced (which would run it).
    expect(teardown).not.toHaveProperty('triggers_replace');
    expect(teardown).not.toHaveProperty('input');
  });

  it('disables the root, deletes the gateway child and the Gateway, waits for the NLB, deletes the Applications', () => {
    const { status, calls } = runWithFakes(script, quiet);
    expect(status).toBe(0);
    expect(calls).toEqual([
      'aws eks update-kubeconfig --name',
      'kubectl --kubeconfig .routeplane-teardown.kubeconfig get',
      'kubectl --kubeconfig .routeplane-teardown.kubeconfig patch',
      'kubectl --kubeconfig .routeplane-teardown.kubeconfig get',
      'kubectl --kubeconfig .routeplane-teardown.kubeconfig delete',
      'kubectl --kubeconfig .routeplane-teardown.kubeconfig get',
      'kubectl --kubeconfig .routeplane-teardown.kubeconfig delete',
      'aws resourcegroupstaggingapi get-resources --region',
      'kubectl --kubeconfig .routeplane-teardown.kubeconfig get',
      'kubectl --kubeconfig .routeplane-teardown.kubeconfig delete',
    ]);
    expect(script).toContain('delete applications.argoproj.io --all --namespace argocd');
    expect(script).toContain(`Key=elbv2.k8s.aws/cluster,Values=${env.aws.cluster.name}`);
    expect(script).toContain(`delete gateways.gateway.networking.k8s.io ${env.gateway.name}`);
  });

  it('skips the cluster steps whose objects are already gone and still waits for the NLB', () => {
    const { status, calls } = runWithFakes(script, { aws: '', kubectl: 'exit 1' });
    expect(status).toBe(0);
    expect(calls.filter((c) => /patch|delete/.test(c))).toEqual([]);
    expect(calls.filter((c) => c.startsWith('aws resourcegroupstaggingapi'))).toHaveLength(1);
  });

  it('stops with a non-zero exit when deleting the Gateway fails', () => {
    const { status, calls } = runWithFakes(script, {
      aws: '',
      kubectl: 'case "$*" in *"delete gateways"*) echo boom >&2; exit 3;; esac',
    });
    expect(status).toBe(3);
    expect(calls.some((c) => c.startsWith('aws resourcegroupstaggingapi'))).toBe(false);
  });

  it('polls until the tagged load balancers are gone, and times out with a message', () => {
    const wait = {
      kind: 'wait-until-empty',
      title: 'nlb',
      argv: ['aws', 'list'],
      timeoutSeconds: 0,
      intervalSeconds: 0,
    } as const;
    // Two answers with a load balancer, then none.
    const countdown = `n=$(grep -c '^aws' "$(dirname "$0")/calls.log"); [ "$n" -le 2 ] && echo arn:lb; exit 0`;
    expect(
      runWithFakes(shellScript([{ ...wait, timeoutSeconds: 60 }], []), { aws: countdown }),
    ).toEqual({
      status: 0,
      calls: ['aws list', 'aws list', 'aws list'],
    });
    expect(runWithFakes(shellScript([wait], []), { aws: 'echo arn:lb' }).status).toBe(1);
  });
});

describe('Konnect teardown order carried by the graph', () => {
  it('destroys the attachment before the network and the network before the control plane', () => {
    const attachment = resource(
      tf,
      'konnect_cloud_gateway_transit_gateway',
      'cloud_gateway_transit_gateway',
    );
    expect(attachment.network_id).toBe(
      ref('konnect_cloud_gateway_network.cloud_gateway_network.id'),
    );
    expect(
      resource(tf, 'konnect_cloud_gateway_network', 'cloud_gateway_network').depends_on,
    ).toEqual(['konnect_gateway_control_plane.control_plane']);
  });
});
