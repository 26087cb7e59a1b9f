import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { haveSharedCrds, repoRoot, sharedCrdsDir } from '@routeplane/test-support';
import { listFiles } from '@routeplane/writer';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { CommandIo } from './io.js';
import { main } from './main.js';

interface Captured extends CommandIo {
  readonly stdout: string[];
  readonly stderr: string[];
}

function captureIo(cwd: string, env: Record<string, string | undefined> = {}): Captured {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    cwd,
    env,
    stdout,
    stderr,
    out: (t) => stdout.push(t),
    err: (t) => stderr.push(t),
  };
}

const owned = ['argocd', 'generated', 'deck'];

/**
 * A scratch repository holding a copy of the shipped catalog and nothing rendered yet. It sits one
 * level inside its own temporary directory, so its `../shared` never exists (a `shared` directory
 * left in the system's temporary directory would otherwise turn the CRD checks on).
 */
function scratchRepo(catalogText = readFileSync(join(repoRoot, 'catalog.yaml'), 'utf8')): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'routeplane-cli-')), 'repo');
  mkdirSync(dir);
  writeFileSync(join(dir, 'catalog.yaml'), catalogText);
  return dir;
}

function snapshotTree(root: string): Record<string, string> {
  return Object.fromEntries(
    owned.flatMap((d) => listFiles(root, d)).map((p) => [p, readFileSync(join(root, p), 'utf8')]),
  );
}

describe('routeplane check (end-to-end golden)', () => {
  it('finds the committed argocd/ generated/ deck/ identical to what catalog.yaml renders', async () => {
    const io = captureIo(repoRoot);
    const code = await main(['check'], io);
    expect(io.stdout.join('\n') + io.stderr.join('\n')).toMatch(
      /rendered files match catalog\.yaml/,
    );
    expect(code).toBe(0);
  });
});

describe('routeplane generate', () => {
  it('writes the tree, then reports every file unchanged', async () => {
    const dir = scratchRepo();
    const first = captureIo(dir);
    expect(await main(['generate'], first)).toBe(0);
    expect(first.stdout.at(-1)).toMatch(
      /^routeplane: \d+ created, 0 updated, 0 deleted, 0 unchanged/,
    );
    const second = captureIo(dir);
    expect(await main(['generate'], second)).toBe(0);
    expect(second.stdout.at(-1)).toMatch(/0 created, 0 updated, 0 deleted, \d+ unchanged/);
    expect(snapshotTree(dir)).toEqual(snapshotTree(repoRoot));
  }, 60_000);

  it('renders the same bytes from a catalog whose lists are reordered', async () => {
    const data = parse(readFileSync(join(repoRoot, 'catalog.yaml'), 'utf8')) as Record<
      string,
      unknown[]
    >;
    const reversed = (key: string) => [...(data[key] ?? [])].reverse();
    const text = stringify({
      ...data,
      routes: reversed('routes'),
      services: reversed('services'),
      environments: reversed('environments'),
    });
    const dir = scratchRepo(text);
    expect(await main(['generate'], captureIo(dir))).toBe(0);
    expect(snapshotTree(dir)).toEqual(snapshotTree(repoRoot));
  }, 60_000);

  it('renders the same bytes in another time zone and locale', () => {
    const dir = scratchRepo();
    execFileSync(process.execPath, [join(repoRoot, 'apps/cli/bin/routeplane.mjs'), 'generate'], {
      cwd: dir,
      env: { ...process.env, TZ: 'Pacific/Kiritimati', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' },
      stdio: 'pipe',
    });
    expect(snapshotTree(dir)).toEqual(snapshotTree(repoRoot));
  }, 60_000);

  it('with --env touches only that environment and prunes only there', async () => {
    const dir = scratchRepo();
    await main(['generate'], captureIo(dir));
    const staleDev = join(dir, 'deck/dev/old.yaml');
    const staleProd = join(dir, 'deck/prod/old.yaml');
    const header = readFileSync(join(dir, 'deck/dev/kong.yaml'), 'utf8').split('\n')[0];
    writeFileSync(staleDev, `${header}\na: 1\n`);
    writeFileSync(staleProd, `${header}\na: 1\n`);
    const io = captureIo(dir);
    expect(await main(['generate', '--env', 'dev'], io)).toBe(0);
    expect(io.stdout).toContain('deleted   deck/dev/old.yaml');
    expect(listFiles(dir, 'deck')).toContain('deck/prod/old.yaml');
  }, 60_000);

  it('refuses a bad catalog with exit 2, file:line messages and nothing written', async () => {
    const dir = scratchRepo();
    await main(['generate'], captureIo(dir));
    const before = snapshotTree(dir);
    const bad = readFileSync(join(dir, 'catalog.yaml'), 'utf8').replace(
      'service: sample-app-1',
      'service: sample-app-9',
    );
    writeFileSync(join(dir, 'catalog.yaml'), bad);
    const io = captureIo(dir);
    expect(await main(['generate'], io)).toBe(2);
    expect(io.stderr[0]).toMatch(
      /^catalog\.yaml:\d+:\d+ routes\[\d\]\.service: names service "sample-app-9", which is not in services; did you mean "sample-app-1"\?$/,
    );
    expect(io.stderr.at(-1)).toBe('routeplane: 1 problem(s) in the catalog; nothing was written');
    expect(io.stderr.join('\n')).not.toMatch(/\n\s+at /);
    expect(snapshotTree(dir)).toEqual(before);
  }, 60_000);
});

describe('routeplane check', () => {
  it('exits 1 with a unified diff when a rendered file was edited by hand', async () => {
    const dir = scratchRepo();
    await main(['generate'], captureIo(dir));
    const file = join(dir, 'deck/dev/kong.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('sync_rate: 0.5', 'sync_rate: 5'));
    const io = captureIo(dir);
    expect(await main(['check'], io)).toBe(1);
    expect(io.stdout.join('\n')).toMatch(/^- +sync_rate: 5\n\+ +sync_rate: 0\.5$/m);
    expect(io.stderr.join('\n')).toContain('updated deck/dev/kong.yaml');
  }, 60_000);
});

describe('usage', () => {
  it.each([
    [
      ['generate', '--env', 'staging'],
      /unknown environment "staging"; the catalog defines dev, prod/,
    ],
    [['generate', '--bogus'], /unknown option '--bogus'/],
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['validate', '--format', 'xml'], /Allowed choices are human, json/],
    [['deck-env'], /required option '-e, --env <name>' not specified/],
  ])('exits 2 for %j', async (argv, message) => {
    const io = captureIo(repoRoot);
    expect(await main(argv, io)).toBe(2);
    expect(io.stderr.join('\n')).toMatch(message);
  });

  it('exits 2 for a missing catalog file', async () => {
    const io = captureIo(repoRoot);
    expect(await main(['check', '--catalog', 'nope.yaml'], io)).toBe(2);
    expect(io.stderr[0]).toMatch(/^routeplane: --catalog nope\.yaml: file not found/);
  });

  it.each([['--help'], ['generate', '--help'], ['check', '--help'], ['validate', '--help']])(
    'prints help for %j and exits 0',
    async (...argv) => {
      const io = captureIo(repoRoot);
      expect(await main(argv, io)).toBe(0);
      expect(io.stdout.join('')).toMatch(/Usage: routeplane/);
    },
  );
});

describe('routeplane deck-env', () => {
  it('lists the variables an environment needs', async () => {
    const io = captureIo(repoRoot);
    expect(await main(['deck-env', '--env', 'dev'], io)).toBe(0);
    expect(io.stdout.map((line) => line.split('\t')[0])).toEqual([
      'DECK_CLOUDFRONT_ORIGIN_SECRET',
      'DECK_CLOUDFRONT_ORIGIN_SECRET_NEXT',
      'DECK_DEMO_USER_JWT_SECRET',
      // no DECK_GATEWAY_UPSTREAM_HOST: Kong resolves gateway.hostname (kong.upstream.privateDnsZone)
      'DECK_GATEWAY_CA_CERT',
      'DECK_KONG_CLIENT_CERT',
      'DECK_KONG_CLIENT_KEY',
      // the managed cache's partial (kong.managedCache), from a Terraform output
      'DECK_MANAGED_CACHE_PARTIAL_ID',
    ]);
    // each line says where to get the value; the certificates come from cert-manager's Secret
    expect(io.stdout.every((line) => /^DECK_[A-Z0-9_]+\t\S/.test(line))).toBe(true);
    expect(io.stdout).toContain(
      "DECK_KONG_CLIENT_KEY\tkubectl -n cert-manager get secret kong-gateway-client -o jsonpath='{.data.tls\\.key}' | base64 -d",
    );
  });

  it('--check fails naming unset variables and never prints values', async () => {
    const io = captureIo(repoRoot, {
      DECK_CLOUDFRONT_ORIGIN_SECRET: 's3cr3t-value',
      DECK_DEMO_USER_JWT_SECRET: '',
    });
    expect(await main(['deck-env', '--env', 'dev', '--check'], io)).toBe(1);
    const text = io.stderr.join('\n');
    expect(text).toContain('DECK_DEMO_USER_JWT_SECRET, DECK_GATEWAY_CA_CERT');
    expect(text).not.toContain('s3cr3t-value');
  });

  it('--check passes when every variable is set', async () => {
    const io = captureIo(repoRoot, {
      DECK_CLOUDFRONT_ORIGIN_SECRET: 'a',
      DECK_CLOUDFRONT_ORIGIN_SECRET_NEXT: 'a',
      DECK_DEMO_USER_JWT_SECRET: 'b',
      DECK_GATEWAY_CA_CERT: 'c',
      DECK_KONG_CLIENT_CERT: 'd',
      DECK_KONG_CLIENT_KEY: 'e',
      DECK_MANAGED_CACHE_PARTIAL_ID: 'f',
    });
    expect(await main(['deck-env', '--env', 'prod', '--check'], io)).toBe(0);
  });
});

describe('routeplane validate with CRDs', () => {
  it('exits 2 when --crds names no directory', async () => {
    const io = captureIo(repoRoot);
    expect(await main(['validate', '--no-external', '--crds', 'no-such-dir'], io)).toBe(2);
    expect(io.stderr.join('')).toContain(
      `--crds ${join(repoRoot, 'no-such-dir')} is not a directory`,
    );
  });

  it('says the CRD checks were skipped when no CRD directory is found', async () => {
    const dir = scratchRepo();
    await main(['generate'], captureIo(dir));
    const io = captureIo(dir);
    expect(await main(['validate', '--no-external'], io)).toBe(0);
    expect(io.stdout.join('')).toContain('CRD checks (crd/*): skipped: no CRD directory');
    const json = captureIo(dir);
    await main(['validate', '--no-external', '--format', 'json'], json);
    expect(JSON.parse(json.stdout.join('')).crds).toMatchObject({ status: 'skipped' });
  }, 60_000);

  it.runIf(haveSharedCrds())(
    'rejects a duplicate listener name from ROUTEPLANE_CRDS and reports which validator checked each object',
    async () => {
      const dir = scratchRepo();
      await main(['generate'], captureIo(dir));
      const gateway = join(dir, 'generated/k8s/dev/gateway/gateway.yaml');
      writeFileSync(
        gateway,
        readFileSync(gateway, 'utf8').replace(/^( +)name: http$/m, '$1name: https'),
      );
      const io = captureIo(dir, { ROUTEPLANE_CRDS: sharedCrdsDir });
      expect(await main(['validate', '--no-external', '--format', 'json'], io)).toBe(1);
      const report = JSON.parse(io.stdout.join('')) as {
        findings: { rule: string; object: string; message: string }[];
        crds: { status: string; from: string };
        validators: { object: string; validators: string[] }[];
      };
      expect(report.crds).toMatchObject({ status: 'checked', from: 'ROUTEPLANE_CRDS' });
      expect(report.findings.filter((f) => f.rule.startsWith('crd/'))).toEqual([
        expect.objectContaining({
          rule: 'crd/cel',
          object: 'Gateway/istio-ingress/kong-cloud-gw-gateway',
          message: expect.stringContaining('Listener name must be unique within the Gateway'),
        }),
        expect.objectContaining({
          rule: 'crd/schema',
          message: 'spec.listeners[1]: Duplicate value: {"name":"https"}',
        }),
      ]);
      expect(report.validators).toContainEqual({
        file: 'generated/k8s/dev/gateway/gateway.yaml',
        object: 'Gateway/istio-ingress/kong-cloud-gw-gateway',
        validators: [
          'kubernetes-models schema (schema/valid)',
          'CRD gateway-api-v1.6.1/gateway.networking.k8s.io_gateways.yaml v1 (crd/*)',
        ],
      });
    },
    60_000,
  );
});

describe('routeplane validate', () => {
  it('finds the committed tree clean', async () => {
    const io = captureIo(repoRoot);
    expect(await main(['validate', '--no-external'], io)).toBe(0);
  });

  it('exits 1 naming the rule when a rendered file is corrupted', async () => {
    const dir = scratchRepo();
    await main(['generate'], captureIo(dir));
    const ns = join(dir, 'generated/k8s/dev/namespaces/sample-apps.yaml');
    writeFileSync(
      ns,
      readFileSync(ns, 'utf8').replace(/^ *istio\.io\/dataplane-mode: ambient\n/m, ''),
    );
    const io = captureIo(dir);
    expect(await main(['validate', '--no-external', '--format', 'json'], io)).toBe(1);
    expect(io.stderr).toEqual([]);
    const report = JSON.parse(io.stdout.join('')) as { findings: { waived?: unknown }[] };
    expect(report.findings.filter((f) => !f.waived)).toEqual([
      expect.objectContaining({
        rule: 'xlayer/ambient-enrolment',
        file: 'generated/k8s/dev/namespaces/sample-apps.yaml',
      }),
    ]);
  }, 60_000);
});
