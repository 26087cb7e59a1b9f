import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fakeCommands, repoRoot } from '@routeplane/test-support';
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandIo } from './io.js';
import { main } from './main.js';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Each call as `name first-args...`, short enough to read in a table. */
  readonly calls: string[];
}

const removers: (() => void)[] = [];
afterEach(() => {
  for (const remove of removers.splice(0)) remove();
});

const lbArn = 'arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/net/k8s-gw/abc';

/** Fakes that succeed; `aws resourcegroupstaggingapi` lists the NLB on its first two calls. */
const healthy: Record<string, string> = {
  aws: `case "$1" in resourcegroupstaggingapi) n=$(grep -c '^aws	resourcegroupstaggingapi' "$(dirname "$0")/calls.log"); [ "$n" -le 2 ] && echo ${lbArn};; esac`,
  kubectl: '',
  terraform: '',
};

async function teardown(
  args: string[],
  behaviour: Record<string, string> = healthy,
  systemPath = '/usr/bin:/bin',
): Promise<Run> {
  const fakes = fakeCommands(behaviour);
  removers.push(fakes.remove);
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CommandIo = {
    cwd: repoRoot,
    // Only the fakes and the base system: a real kubectl/aws/terraform is never reached.
    env: { PATH: systemPath === '' ? fakes.binDir : `${fakes.binDir}:${systemPath}` },
    out: (t) => stdout.push(t),
    err: (t) => stderr.push(t),
  };
  const code = await main(['teardown', ...args], io);
  const calls = fakes.calls().map((c) => {
    const [name = '', ...rest] = c;
    // The kubeconfig is a temporary file: drop `--kubeconfig <path>` from kubectl calls.
    const words = name === 'kubectl' && rest[0] === '--kubeconfig' ? rest.slice(2) : rest;
    return [name, ...words.slice(0, 3)].join(' ');
  });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n'), calls };
}

const expectedOrder = [
  'aws eks update-kubeconfig --name',
  'kubectl get applications.argoproj.io routeplane-dev-root',
  'kubectl patch applications.argoproj.io routeplane-dev-root',
  'kubectl get crd applications.argoproj.io',
  'kubectl delete applications.argoproj.io routeplane-dev-gateway',
  'kubectl get crd gateways.gateway.networking.k8s.io',
  'kubectl delete gateways.gateway.networking.k8s.io kong-cloud-gw-gateway',
  'aws resourcegroupstaggingapi get-resources --region',
  'aws resourcegroupstaggingapi get-resources --region',
  'aws resourcegroupstaggingapi get-resources --region',
  'kubectl get crd applications.argoproj.io',
  'kubectl delete applications.argoproj.io --all',
  'terraform -chdir=generated/terraform/dev init -input=false',
  'terraform -chdir=generated/terraform/dev destroy -auto-approve',
];

describe('routeplane teardown', () => {
  it('prints the plan with --dry-run and runs nothing', async () => {
    const run = await teardown(['--env', 'dev', '--dry-run']);
    expect(run.code).toBe(0);
    expect(run.calls).toEqual([]);
    const titles = run.stdout.split('\n').filter((l) => /^\d+\. /.test(l));
    expect(titles).toEqual([
      '1. Write a kubeconfig for kong-cloud-gw-dev',
      '2. Turn off auto-sync of the root Application (it would re-create what is deleted)',
      '3. Delete the gateway Application and its resources',
      '4. Delete the Gateway (its Service owns the NLB)',
      '5. Wait until no load balancer tagged elbv2.k8s.aws/cluster=kong-cloud-gw-dev remains',
      '6. Delete every Argo CD Application with its resources',
      '7. terraform init',
      '8. terraform destroy',
    ]);
    expect(run.stdout).toMatch(/^ {3}terraform -chdir=generated\/terraform\/dev destroy$/m);
  });

  it('drives kubectl, aws and terraform in the documented order', async () => {
    const run = await teardown(['--env', 'dev', '--yes', '--poll-interval', '0']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.calls).toEqual(expectedOrder);
    expect(run.stdout).toContain(`still present: ${lbArn}`);
    expect(run.stdout).toContain('environment dev destroyed');
  });

  it('skips cluster steps whose objects are gone (a repeated run) and still destroys', async () => {
    const run = await teardown(['--env', 'dev', '--poll-interval', '0'], {
      ...healthy,
      kubectl: 'case "$*" in *" get "*) exit 1;; esac',
    });
    expect(run.code).toBe(0);
    expect(run.calls.filter((c) => /kubectl (patch|delete)/.test(c))).toEqual([]);
    expect(run.calls.at(-1)).toBe('terraform -chdir=generated/terraform/dev destroy');
  });

  it.each([
    {
      name: 'deleting the Gateway fails',
      behaviour: { ...healthy, kubectl: 'case "$*" in *"delete gateways"*) exit 1;; esac' },
      message:
        /step 4\/8 \(Delete the Gateway \(its Service owns the NLB\)\) failed: `kubectl .* delete gateways\.gateway\.networking\.k8s\.io kong-cloud-gw-gateway .*` exited with 1/,
      lastCall: 'kubectl delete gateways.gateway.networking.k8s.io kong-cloud-gw-gateway',
    },
    {
      name: 'the AWS CLI cannot list load balancers',
      behaviour: { ...healthy, aws: 'case "$1" in resourcegroupstaggingapi) exit 254;; esac' },
      message: /step 5\/8 .* failed: `aws resourcegroupstaggingapi .*` exited with 254/,
      lastCall: 'aws resourcegroupstaggingapi get-resources --region',
    },
    {
      name: 'terraform destroy fails',
      behaviour: { ...healthy, terraform: 'case "$*" in *destroy*) exit 1;; esac' },
      message: /step 8\/8 \(terraform destroy\) failed/,
      lastCall: 'terraform -chdir=generated/terraform/dev destroy',
    },
  ])('stops with exit 1 when $name', async ({ behaviour, message, lastCall }) => {
    const run = await teardown(['--env', 'dev', '--poll-interval', '0'], behaviour);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('Nothing after it ran');
    expect(run.calls.at(-1)).toBe(lastCall);
  });

  it('stops with exit 1 when kubectl is not installed', async () => {
    // PATH holds only the fakes (a real kubectl may sit in /usr/bin).
    const run = await teardown(['--env', 'dev'], { aws: '', terraform: '' }, '');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/step 2\/8 .* failed: kubectl is not on PATH/);
    expect(run.calls).toEqual(['aws eks update-kubeconfig --name']);
  });

  it('gives up waiting for the NLB after --wait-timeout, before any terraform call', async () => {
    const run = await teardown(['--env', 'dev', '--wait-timeout', '0'], {
      ...healthy,
      aws: `case "$1" in resourcegroupstaggingapi) echo ${lbArn};; esac`,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`timed out after 0s; still present: ${lbArn}`);
    expect(run.calls.some((c) => c.startsWith('terraform'))).toBe(false);
  });

  /** A copy of `source` with `deletionProtection: false` inserted after the line `anchor` matches. */
  function unprotectedCopy(source: string, anchor: RegExp, extraIndent: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'routeplane-teardown-unprotected-'));
    removers.push(() => rmSync(dir, { recursive: true, force: true }));
    const text = readFileSync(join(repoRoot, source), 'utf8');
    const unprotected = text.replace(
      anchor,
      (line, indent: string) => `${line}${indent}${extraIndent}deletionProtection: false\n`,
    );
    expect(unprotected).not.toBe(text);
    const catalog = join(dir, 'catalog.yaml');
    writeFileSync(catalog, unprotected);
    return catalog;
  }

  it.each([
    ['an ALB edge (aws.edge)', 'examples/alb-edge/catalog.yaml', /^( +)kind: alb\n/m, '', 'dev'],
    [
      "a CloudFront edge (prod's own aws.edge)",
      'catalog.yaml',
      /^( +)wafRateLimitPer5Minutes: 10000\n/m,
      '',
      'prod',
    ],
    [
      'an ECS Fargate environment (kong.dataPlane.ecsFargate)',
      'examples/ecs-fargate/catalog.yaml',
      /^( +)ecsFargate:\n/m,
      '  ',
      'dev',
    ],
  ])(
    'tears down %s whose deletion protection is off',
    async (_name, source, anchor, extra, env) => {
      const catalog = unprotectedCopy(source, anchor, extra);
      const run = await teardown(['--env', env, '--catalog', catalog, '--poll-interval', '0']);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.calls.at(-1)).toBe(`terraform -chdir=generated/terraform/${env} destroy`);
      expect(run.stdout).toContain(`environment ${env} destroyed`);
    },
  );

  it.each([
    [['--dry-run'], /required option '-e, --env <name>' not specified/],
    [['--env', 'staging', '--dry-run'], /unknown environment "staging"/],
    [
      ['--env', 'dev', '--wait-timeout', 'soon'],
      /--wait-timeout must be a whole number of seconds >= 0, but "soon" was given/,
    ],
    // AWS refuses to delete a protected ALB: destroy would stop halfway.
    [
      ['--env', 'dev', '--catalog', 'examples/alb-edge/catalog.yaml'],
      /environment dev: its edge ALB is protected from deletion \(aws.edge.deletionProtection is true\), and AWS refuses to delete it, so terraform destroy would stop halfway\. Set aws.edge.deletionProtection: false for dev, run routeplane generate and terraform apply \(this also lets destroy delete the ALB's log bucket with its logs: copy them first to keep them\), then run teardown again/,
    ],
    // S3 refuses to delete the non-empty log bucket of a protected CloudFront edge (the shipped prod).
    [
      ['--env', 'prod'],
      /environment prod: its CloudFront access-log bucket is protected from deletion \(aws.edge.deletionProtection is true\), and S3 refuses to delete a bucket that holds objects \(BucketNotEmpty\) unless it is force_destroy, and CloudFront writes logs there from the first request, so terraform destroy would fail and leave the bucket behind\. Set aws.edge.deletionProtection: false for prod, run routeplane generate and terraform apply \(this makes the log bucket force_destroy, so destroy deletes it with its logs: copy them first to keep them\), then run teardown again/,
    ],
    [
      ['--env', 'prod', '--dry-run'],
      /environment prod: its CloudFront access-log bucket is protected/,
    ],
    // ECR refuses to delete a repository that holds the copied Kong image.
    [
      ['--env', 'dev', '--catalog', 'examples/ecs-fargate/catalog.yaml'],
      /environment dev: its Kong image repository is protected from deletion \(kong.dataPlane.ecsFargate.deletionProtection is true\), and ECR refuses to delete a repository that holds images \(RepositoryNotEmptyException\) unless it is force_delete, so terraform destroy would fail and leave it behind\. Set kong.dataPlane.ecsFargate.deletionProtection: false for dev, run routeplane generate and terraform apply \(this lets destroy delete the repository with its images: copy them first to keep them\), then run teardown again/,
    ],
    [
      ['--env', 'test', '--catalog', 'examples/ecs-fargate/catalog.yaml'],
      /environment test: its Kong image repository and its CloudFront entry's access-log bucket are protected from deletion \(kong.dataPlane.ecsFargate.deletionProtection is true\), and ECR refuses .*, and S3 refuses to delete a bucket that holds objects \(BucketNotEmpty\).*, so terraform destroy would fail and leave them behind\..*\(this lets destroy delete the repository with its images and the log bucket with its logs: copy them first to keep them\)/,
    ],
  ])('refuses %j with exit 2', async (args, message) => {
    const run = await teardown(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.calls).toEqual([]);
  });
});
