import { layers, layerTitles } from './object-index.js';
import type { EnvironmentReport } from './report.js';
import { describeRoute } from './route-summary.js';

/** At most this many ids per list, so a large change keeps a readable summary. */
export const maxIdsPerList = 25;

function ids(values: readonly string[], quote: (s: string) => string): string {
  const shown = values.slice(0, maxIdsPerList).map(quote).join(', ');
  const more = values.length - maxIdsPerList;
  return more > 0 ? `${shown} and ${more} more` : shown;
}

/** The bullet lines of one environment's catalog and object changes, shared by text and markdown. */
export function changeLines(env: EnvironmentReport, quote: (s: string) => string): string[] {
  const lines: string[] = [];
  const { routes, services, namespaces } = env.catalog;
  for (const r of routes.added) lines.push(`route added ${quote(r.name)}: ${describeRoute(r)}`);
  for (const r of routes.removed) lines.push(`route removed ${quote(r.name)}: ${describeRoute(r)}`);
  for (const r of routes.changed) {
    for (const f of r.fields) {
      lines.push(
        `route changed ${quote(r.name)} ${f.field}: ${quote(f.before)} -> ${quote(f.after)}`,
      );
    }
  }
  for (const [what, changes] of [
    ['service', services],
    ['namespace', namespaces],
  ] as const) {
    if (changes.added.length > 0) lines.push(`${what} added: ${ids(changes.added, quote)}`);
    if (changes.removed.length > 0) lines.push(`${what} removed: ${ids(changes.removed, quote)}`);
  }
  for (const layer of layers) {
    const c = env.objects[layer];
    for (const [verb, list] of [
      ['appear', c.added],
      ['change', c.changed],
      ['disappear', c.removed],
    ] as const) {
      if (list.length > 0) lines.push(`${layerTitles[layer]} ${verb}: ${ids(list, quote)}`);
    }
  }
  return lines;
}
