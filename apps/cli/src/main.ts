import { CatalogError, formatProblem } from '@routeplane/catalog';
import { Argument, Command, CommanderError, Option } from 'commander';
import { registerReviewCommands } from './commands/register-review-commands.js';
import { completionShells } from './completion.js';
import { type CommandIo, processIo } from './io.js';
import { UsageError } from './user-error.js';
import { cliVersion } from './version.js';

/** Exit codes: 0 success, 1 findings/drift or an internal fault, 2 a user mistake. */
export const exitCodes = { ok: 0, findings: 1, internal: 1, usage: 2 } as const;

function buildProgram(io: CommandIo, setExit: (code: number) => void): Command {
  const program = new Command('routeplane')
    .version(cliVersion, '-V, --version')
    .description(
      'Render one route catalog into Argo CD apps, Gateway API + Istio ambient manifests, decK kong.yaml and Terraform JSON.',
    )
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (t) => io.out(t), writeErr: (t) => io.err(t) });
  const catalogOption = () =>
    new Option('-c, --catalog <file>', 'catalog file').default('catalog.yaml');
  const rootOption = () =>
    new Option('-r, --root <dir>', 'repository root holding argocd/ generated/ deck/').default('.');
  const envOption = () => new Option('-e, --env <name>', 'only this environment');

  program
    .command('generate')
    .description(
      'render the catalog and write argocd/, generated/ and deck/ (atomic, prunes stale files)',
    )
    .addOption(catalogOption())
    .addOption(rootOption())
    .addOption(envOption())
    .option('-v, --verbose', 'also list unchanged files')
    .option(
      '--delete-environment <name>',
      'delete the rendered tree (Terraform included) of an environment removed from the catalog; repeatable',
      (name: string, all: string[]) => [...all, name],
      [] as string[],
    )
    // Commands load their modules on use: validate's schema packages would slow down generate.
    .action(async (opts) => {
      const { generateCommand } = await import('./generate-command.js');
      setExit(await generateCommand(opts, io));
    });
  program
    .command('check')
    .description('render in memory; exit 1 with a unified diff when committed files differ')
    .addOption(catalogOption())
    .addOption(rootOption())
    .addOption(envOption())
    .option('--name-only', 'list only the paths of files that differ')
    .option('--stat', 'list files that differ with lines added and removed')
    .action(async (opts) => {
      const { checkCommand } = await import('./check-command.js');
      setExit(await checkCommand(opts, io));
    });
  program
    .command('validate')
    .description('schema, cross-layer and policy checks of the rendered files on disk')
    .addOption(catalogOption())
    .addOption(rootOption())
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['human', 'json'])
        .default('human'),
    )
    .option('--no-external', 'do not run kubeconform or deck even when they are on PATH')
    .option('-o, --output <file>', 'write the report to this file instead of stdout')
    .option(
      '--crds <dir>',
      'CRDs to check custom resources against (default: $ROUTEPLANE_CRDS, else ../shared/crds)',
    )
    .action(async (opts) => {
      const { validateCommand } = await import('./validate-command.js');
      setExit(await validateCommand(opts, io));
    });
  program
    .command('deck-env')
    .description(
      'list the DECK_* variables decK needs for an environment and where to get each; --check fails when any is unset',
    )
    .addOption(catalogOption())
    .addOption(rootOption())
    .addOption(envOption().makeOptionMandatory())
    .option('--check', 'exit 1 when a variable is unset (values are never printed)')
    .action(async (opts) => {
      const { deckEnvCommand } = await import('./deck-env-command.js');
      setExit(deckEnvCommand(opts, io));
    });
  registerReviewCommands(program, { catalogOption, rootOption, envOption }, io, setExit);
  program
    .command('completion')
    .description('print a shell completion script')
    .addArgument(new Argument('<shell>', 'shell').choices(completionShells))
    .action(async (shell: (typeof completionShells)[number]) => {
      const { completionScript } = await import('./completion.js');
      io.out(completionScript(shell, program));
    });
  program
    .command('teardown')
    .description(
      'destroy an environment in order: gateway and its NLB, Argo CD Applications, then terraform destroy',
    )
    .addOption(catalogOption())
    .addOption(rootOption())
    .addOption(envOption().makeOptionMandatory())
    .option('--dry-run', 'print the steps and run nothing')
    .option('-y, --yes', 'pass -auto-approve to terraform destroy')
    .option('--wait-timeout <seconds>', 'longest wait for the load balancers to disappear')
    .option('--poll-interval <seconds>', 'pause between load balancer checks')
    .action(async (opts) => {
      const { teardownCommand } = await import('./teardown-command.js');
      setExit(teardownCommand(opts, io));
    });
  return program;
}

/** Runs the command line; the only place that turns errors into exit codes. */
export async function main(argv: readonly string[], io: CommandIo = processIo): Promise<number> {
  let exitCode: number = exitCodes.ok;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return exitCodes.usage;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      const helpShown = ['commander.helpDisplayed', 'commander.help', 'commander.version'];
      return helpShown.includes(error.code) ? exitCodes.ok : exitCodes.usage;
    }
    if (error instanceof CatalogError) {
      for (const problem of error.problems) io.err(formatProblem(problem));
      // Only `generate` writes; saying "nothing was written" after `check` would mislead.
      const written = argv[0] === 'generate' ? '; nothing was written' : '';
      io.err(`routeplane: ${error.problems.length} problem(s) in the catalog${written}`);
      return exitCodes.usage;
    }
    if (error instanceof UsageError) {
      for (const line of error.message.split('\n')) io.err(`routeplane: ${line}`);
      return exitCodes.usage;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.err(`routeplane: internal error (a bug in routeplane, please report it):\n${detail}`);
    return exitCodes.internal;
  }
}
