import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { loadModel } from '@routeplane/catalog';
import {
  formatSchemaErrors,
  haveSharedSchemas,
  repoRoot,
  workflowValidator,
} from '@routeplane/test-support';
import { describe, expect, it } from 'vitest';
import { run } from '../commands/capture-io.fixture.js';
import { readWorkflows, routeplaneCalls, type WorkflowJob } from './workflow-files.fixture.js';

const workflows = readWorkflows();
const model = loadModel(join(repoRoot, 'catalog.yaml'));
const envNames = model.environments.map((e) => e.name);
const jobs = workflows.flatMap((w) =>
  Object.entries(w.doc.jobs).map(([name, job]) => ({ workflow: w.file, name, job })),
);
const runs = (job: WorkflowJob) => job.steps.map((s) => s.run ?? '').join('\n');

describe('the workflows', () => {
  it('are the pull request and deploy workflows', () => {
    expect(workflows.map((w) => w.file)).toEqual(['deploy.yml', 'pull-request.yml']);
    expect(Object.keys(workflows[1]?.doc.on ?? {})).toEqual(['pull_request']);
    // daily: decK pushes the client certificate cert-manager renewed to Kong
    expect(workflows[0]?.doc.on).toEqual({
      push: { branches: ['main'] },
      schedule: [{ cron: '17 5 * * *' }],
    });
  });

  describe.runIf(haveSharedSchemas())('against the GitHub workflow JSON Schema', () => {
    it.each(workflows.map((w) => [w.file, w]))('%s is valid', (_file, w) => {
      const validate = workflowValidator();
      const ok = validate(w.doc);
      expect(formatSchemaErrors(validate.errors), w.file).toEqual([]);
      expect(ok).toBe(true);
    });

    it('the schema refuses a job without runs-on', () => {
      const validate = workflowValidator();
      expect(validate({ on: 'push', jobs: { x: { steps: [{ run: 'true' }] } } })).toBe(false);
    });
  });

  it.each(jobs.map((j) => [`${j.workflow} ${j.name}`, j.job]))(
    '%s has a timeout and least-privilege permissions',
    (_id, job) => {
      expect(job['timeout-minutes']).toBeGreaterThan(0);
      expect(job.permissions).toBeDefined();
      const granted = Object.entries(job.permissions ?? {});
      for (const [scope, level] of granted) {
        // write only where the job needs it: OIDC tokens and the PR comment
        if (level === 'write') expect(['id-token', 'pull-requests']).toContain(scope);
      }
    },
  );

  it('grant nothing by default at the workflow level', () => {
    for (const w of workflows) expect(w.doc.permissions, w.file).toEqual({});
  });

  it('pin every action to a full commit SHA, with its tag beside it', () => {
    const uses = workflows.flatMap((w) => [...w.text.matchAll(/uses: (\S+)(.*)$/gm)]);
    expect(uses.length).toBeGreaterThan(10);
    for (const [line, action, rest] of uses) {
      expect(action, line).toMatch(/^[\w-]+\/[\w-]+@[0-9a-f]{40}$/);
      expect(rest, line).toMatch(/^ # v\d+\.\d+\.\d+$/);
    }
  });

  it('take secrets only from the secret store, into environment variables, never into scripts', () => {
    for (const w of workflows) {
      for (const line of w.text.split('\n').filter((l) => l.includes('secrets.'))) {
        expect(line, w.file).toMatch(/^\s+[A-Za-z_]+: \$\{\{ secrets\.[A-Z_]+ \}\}$/);
      }
    }
    for (const { workflow, name, job } of jobs) {
      // matrix values and secrets reach scripts as variables: no expression is spliced into a script
      expect(runs(job), `${workflow} ${name}`).not.toContain('${{');
    }
  });

  it('give decK every DECK_ variable the catalog needs, in every job that runs decK against Konnect', () => {
    const needed = [...new Set(model.environments.flatMap((e) => e.kong.requiredEnv))].sort();
    // Kong's CA and client certificate are read from the cluster's Secret at run time, never stored.
    const fromCluster = new Set(
      model.environments.flatMap((e) => [
        e.kong.upstream.caCertificateEnv,
        e.kong.upstream.clientCertificateEnv,
        e.kong.upstream.clientKeyEnv,
      ]),
    );
    const deckJobs = jobs.filter((j) => /deck gateway (diff|sync)/.test(runs(j.job)));
    expect(deckJobs.map((j) => `${j.workflow} ${j.name}`)).toEqual([
      'deploy.yml deck-sync',
      'pull-request.yml deck-diff',
    ]);
    for (const { job } of deckJobs) {
      expect(
        Object.keys(job.env ?? {})
          .filter((k) => k.startsWith('DECK_'))
          .sort(),
      ).toEqual(needed.filter((v) => !fromCluster.has(v)));
      expect(runs(job)).toMatch(
        /\.environments\[0\]\.deck\.certificates[\s\S]*kubectl -n[\s\S]*>> "\$GITHUB_ENV"[\s\S]*routeplane deck-env --env "\$ENV" --check[\s\S]*deck gateway/,
      );
      expect(job.permissions).toMatchObject({ 'id-token': 'write' });
    }
  });

  it('cancel an older pull request run, never an older deploy', () => {
    const [deploy, pr] = workflows.map((w) => w.text);
    expect(pr).toMatch(
      /concurrency:\n {2}group: pull-request-\$\{\{ github\.event\.pull_request\.number \}\}\n {2}cancel-in-progress: true/,
    );
    expect(deploy).toMatch(
      /concurrency:\n {2}group: deploy-\$\{\{ github\.ref \}\}\n {2}cancel-in-progress: false/,
    );
  });

  it('deploy through GitHub environments, one apply or sync per environment at a time', () => {
    const deploy = workflows.find((w) => w.file === 'deploy.yml')?.doc.jobs ?? {};
    for (const name of ['terraform', 'deck-sync']) {
      const job = deploy[name];
      expect(job?.environment, name).toBe(`\${{ matrix.env }}`);
      expect(job?.concurrency, name).toEqual({
        group: `${name}-\${{ matrix.env }}`,
        'cancel-in-progress': false,
      });
    }
    expect(deploy['deck-sync']?.needs).toEqual(['environments', 'terraform']);
    expect(runs(deploy.terraform as WorkflowJob)).toContain(
      'apply -input=false -no-color plan.tfplan',
    );
  });
});

describe("the routeplane commands of every workflow's run: steps, locally on the shipped catalog", () => {
  const calls = routeplaneCalls(workflows);
  // every environment a step names through $ENV, all other variables as CI would set them
  const expanded = calls.flatMap((call) =>
    (call.args.some((a) => a.includes('$ENV')) ? envNames : [undefined]).map((env) => ({
      ...call,
      args: call.args.map((a) => a.replace('$ENV', env ?? '').replace('origin/$BASE_REF', 'HEAD')),
    })),
  );

  it('covers check, diff, routes, validate and deck-env', () => {
    expect([...new Set(calls.map((c) => c.args[0]))].sort()).toEqual([
      'check',
      'deck-env',
      'diff',
      'routes',
      'validate',
    ]);
    expect(expanded.every((c) => c.args.every((a) => !a.includes('$')))).toBe(true);
  });

  const deckValues = Object.fromEntries(
    model.environments.flatMap((e) => e.kong.requiredEnv).map((n) => [n, 'set-in-ci']),
  );
  it.each(expanded.map((c) => [`${c.workflow} ${c.job}: routeplane ${c.args.join(' ')}`, c]))(
    '%s exits 0',
    async (_id, call) => {
      const result = await run(repoRoot, call.args, deckValues);
      expect(result.stderr).not.toMatch(/error/i);
      expect(result.code).toBe(0);
      if (call.args[0] === 'diff') expect(result.stdout).toContain('<!-- routeplane-diff -->');
    },
    120_000,
  );

  it('the jq program of the matrix step turns `routes --format json` into one entry per environment', async () => {
    const routes = await run(repoRoot, ['routes', '--format', 'json']);
    const step = workflows
      .flatMap((w) => Object.values(w.doc.jobs).flatMap((j) => j.steps))
      .find((s) => s.run?.includes('jq -c'));
    const program = /jq -c '([^']+)'/.exec(step?.run ?? '')?.[1];
    expect(program).toBeDefined();
    let jq: string;
    try {
      jq = execFileSync('jq', ['-c', program ?? '.'], { input: routes.stdout, encoding: 'utf8' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        console.warn('NOTE: jq is not on PATH; the matrix program was not run');
        return;
      }
      throw error;
    }
    expect(JSON.parse(jq)).toEqual({
      include: envNames.map((env) => ({
        env,
        deckFile: `deck/${env}/kong.yaml`,
        controlPlane: `kong-cloud-gw-${env}`,
        konnectAddr: 'https://us.api.konghq.com',
        selectTags: '--select-tag=routeplane',
        terraformDir: `generated/terraform/${env}`,
        awsRegion: 'us-east-1',
        cluster: model.environments.find((e) => e.name === env)?.aws.cluster.name,
      })),
    });
  });

  /** The program of a `grep -E '...'` or `jq -r '...'` in a job's run scripts. */
  function program(job: string, tool: RegExp): string {
    const script = jobs
      .filter((j) => j.name === job && j.workflow === 'pull-request.yml')
      .map((j) => runs(j.job))
      .join('\n');
    const found = new RegExp(`${tool.source} '([^']+)'`).exec(script)?.[1];
    if (found === undefined) throw new Error(`no ${tool.source} program in ${job}`);
    return found;
  }

  function tool(name: string, args: string[], input: string): string | undefined {
    try {
      return execFileSync(name, args, { input, encoding: 'utf8' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      console.warn(`NOTE: ${name} is not on PATH; its program was not run`);
      return undefined;
    }
  }

  it('the decK part of the comment keeps entity names and the summary, never field values', () => {
    const diff = [
      'updating consumer demo-user  {',
      '   "jwt_secrets": [',
      '-    "secret": "old-secret-value"',
      '+    "secret": "new-secret-value"',
      '}',
      'creating route app3',
      'Summary:',
      '  Created: 1',
      '  Updated: 1',
      '  Deleted: 0',
      '',
    ].join('\n');
    const kept = tool('grep', ['-E', program('deck-diff', /grep -E/)], diff);
    if (kept === undefined) return;
    expect(kept.split('\n').filter((l) => l !== '')).toEqual([
      'updating consumer demo-user  {',
      'creating route app3',
      'Summary:',
      '  Created: 1',
      '  Updated: 1',
      '  Deleted: 0',
    ]);
  });

  it('the plan part of the comment keeps actions and addresses, never values', () => {
    const plan = JSON.stringify({
      resource_changes: [
        {
          address: 'aws_wafv2_web_acl.web_acl',
          change: { actions: ['update'], after: { name: 'x' } },
        },
        { address: 'aws_vpc.vpc', change: { actions: ['no-op'] } },
        {
          address: 'aws_kms_key.logs',
          change: { actions: ['delete', 'create'], after: { policy: 'secret-ish' } },
        },
      ],
    });
    const kept = tool('jq', ['-r', program('terraform', /jq -r/)], plan);
    if (kept === undefined) return;
    expect(kept.trim().split('\n')).toEqual([
      'update aws_wafv2_web_acl.web_acl',
      'delete/create aws_kms_key.logs',
    ]);
  });
});
