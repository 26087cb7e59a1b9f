import { chmodSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newEnvironment } from '@routeplane/catalog/testing';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import {
  builtBench,
  renderedRepo,
  runBuilt,
  runInProcess,
  scratchRepo,
  shippedCatalog,
  snapshotTree,
} from './run-built.fixture.js';

// Most cases run the command in-process (runInProcess); the ones that run the bundle in a new
// process (runBuilt) prove what only a process shows: PATH lookup, exit code, stdio, the cache.

/** A PATH directory with fake tools printing `version` for their version command. */
function fakeTools(tools: Record<string, { version: string; exit?: number }>): string {
  const bin = mkdtempSync(join(tmpdir(), 'routeplane-fake-bin-'));
  for (const [tool, { version, exit = 0 }] of Object.entries(tools)) {
    writeFileSync(
      join(bin, tool),
      `#!/bin/sh\nif [ "$1" = version ] || [ "$1" = -v ]; then echo '${version}'; exit 0; fi\necho "${tool} ran: $*"\nexit ${exit}\n`,
    );
    chmodSync(join(bin, tool), 0o755);
  }
  return bin;
}

/** PATH with the fake tools first, then /bin for the scripts' shell. */
const pathWith = (bin: string) => `${bin}:/bin:/usr/bin`;

interface ToolJson {
  tool: string;
  status: string;
  found?: string;
  needed: string;
  output: string;
}

describe('validate with external tools on PATH (item 1)', () => {
  const repo = scratchRepo();

  it.each([
    [
      'an old decK (no `file validate`)',
      { deck: { version: 'decK v1.4.0' }, kubeconform: { version: 'v0.6.7' } },
      0,
      { tool: 'deck', status: 'skipped', found: '1.4.0', needed: '1.40.0' },
    ],
    [
      'an old kubeconform',
      { deck: { version: 'decK v1.40.1' }, kubeconform: { version: 'v0.5.9' } },
      0,
      { tool: 'kubeconform', status: 'skipped', found: '0.5.9', needed: '0.6.0' },
    ],
    [
      'a decK that fails',
      { deck: { version: 'decK v1.45.0', exit: 1 }, kubeconform: { version: 'v0.7.0' } },
      1,
      { tool: 'deck', status: 'failed', found: '1.45.0', needed: '1.40.0' },
    ],
  ])('with %s: exit %i and the tool in --format json', async (_name, tools, code, expected) => {
    const run = await runInProcess(['validate', '--format', 'json'], repo, {
      PATH: pathWith(fakeTools(tools)),
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(code);
    const report = JSON.parse(run.stdout) as { errors: number; tools: ToolJson[] };
    expect(report.tools).toContainEqual(expect.objectContaining(expected));
    expect(report.errors).toBe(code === 0 ? 0 : 2); // one failure per deck file (dev, prod)
  });

  it('names the version found and needed in human output', () => {
    const run = runBuilt(['validate'], repo, {
      PATH: pathWith(fakeTools({ deck: { version: 'decK v1.4.0' } })),
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'deck 1.4.0: skipped\n  deck 1.4.0 is too old: routeplane needs deck >= 1.40.0: skipped',
    );
    expect(run.stdout).toContain('kubeconform: skipped\n  kubeconform is not on PATH: skipped');
  });

  it('--output writes the report to a file, for `pnpm` scripts whose banner goes to stdout', async () => {
    const run = await runInProcess(
      ['validate', '--no-external', '--format', 'json', '--output', 'report.json'],
      repo,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(repo, 'report.json'), 'utf8'))).toMatchObject({
      errors: 0,
      waived: 0,
    });
  });
});

describe('removing an environment (item 3)', () => {
  const withoutProd = () => {
    const data = parse(shippedCatalog) as { environments: { name: string }[] };
    data.environments = data.environments.filter((e) => e.name !== 'prod');
    return stringify(data);
  };

  it('refuses without --delete-environment: exit 2, names the files, writes nothing', () => {
    const repo = scratchRepo();
    const before = snapshotTree(repo);
    writeFileSync(join(repo, 'catalog.yaml'), withoutProd());
    const run = runBuilt(['generate'], repo);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^routeplane: environment "prod" is no longer in the catalog; generate would delete its \d+ rendered file\(s\) \(.*generated\/terraform\/prod\/.*\), Terraform included\. Run again with --delete-environment prod to delete them\nrouteplane: nothing was written\n$/,
    );
    expect(run.stdout).toBe('');
    expect(snapshotTree(repo)).toEqual(before);
  });

  it('deletes exactly that tree with --delete-environment prod and lists each file', async () => {
    const repo = scratchRepo();
    const prodFiles = Object.keys(snapshotTree(repo)).filter((p) => p.split('/').includes('prod'));
    writeFileSync(join(repo, 'catalog.yaml'), withoutProd());
    const run = await runInProcess(['generate', '--delete-environment', 'prod'], repo);
    expect(run.code).toBe(0);
    for (const path of prodFiles) expect(run.stdout).toContain(`deleted   ${path}\n`);
    expect(run.stdout).toContain(
      `routeplane: deleted environment prod: ${prodFiles.length} file(s)`,
    );
    expect(Object.keys(snapshotTree(repo)).filter((p) => p.split('/').includes('prod'))).toEqual(
      [],
    );
  });

  it('refuses a misspelled --delete-environment', async () => {
    const repo = scratchRepo();
    writeFileSync(join(repo, 'catalog.yaml'), withoutProd());
    const run = await runInProcess(['generate', '--delete-environment', 'prd'], repo);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      '--delete-environment prd: no rendered tree of "prd" would be deleted (removed: prod)',
    );
  });
});

describe('hand-added files in the owned trees (item 4)', () => {
  const repo = scratchRepo();
  writeFileSync(
    join(repo, 'generated/k8s/dev/routes/extra.yaml'),
    'apiVersion: v1\nkind: ConfigMap\n',
  );

  it.each([
    [['check'], 'stderr'],
    [['validate', '--no-external'], 'stdout'],
  ] as const)('%j reports the file and exits 1', async (args, stream) => {
    const run = await runInProcess(args, repo);
    expect(run.code).toBe(1);
    expect(run[stream]).toContain(
      'generated/k8s/dev/routes/extra.yaml: not rendered by routeplane (no header), yet Argo CD would sync it',
    );
  });

  it('lists it in --format json', async () => {
    const run = await runInProcess(['validate', '--no-external', '--format', 'json'], repo);
    expect(JSON.parse(run.stdout)).toMatchObject({
      errors: 1,
      unrendered: ['generated/k8s/dev/routes/extra.yaml'],
    });
  });
});

describe('waivers (item 5)', () => {
  const withWaivers = (waivers: unknown[]) => {
    const data = parse(shippedCatalog) as Record<string, unknown>;
    data.waivers = waivers;
    return stringify(data);
  };
  const reason = 'accepted while the gateway CA is rebuilt, see the README';
  /** A hand edit that gives `policy/kong-tls-verify` a finding in every environment's kong.yaml. */
  const withoutTlsVerify = (repo: string): string => {
    for (const env of readdirSync(join(repo, 'deck'))) {
      const file = join(repo, 'deck', env, 'kong.yaml');
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replaceAll('tls_verify: true', 'tls_verify: false'),
      );
    }
    return repo;
  };

  it.each([
    [
      'a misspelled rule',
      [{ rule: 'policy/kong-tls-verfy', object: 'deck/*/kong.yaml', reason }],
      /^catalog\.yaml:\d+:\d+ waivers\[0\]\.rule: waives rule "policy\/kong-tls-verfy", which routeplane validate does not have; did you mean "policy\/kong-tls-verify"\?\nrouteplane: 1 problem\(s\) in the catalog\n$/,
    ],
    [
      'a misspelled object',
      [{ rule: 'policy/kong-tls-verify', object: 'deck/*/kong.yml', reason }],
      /^catalog\.yaml:\d+:\d+ waivers\[0\]\.object: waives nothing: rule "policy\/kong-tls-verify" reports no finding on "deck\/\*\/kong\.yml"; did you mean "deck\/dev\/kong\.yaml"\?\nrouteplane: 1 problem\(s\) in the catalog\n$/,
    ],
  ])('rejects %s as a located catalog error (exit 2)', async (_name, waivers, message) => {
    const repo = withoutTlsVerify(await renderedRepo(withWaivers(waivers)));
    const run = await runInProcess(['validate', '--no-external'], repo);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('one waiver with a * segment covers every environment, including a new one', async () => {
    const data = parse(
      withWaivers([{ rule: 'policy/kong-tls-verify', object: 'deck/*/kong.yaml', reason }]),
    ) as {
      environments: Record<string, unknown>[];
    };
    data.environments.push(newEnvironment('staging'));
    const repo = withoutTlsVerify(await renderedRepo(stringify(data)));
    const run = await runInProcess(['validate', '--no-external'], repo);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('0 finding(s), 3 waived');
    expect(run.code).toBe(0);
  });

  it('prints the waiver to paste for a finding that is not waived', async () => {
    const repo = withoutTlsVerify(await renderedRepo(withWaivers([])));
    const run = await runInProcess(['validate', '--no-external'], repo);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'to accept it, add to waivers: - { rule: policy/kong-tls-verify, object: deck/dev/kong.yaml, reason: "<why this is acceptable, 10+ characters>" }',
    );
  });
});

describe('smaller items (item 6)', () => {
  const repo = scratchRepo();

  it('--version prints the package version', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    const run = runBuilt(['--version'], repo);
    expect([run.code, run.stdout]).toEqual([0, `${pkg.version}\n`]);
  });

  it.each([['12x'], ['0'], ['--fast'], ['-5']])(
    'routeplane-bench %s is a usage error, exit 2',
    (arg) => {
      const run = runBuilt([arg], repo, {}, builtBench);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        /^routeplane-bench: ".*" is not a route count.*\nusage: pnpm bench/,
      );
      expect(run.stderr).not.toMatch(/\n\s+at /);
    },
  );

  it('a missing --catalog file is a usage error (exit 2)', async () => {
    const run = await runInProcess(['check', '--catalog', 'nope.yaml'], repo);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^routeplane: --catalog nope\.yaml: file not found/);
    expect(run.stderr).not.toContain('problem(s) in the catalog');
  });

  it.each([['check'], ['validate', '--no-external']])(
    '%s does not claim "nothing was written" (it never writes)',
    async (...args) => {
      const bad = mkdtempSync(join(tmpdir(), 'routeplane-bad-'));
      writeFileSync(
        join(bad, 'catalog.yaml'),
        shippedCatalog.replace('service: sample-app-1', 'service: nope'),
      );
      const run = await runInProcess(args, bad);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/\nrouteplane: 1 problem\(s\) in the catalog\n$/);
    },
  );

  it.each([
    ['bash', 'complete -o default -F _routeplane routeplane'],
    ['zsh', '#compdef routeplane'],
    [
      'fish',
      "complete -c routeplane -n '__fish_seen_subcommand_from generate' -l delete-environment",
    ],
  ])('completion %s prints a script naming every command', async (shell, marker) => {
    const run = await runInProcess(['completion', shell], repo);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(marker);
    for (const command of ['generate', 'check', 'validate', 'deck-env'])
      expect(run.stdout).toContain(command);
  });

  it('completion for an unknown shell is a usage error', async () => {
    expect((await runInProcess(['completion', 'tcsh'], repo)).code).toBe(2);
  });

  describe('check --name-only and --stat', () => {
    const drifted = scratchRepo();
    const file = join(drifted, 'deck/dev/kong.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('sync_rate: 0.5', 'sync_rate: 5'));

    it.each([
      [['--name-only'], 'deck/dev/kong.yaml\n'],
      [
        ['--stat'],
        ' deck/dev/kong.yaml |     2 +-\n 1 file(s) changed, 1 insertion(s)(+), 1 deletion(s)(-)\n',
      ],
    ])('check %j', async (flags, stdout) => {
      const run = await runInProcess(['check', ...flags], drifted);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe(stdout);
    });
  });
});

describe('start-up: the bundle caches Terraform per environment (item 7)', () => {
  it('skips synthesis when nothing Terraform reads changed, and renders again when it did', () => {
    const repo = scratchRepo();
    const again = runBuilt(['generate'], repo);
    expect(again.stdout).toMatch(
      /0 created, 0 updated, 0 deleted, \d+ unchanged .*terraform \(cached\)/,
    );
    writeFileSync(
      join(repo, 'catalog.yaml'),
      shippedCatalog.replace('wafRateLimitPer5Minutes: 2000', 'wafRateLimitPer5Minutes: 3000'),
    );
    const changed = runBuilt(['generate'], repo);
    expect(changed.code).toBe(0);
    expect(changed.stdout).toContain('updated   generated/terraform/dev/main.tf.json\n');
    expect(changed.stdout).not.toContain('generated/terraform/prod/');
    expect(readFileSync(join(repo, 'generated/terraform/dev/main.tf.json'), 'utf8')).toContain(
      '"limit": 3000',
    );
    expect(runBuilt(['check'], repo).code).toBe(0);
  });
});
