import { explainRequest, formatExplanation, renderedEnv } from '@routeplane/explain';
import { readTree } from '@routeplane/validate';
import type { CommandIo } from '../io.js';
import { type CatalogOptions, loadFromOptions } from '../load.js';
import { selectEnvironment } from '../pipeline.js';
import { UsageError } from '../user-error.js';

export interface ExplainOptions extends CatalogOptions {
  readonly env?: string;
  readonly method: string;
  readonly host?: string;
  readonly format: 'human' | 'json';
}

/**
 * `routeplane explain <path> --env X`: traces one request through the files on disk (what Argo CD
 * and decK apply), not through the catalog, so a stale or hand-edited file shows up here too.
 * Exit 0 when the request is delivered, 1 when a hop rejects it.
 */
export function explainCommand(path: string, options: ExplainOptions, io: CommandIo): number {
  if (options.env === undefined) throw new UsageError('explain needs --env <name>');
  if (!path.startsWith('/')) {
    throw new UsageError(`the request path must start with "/", but "${path}" was given`);
  }
  const { model, repoRoot } = loadFromOptions(options, io);
  const [env] = selectEnvironment(model, options.env).environments;
  if (env === undefined) throw new UsageError(`unknown environment "${options.env}"`);
  const rendered = renderedEnv(env.name, readTree(repoRoot));
  if (rendered.kong === undefined && rendered.objects.length === 0) {
    throw new UsageError(
      `nothing is rendered for ${env.name} below ${repoRoot}; run \`pnpm generate\``,
    );
  }
  const explanation = explainRequest(rendered, {
    method: options.method,
    path,
    ...(options.host === undefined ? {} : { host: options.host }),
  });
  io.out(
    options.format === 'json'
      ? `${JSON.stringify(explanation, null, 2)}\n`
      : formatExplanation(explanation),
  );
  return explanation.outcome === 'delivered' ? 0 : 1;
}
