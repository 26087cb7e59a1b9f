import { CatalogError, formatProblem } from '@routeplane/catalog';
import { Command, CommanderError, Option } from 'commander';
import { type CommandIo, processIo } from './io.js';
import { UsageError } from './user-error.js';

/** Exit codes: 0 success, 1 findings/drift or an internal fault, 2 a user mistake. */
export const exitCodes = { ok: 0, findings: 1, internal: 1, usage: 2 } as const;

function buildProgram(io: CommandIo, setExit: (code: number) => void): Command {
  const program = new Command('routeplane')
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
      io.err(`routeplane: ${error.problems.length} problem(s) in the catalog; nothing was written`);
      return exitCodes.usage;
    }
    if (error instanceof UsageError) {
      io.err(`routeplane: ${error.message}`);
      return exitCodes.usage;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.err(`routeplane: internal error (a bug in routeplane, please report it):\n${detail}`);
    return exitCodes.internal;
  }
}
