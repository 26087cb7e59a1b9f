import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { terraformDir } from '@routeplane/model';
import { fullTeardownSteps } from '@routeplane/render-terraform';
import type { CommandIo } from './io.js';
import { type CatalogOptions, loadFromOptions } from './load.js';
import { selectEnvironment } from './pipeline.js';
import { describeSteps, runSteps } from './run-steps.js';
import { refuseProtectedEnvironment } from './teardown-preflight.js';
import { UsageError } from './user-error.js';

export interface TeardownCommandOptions extends CatalogOptions {
  readonly env?: string;
  readonly dryRun?: boolean;
  readonly yes?: boolean;
  readonly waitTimeout?: string;
  readonly pollInterval?: string;
}

function seconds(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) {
    throw new UsageError(
      `${flag} must be a whole number of seconds >= 0, but "${value}" was given`,
    );
  }
  return parsed;
}

/**
 * `routeplane teardown --env X`: removes an environment in the only order that leaves nothing
 * behind (see fullTeardownSteps). Stops at the first failed step with exit 1; every step is safe
 * to repeat, so the fix is to correct the cause and run the command again.
 */
export function teardownCommand(options: TeardownCommandOptions, io: CommandIo): number {
  if (options.env === undefined) throw new UsageError('teardown needs --env <name>');
  const waitTimeoutSeconds = seconds('--wait-timeout', options.waitTimeout);
  const pollIntervalSeconds = seconds('--poll-interval', options.pollInterval);
  const { model, repoRoot } = loadFromOptions(options, io);
  const [env] = selectEnvironment(model, options.env).environments;
  if (!env) throw new UsageError(`unknown environment "${options.env}"`);
  refuseProtectedEnvironment(env);
  const config = join(repoRoot, terraformDir(env.name), 'main.tf.json');
  if (!existsSync(config)) {
    throw new UsageError(
      `${terraformDir(env.name)}/main.tf.json is missing: run routeplane generate first`,
    );
  }

  if (options.dryRun) {
    const steps = fullTeardownSteps(env, {
      kubeconfig: '<temporary kubeconfig>',
      autoApprove: options.yes ?? false,
    });
    io.out(`routeplane teardown --env ${env.name} would run, in ${repoRoot}:`);
    for (const line of describeSteps(steps)) io.out(line);
    return 0;
  }

  const scratch = mkdtempSync(join(tmpdir(), 'routeplane-teardown-'));
  try {
    const steps = fullTeardownSteps(env, {
      kubeconfig: join(scratch, 'kubeconfig'),
      autoApprove: options.yes ?? false,
    });
    const failure = runSteps(steps, {
      io,
      cwd: repoRoot,
      ...(waitTimeoutSeconds === undefined ? {} : { waitTimeoutSeconds }),
      ...(pollIntervalSeconds === undefined ? {} : { pollIntervalSeconds }),
    });
    if (failure) {
      io.err(
        `routeplane teardown: ${failure}. Nothing after it ran; fix the cause and run the command again (every step is safe to repeat).`,
      );
      return 1;
    }
    io.out(`routeplane teardown: environment ${env.name} destroyed`);
    return 0;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
