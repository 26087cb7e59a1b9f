import { compareText } from '@routeplane/model';
import type { IndexedObject, Layer } from './object-index.js';

export interface ObjectChanges {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly changed: readonly string[];
}

const emptyChanges: ObjectChanges = { added: [], removed: [], changed: [] };

/** Objects that appear, disappear or change between two renders, per layer, ids sorted. */
export function objectChanges(
  base: readonly IndexedObject[],
  head: readonly IndexedObject[],
  layer: Layer,
): ObjectChanges {
  const before = new Map(base.filter((o) => o.layer === layer).map((o) => [o.id, o.text]));
  const after = new Map(head.filter((o) => o.layer === layer).map((o) => [o.id, o.text]));
  if (before.size === 0 && after.size === 0) return emptyChanges;
  const sorted = (ids: Iterable<string>) => [...ids].sort(compareText);
  return {
    added: sorted([...after.keys()].filter((id) => !before.has(id))),
    removed: sorted([...before.keys()].filter((id) => !after.has(id))),
    changed: sorted(
      [...after.entries()]
        .filter(([id, text]) => before.has(id) && before.get(id) !== text)
        .map(([id]) => id),
    ),
  };
}

export function countObjectChanges(changes: ObjectChanges): number {
  return changes.added.length + changes.removed.length + changes.changed.length;
}
