import type { RouteCatalog } from '../catalog.generated.js';
import { formatKeyPath, type KeyPath } from '../key-path.js';

export interface RuleContext {
  readonly catalog: RouteCatalog;
  report(path: KeyPath, message: string, atKey?: boolean): void;
  /** Something valid but worth a second look (e.g. a deprecated upstream option): never fails. */
  warn(path: KeyPath, message: string): void;
}

/** A cross-field rule. It runs only when the top-level sections it reads passed the schema. */
export interface SemanticRule {
  readonly id: string;
  readonly needs: readonly (keyof RouteCatalog)[];
  check(context: RuleContext): void;
}

/** Reports every item whose value an earlier item already has, naming where the earlier one is. */
export function reportDuplicates(
  context: RuleContext,
  items: readonly { path: KeyPath; value: string }[],
  what: string,
): void {
  const first = new Map<string, KeyPath>();
  for (const item of items) {
    const earlier = first.get(item.value);
    if (earlier === undefined) first.set(item.value, item.path);
    else
      context.report(
        item.path,
        `${what} "${item.value}" is already used at ${formatKeyPath(earlier)}`,
      );
  }
}

export function walkStrings(
  value: unknown,
  path: KeyPath,
  visit: (text: string, path: KeyPath) => void,
): void {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value))
    value.forEach((item, i) => {
      walkStrings(item, [...path, i], visit);
    });
  else if (
    // Stryker disable next-line ConditionalExpression: Object.entries of a number or boolean is empty
    typeof value === 'object' &&
    value !== null
  ) {
    for (const [key, item] of Object.entries(value)) walkStrings(item, [...path, key], visit);
  }
}
