import { closestMatch } from '@routeplane/catalog';
import { environmentDirs, type Model, type RenderedFile } from '@routeplane/model';
import { UsageError } from './user-error.js';

/** A renderer plugged into the pipeline; each covers every environment of the Model. */
export interface PipelineRenderer {
  readonly name: string;
  render(model: Model): readonly RenderedFile[];
}

export interface RenderResult {
  readonly files: readonly RenderedFile[];
  /** Milliseconds per renderer, in pipeline order. */
  readonly timings: readonly { readonly name: string; readonly ms: number }[];
}

/** Restricts the Model to one environment; an unknown name is a usage error with a suggestion. */
export function selectEnvironment(model: Model, env: string | undefined): Model {
  if (env === undefined) return model;
  const names = model.environments.map((e) => e.name);
  const match = model.environments.filter((e) => e.name === env);
  if (match.length === 0) {
    const guess = closestMatch(env, names);
    throw new UsageError(
      `unknown environment "${env}"; the catalog defines ${names.join(', ')}${guess ? ` (did you mean "${guess}"?)` : ''}`,
    );
  }
  return { ...model, environments: match };
}

/** Directories the writer may prune in: everything it owns, or one environment's directories. */
export function pruneScopeFor(
  model: Model,
  env: string | undefined,
): readonly string[] | undefined {
  return env === undefined ? undefined : model.environments.flatMap((e) => environmentDirs(e.name));
}

/** Runs every renderer over the Model. Renderers are pure: no I/O happens here. */
export function renderAll(model: Model, renderers: readonly PipelineRenderer[]): RenderResult {
  const files: RenderedFile[] = [];
  const timings: { name: string; ms: number }[] = [];
  for (const renderer of renderers) {
    const started = performance.now();
    files.push(...renderer.render(model));
    timings.push({ name: renderer.name, ms: performance.now() - started });
  }
  return { files, timings };
}
