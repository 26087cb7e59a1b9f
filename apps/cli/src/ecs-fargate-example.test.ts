import { join } from 'node:path';
import { haveSharedCrds, repoRoot, sharedCrdsDir } from '@routeplane/test-support';
import { describe, expect, it } from 'vitest';
import type { CommandIo } from './io.js';
import { main } from './main.js';
import { renderedExample } from './rendered-example.fixture.js';

function captureIo(cwd: string, env: Record<string, string | undefined> = {}) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CommandIo = {
    cwd,
    env,
    out: (t) => stdout.push(t),
    err: (t) => stderr.push(t),
  };
  return { io, stdout, stderr };
}

const catalog = join(repoRoot, 'examples/ecs-fargate/catalog.yaml');
let root = '';

describe('examples/ecs-fargate/catalog.yaml end to end', () => {
  it('renders with routeplane generate --catalog ... --root <dir>', async () => {
    const run = await renderedExample('ecs-fargate');
    root = run.root;
    expect(run.code).toBe(0);
    expect(run.stdout.at(-1)).toMatch(/environments: dev, prod, sandbox, test/);
  }, 120_000);

  it('passes routeplane validate (with the pinned CRDs when ../shared has them)', async () => {
    const crds = haveSharedCrds() ? { ROUTEPLANE_CRDS: sharedCrdsDir } : {};
    const run = captureIo(repoRoot, crds);
    const code = await main(
      ['validate', '--catalog', catalog, '--root', root, '--no-external'],
      run.io,
    );
    expect(run.stdout.join('\n') + run.stderr.join('\n')).toContain('validate: no findings');
    expect(code).toBe(0);
  }, 120_000);

  it('lists the Redis variables with deck-env', async () => {
    const run = captureIo(repoRoot);
    expect(
      await main(['deck-env', '--catalog', catalog, '--root', root, '--env', 'prod'], run.io),
    ).toBe(0);
    expect(run.stdout.join('\n')).toContain('DECK_REDIS_HOST');
    expect(run.stdout.join('\n')).toContain('DECK_REDIS_PASSWORD');
  });

  it('explains a request entering through API Gateway and one the route key refuses', async () => {
    const delivered = captureIo(repoRoot);
    const args = ['--catalog', catalog, '--root', root, '--env', 'prod'];
    expect(await main(['explain', '/app1/info', ...args], delivered.io)).toBe(0);
    expect(delivered.stdout.join('\n')).toContain(
      '1. API Gateway HTTP API, VPC link and ALB [pass]',
    );
    const refused = captureIo(repoRoot);
    expect(await main(['explain', '/', ...args], refused.io)).toBe(1);
    expect(refused.stdout.join('\n')).toContain('API Gateway answers 404');
  });

  it('explains a request entering the test environment through CloudFront and its VPC origin', async () => {
    const run = captureIo(repoRoot);
    const args = ['--catalog', catalog, '--root', root, '--env', 'test'];
    expect(await main(['explain', '/app1/info', ...args], run.io)).toBe(0);
    expect(run.stdout.join('\n')).toContain('through a CloudFront VPC origin');
  });
});
