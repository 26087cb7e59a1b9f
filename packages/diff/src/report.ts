import {
  compareText,
  type EnvironmentModel,
  environmentDirs,
  type Model,
  type RenderedFile,
} from '@routeplane/model';
import { type CatalogChanges, catalogChanges } from './catalog-changes.js';
import { type FileStat, fileStats } from './file-stat.js';
import { countObjectChanges, type ObjectChanges, objectChanges } from './object-changes.js';
import { indexObjects, type Layer, layers } from './object-index.js';

/** One side of the comparison: the Model (undefined: no catalog) and its rendered files. */
export interface RenderSide {
  readonly model: Model | undefined;
  readonly files: readonly RenderedFile[];
  /** path -> bytes as the writer writes them. */
  readonly texts: ReadonlyMap<string, string>;
}

/** A committed file that differs from what the working catalog renders: a hand edit. */
export interface DriftEntry {
  readonly path: string;
  readonly kind: 'created' | 'updated' | 'deleted';
  readonly patch: string;
}

export interface EnvironmentReport {
  readonly name: string;
  readonly status: 'added' | 'removed' | 'changed' | 'unchanged';
  readonly catalog: CatalogChanges;
  readonly objects: Readonly<Record<Layer, ObjectChanges>>;
  readonly files: readonly FileStat[];
}

export interface DiffReport {
  /** What the base side is, e.g. `origin/main (merge base 1a2b3c4)`. */
  readonly base: string;
  readonly head: string;
  readonly environments: readonly EnvironmentReport[];
  readonly drift: readonly DriftEntry[];
}

export interface ReportInput {
  readonly base: RenderSide;
  readonly baseLabel: string;
  readonly head: RenderSide;
  readonly headLabel: string;
  readonly drift: readonly DriftEntry[];
}

function inEnvironment(env: string): (path: string) => boolean {
  const dirs = environmentDirs(env).map((d) => `${d}/`);
  return (path) => dirs.some((d) => path.startsWith(d));
}

function envOf(model: Model | undefined, name: string): EnvironmentModel | undefined {
  return model?.environments.find((e) => e.name === name);
}

function filtered<T>(map: ReadonlyMap<string, T>, keep: (path: string) => boolean): Map<string, T> {
  return new Map([...map].filter(([path]) => keep(path)));
}

function environmentReport(input: ReportInput, name: string): EnvironmentReport {
  const keep = inEnvironment(name);
  const baseEnv = envOf(input.base.model, name);
  const headEnv = envOf(input.head.model, name);
  const baseObjects = indexObjects(input.base.files.filter((f) => keep(f.path)));
  const headObjects = indexObjects(input.head.files.filter((f) => keep(f.path)));
  const objects = Object.fromEntries(
    layers.map((layer) => [layer, objectChanges(baseObjects, headObjects, layer)]),
  ) as Record<Layer, ObjectChanges>;
  const files = fileStats(filtered(input.base.texts, keep), filtered(input.head.texts, keep));
  const catalog = catalogChanges(baseEnv, headEnv);
  const touched =
    files.length > 0 ||
    layers.some((l) => countObjectChanges(objects[l]) > 0) ||
    catalog.routes.changed.length > 0;
  const status =
    baseEnv === undefined
      ? 'added'
      : headEnv === undefined
        ? 'removed'
        : touched
          ? 'changed'
          : 'unchanged';
  return { name, status, catalog, objects, files };
}

/** What the change does, per environment and layer, plus any drift of the committed files. */
export function buildReport(input: ReportInput): DiffReport {
  const names = new Set([
    ...(input.base.model?.environments ?? []).map((e) => e.name),
    ...(input.head.model?.environments ?? []).map((e) => e.name),
  ]);
  return {
    base: input.baseLabel,
    head: input.headLabel,
    environments: [...names].sort(compareText).map((name) => environmentReport(input, name)),
    drift: input.drift,
  };
}
