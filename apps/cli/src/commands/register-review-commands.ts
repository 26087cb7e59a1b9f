import { type Command, Option } from 'commander';
import type { CommandIo } from '../io.js';

/** Option factories shared with the other commands (main.ts owns them). */
export interface SharedOptions {
  readonly catalogOption: () => Option;
  readonly rootOption: () => Option;
  readonly envOption: () => Option;
}

/** `diff`, `explain` and `routes`: what a change does and how a request is routed. */
export function registerReviewCommands(
  program: Command,
  shared: SharedOptions,
  io: CommandIo,
  setExit: (code: number) => void,
): void {
  program
    .command('diff')
    .description(
      'what a catalog change does, per environment and layer: render the catalog at --base and in the working tree, in memory',
    )
    .addOption(shared.catalogOption())
    .addOption(shared.rootOption())
    .option(
      '-b, --base <ref>',
      'git revision to compare with (default: merge base with the default branch, or HEAD)',
    )
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['markdown', 'text', 'json'])
        .default('text'),
    )
    .option('--max-bytes <n>', 'markdown size cap in bytes (default 40000)')
    .action(async (opts) => {
      const { diffCommand } = await import('./diff-command.js');
      setExit(await diffCommand(opts, io));
    });
  program
    .command('explain')
    .description('trace one request hop by hop through the rendered files of an environment')
    .argument('<path>', 'request path, e.g. /app1/info')
    .addOption(shared.catalogOption())
    .addOption(shared.rootOption())
    .addOption(shared.envOption().makeOptionMandatory())
    .option('-m, --method <method>', 'HTTP method', 'GET')
    .option('-H, --host <host>', 'Host header Kong sees (default: the CloudFront origin domain)')
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['human', 'json'])
        .default('human'),
    )
    .action(async (path: string, opts) => {
      const { explainCommand } = await import('./explain-command.js');
      setExit(explainCommand(path, opts, io));
    });
  program
    .command('routes')
    .description('every route: paths, methods, hosts, plugins, service, namespace and port')
    .addOption(shared.catalogOption())
    .addOption(shared.rootOption())
    .addOption(shared.envOption())
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['table', 'json'])
        .default('table'),
    )
    .action(async (opts) => {
      const { routesCommand } = await import('./routes-command.js');
      setExit(routesCommand(opts, io));
    });
}
