import type { DiffReport, EnvironmentReport } from '@routeplane/diff';
import { describe, expect, it } from 'vitest';
import { run } from './capture-io.fixture.js';
import {
  addStagingEnvironment,
  editCatalog,
  git,
  handEdit,
  moveSampleApp2,
  renderedEdit,
  shippedRepo,
} from './git-repo.fixture.js';

/** A repository where the catalog was edited and regenerated, as in a pull request. */
const changedRepo = renderedEdit;

async function jsonReport(dir: string, ...extra: string[]): Promise<DiffReport> {
  const result = await run(dir, ['diff', '--format', 'json', ...extra]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as DiffReport;
}

function env(report: DiffReport, name: string): EnvironmentReport {
  const found = report.environments.find((e) => e.name === name);
  if (found === undefined) throw new Error(`no environment ${name} in the report`);
  return found;
}

const paths = (e: EnvironmentReport) => e.files.map((f) => `${f.kind} ${f.path}`);

describe('routeplane diff over real catalog changes', () => {
  it('add a route: the route, its HTTPRoute, its Kong route and the files, in every environment', async () => {
    const dir = await changedRepo((c) => {
      c.routes.push({ name: 'app3', paths: ['/app3'], methods: ['GET'], service: 'sample-app-2' });
    });
    const report = await jsonReport(dir, '--base', 'HEAD');
    expect(report.drift).toEqual([]);
    for (const name of ['dev', 'prod']) {
      const e = env(report, name);
      expect(e.status).toBe('changed');
      expect(e.catalog.routes.added).toEqual([
        {
          name: 'app3',
          paths: ['/app3'],
          methods: ['GET'],
          hosts: [],
          plugins: [],
          service: 'sample-app-2',
          namespace: 'sample-apps',
          port: 80,
        },
      ]);
      expect(e.catalog.routes.removed).toEqual([]);
      expect(e.catalog.services).toEqual({ added: [], removed: [] });
      expect(e.objects.kubernetes.added).toEqual(['HTTPRoute/istio-ingress/app3']);
      expect(e.objects.kong.added).toEqual(['route:app3']);
      expect(e.objects.terraform).toEqual({ added: [], removed: [], changed: [] });
      expect(paths(e)).toEqual(
        expect.arrayContaining([
          `added generated/k8s/${name}/routes/httproute-app3.yaml`,
          `modified deck/${name}/kong.yaml`,
        ]),
      );
    }
  });

  it('move a service to another namespace: service, namespace, route backend, grant and Argo CD child', async () => {
    const dir = await changedRepo(moveSampleApp2);
    const e = env(await jsonReport(dir, '--base', 'HEAD'), 'dev');
    expect(e.catalog.services).toEqual({
      added: ['sample-apps-b/sample-app-2'],
      removed: ['sample-apps/sample-app-2'],
    });
    expect(e.catalog.namespaces).toEqual({ added: ['sample-apps-b'], removed: [] });
    expect(e.catalog.routes.changed).toEqual([
      {
        name: 'app2',
        fields: [
          {
            field: 'backend',
            before: 'sample-apps/sample-app-2:80',
            after: 'sample-apps-b/sample-app-2:80',
          },
        ],
      },
    ]);
    expect(e.objects.kubernetes.added).toEqual(
      expect.arrayContaining([
        'Namespace/sample-apps-b',
        'Deployment/sample-apps-b/sample-app-2',
        'ReferenceGrant/sample-apps-b/httproutes-from-istio-ingress',
      ]),
    );
    expect(e.objects.kubernetes.removed).toContain('Deployment/sample-apps/sample-app-2');
    expect(e.objects.argocd.added).toContain(
      'Application/argocd/routeplane-dev-backends-sample-apps-b',
    );
  });

  it('add an environment: the new environment is added with its Terraform resources, the others unchanged', async () => {
    const dir = await changedRepo(addStagingEnvironment);
    const report = await jsonReport(dir, '--base', 'HEAD');
    const staging = env(report, 'staging');
    expect(staging.status).toBe('added');
    expect(staging.catalog.routes.added.map((r) => r.name)).toEqual([
      'app1',
      'app2',
      'healthz',
      'users-api',
    ]);
    expect(staging.objects.terraform.added).toEqual(
      expect.arrayContaining([
        'aws_eks_cluster.cluster',
        'konnect_gateway_control_plane.control_plane',
      ]),
    );
    expect(staging.files.every((f) => f.kind === 'added')).toBe(true);
    expect(env(report, 'dev').status).toBe('unchanged');
    expect(env(report, 'prod').status).toBe('unchanged');
  });

  it('change a plugin: the route field and the Kong plugin change where no override hides it', async () => {
    const dir = await changedRepo((c) => {
      const users = c.routes.find((r) => r.name === 'users-api') as {
        plugins: { rateLimiting: { minute: number } };
      };
      users.plugins.rateLimiting.minute = 200;
    });
    const report = await jsonReport(dir, '--base', 'HEAD');
    const dev = env(report, 'dev');
    expect(dev.catalog.routes.changed).toEqual([
      {
        name: 'users-api',
        fields: [
          {
            field: 'plugin rate-limiting-advanced',
            before: '{"minute":100,"policy":"managedCache","limitBy":"consumer"}',
            after: '{"minute":200,"policy":"managedCache","limitBy":"consumer"}',
          },
        ],
      },
    ]);
    expect(dev.objects.kong.changed).toEqual(['plugin:route:users-api/rate-limiting-advanced']);
    expect(paths(dev)).toEqual(['modified deck/dev/kong.yaml']);
    // prod overrides the limit (rateLimits.users-api: 600/minute): nothing changes there
    expect(env(report, 'prod').status).toBe('unchanged');
  });
});

describe('routeplane diff reports drift and fits a PR comment', () => {
  it('calls a hand edit of a rendered file drift, with no catalog change', async () => {
    const dir = shippedRepo();
    handEdit(dir, 'generated/k8s/dev/routes/httproute-app1.yaml');
    const report = await jsonReport(dir, '--base', 'HEAD');
    expect(report.drift.map((d) => [d.kind, d.path])).toEqual([
      ['updated', 'generated/k8s/dev/routes/httproute-app1.yaml'],
    ]);
    expect(report.drift[0]?.patch).toContain('-# edited by hand');
    expect(report.environments.map((e) => e.status)).toEqual(['unchanged', 'unchanged']);
    const markdown = (await run(dir, ['diff', '--base', 'HEAD', '--format', 'markdown'])).stdout;
    expect(markdown).toContain('**Drift:** 1 rendered file(s) differ');
    expect(markdown).toContain('`generated/k8s/dev/routes/httproute-app1.yaml` (updated)');
  });

  const markdownCapped = (dir: string, maxBytes: string) =>
    run(dir, ['diff', '--base', 'HEAD', '--format', 'markdown', '--max-bytes', maxBytes]);

  it('keeps the markdown under --max-bytes, omitting the diffs that do not fit', async () => {
    const dir = await changedRepo(addStagingEnvironment);
    const capped = await markdownCapped(dir, '6000');
    expect(capped.code).toBe(0);
    expect(Buffer.byteLength(capped.stdout, 'utf8')).toBeLessThanOrEqual(6000);
    expect(capped.stdout.startsWith('<!-- routeplane-diff -->')).toBe(true);
    expect(capped.stdout).toMatch(/_\d+ file diff\(s\) omitted to stay under 6000 bytes/);
    expect(capped.stdout).toContain('| staging | added |');
    const roomy = await markdownCapped(dir, '2000000');
    expect(roomy.stdout).not.toContain('omitted');
    expect(roomy.stdout.match(/<details>/g)?.length).toBeGreaterThan(30);
  });

  it('the text format names every changed route and file', async () => {
    const dir = await changedRepo((c) => {
      c.routes.push({ name: 'app3', paths: ['/app3'], service: 'sample-app-2' });
    });
    const text = (await run(dir, ['diff', '--base', 'HEAD'])).stdout;
    expect(text).toContain('route added app3: /app3 -> sample-apps/sample-app-2:80');
    expect(text).toContain('added generated/k8s/dev/routes/httproute-app3.yaml');
  });
});

describe('routeplane diff bases', () => {
  it('defaults to the merge base with main on a feature branch', async () => {
    const dir = shippedRepo();
    git(dir, 'checkout', '-q', '-b', 'feature');
    editCatalog(dir, (c) => {
      c.routes.push({ name: 'app3', paths: ['/app3'], service: 'sample-app-2' });
    });
    await run(dir, ['generate']);
    git(dir, 'commit', '-q', '-am', 'add app3');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'rendered');
    const report = await jsonReport(dir);
    expect(report.base).toMatch(/^[0-9a-f]{12}$/);
    expect(env(report, 'dev').catalog.routes.added.map((r) => r.name)).toEqual(['app3']);
  });

  it('treats a revision without the catalog as empty: every environment is added', async () => {
    const dir = shippedRepo();
    git(dir, 'rm', '-q', '--cached', 'catalog.yaml');
    git(dir, 'commit', '-q', '-m', 'no catalog');
    const report = await jsonReport(dir, '--base', 'HEAD');
    expect(report.base).toMatch(/no catalog\.yaml$/);
    expect(report.environments.map((e) => e.status)).toEqual(['added', 'added']);
  });

  it.each([
    [['--base', 'no-such-branch'], /--base: "no-such-branch" is not a commit/],
    [['--max-bytes', '10'], /--max-bytes must be an integer of at least 1000, but "10" was given/],
    [['--format', 'html'], /argument 'html' is invalid/],
  ])('refuses %j with exit 2', async (args, message) => {
    const dir = shippedRepo();
    const result = await run(dir, ['diff', ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('reports a catalog that does not load at the base against the revision, exit 2', async () => {
    const dir = shippedRepo();
    editCatalog(dir, (c) => {
      c.routes.push({ name: 'broken', paths: ['/x'], service: 'no-such-service' });
    });
    git(dir, 'commit', '-q', '-am', 'broken catalog');
    git(dir, 'checkout', '-q', 'HEAD~1', '--', 'catalog.yaml');
    const result = await run(dir, ['diff', '--base', 'HEAD']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^HEAD \([0-9a-f]{12}\):catalog\.yaml:\d+:\d+ routes\[4\]\.service/m,
    );
  });
});
