import { resolve } from 'node:path';
import {
  buildReport,
  type DriftEntry,
  defaultMaxBytes,
  formatMarkdown,
  formatText,
  type RenderSide,
} from '@routeplane/diff';
import type { Model, RenderedFile } from '@routeplane/model';
import { planChanges, serialize, unifiedDiff } from '@routeplane/writer';
import type { CommandIo } from '../io.js';
import { type CatalogOptions, loadFromOptions } from '../load.js';
import { type PipelineRenderer, renderAll } from '../pipeline.js';
import { loadRenderers } from '../renderers.js';
import { UsageError } from '../user-error.js';
import { loadModelAtCommit } from './base-model.js';
import { defaultBaseRef, readAtCommit, resolveCommit, shortCommit } from './git-ref.js';

export interface DiffOptions extends CatalogOptions {
  /** A git revision; @default the merge base with the default branch, or HEAD */
  readonly base?: string;
  readonly format: 'markdown' | 'text' | 'json';
  /** Markdown size cap in bytes. @default 40000 */
  readonly maxBytes?: string;
}

function renderSide(model: Model | undefined, renderers: readonly PipelineRenderer[]): RenderSide {
  if (model === undefined) return { model, files: [], texts: new Map() };
  const { files } = renderAll(model, renderers);
  return { model, files, texts: textsOf(files, model.catalogFile) };
}

function textsOf(files: readonly RenderedFile[], catalogFile: string): Map<string, string> {
  return new Map(files.map((f) => [f.path, serialize(f, catalogFile)]));
}

function parseMaxBytes(value: string | undefined): number {
  if (value === undefined) return defaultMaxBytes;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1000) {
    throw new UsageError(
      `--max-bytes must be an integer of at least 1000, but "${value}" was given`,
    );
  }
  return n;
}

/**
 * `routeplane diff`: renders the catalog at the base revision and in the working tree, in memory,
 * and reports what the change does per environment and layer; committed files that differ from
 * the working catalog's render are reported as drift.
 */
export async function diffCommand(options: DiffOptions, io: CommandIo): Promise<number> {
  const maxBytes = parseMaxBytes(options.maxBytes);
  const { model: head, repoRoot } = loadFromOptions(options, io);
  const catalogPath = resolve(io.cwd, options.catalog);
  const ref = options.base ?? defaultBaseRef(repoRoot);
  const commit = resolveCommit(ref, repoRoot);
  const label = `${ref === commit ? shortCommit(commit) : `${ref} (${shortCommit(commit)})`}`;
  const bytes = readAtCommit(commit, catalogPath);
  const base =
    bytes === undefined
      ? undefined
      : loadModelAtCommit(bytes, commit, label, catalogPath, head.catalogFile);
  const renderers = await loadRenderers();
  const headSide = renderSide(head, renderers);
  const drift: DriftEntry[] = planChanges(headSide.files, {
    repoRoot,
    catalogFile: head.catalogFile,
  }).flatMap((c) =>
    c.kind === 'unchanged' ? [] : [{ path: c.path, kind: c.kind, patch: unifiedDiff([c]) }],
  );
  const report = buildReport({
    base: renderSide(base, renderers),
    baseLabel: bytes === undefined ? `${label}, no ${head.catalogFile}` : label,
    head: headSide,
    headLabel: 'working tree',
    drift,
  });
  if (options.format === 'json') io.out(`${JSON.stringify(report, null, 2)}\n`);
  else if (options.format === 'text') io.out(formatText(report));
  else io.out(formatMarkdown(report, maxBytes));
  return 0;
}
