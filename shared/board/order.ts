import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

/**
 * Ordering of stages, lanes and cards by fractional index keys.
 *
 * Why not Y.Array: moving an item in a Y.Array is delete + insert, so two people moving the
 * same stage at once would duplicate it. A per-item order key is a single last-writer-wins
 * field: concurrent moves resolve to one position and nothing is duplicated. Two concurrent
 * inserts at the same spot can produce equal keys; ties break by id, so every replica sees
 * the same total order (see docs/ARCHITECTURE.md).
 */
export interface Ordered {
  id: string;
  order: string;
}

/** Sorts by order key, then id: a total order every replica agrees on. */
export function compareOrdered(a: Ordered, b: Ordered): number {
  if (a.order < b.order) return -1;
  if (a.order > b.order) return 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Returns a copy sorted by `compareOrdered`. */
export function sortOrdered<T extends Ordered>(items: Iterable<T>): T[] {
  return [...items].sort(compareOrdered);
}

/** A key valid for the `fractional-indexing` package, else null (repairs use this). */
export function isOrderKey(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 200) return false;
  try {
    generateKeyBetween(value, null);
    return true;
  } catch {
    return false;
  }
}

/**
 * Plans the order keys to place one item at `index` of an ordered list (the item itself
 * excluded). Usually one new key; when neighbours share a key (after concurrent inserts) it
 * re-keys the whole list so the new position exists, returning every key to write.
 */
export function planInsert(
  list: readonly Ordered[],
  index: number,
): { key: string; rekey: Map<string, string> } {
  const at = Math.max(0, Math.min(index, list.length));
  const before = at > 0 ? list[at - 1]!.order : null;
  const after = at < list.length ? list[at]!.order : null;
  if (before === null || after === null || before < after) {
    return { key: generateKeyBetween(before, after), rekey: new Map() };
  }
  const keys = generateNKeysBetween(null, null, list.length + 1);
  const rekey = new Map(list.map((item, i) => [item.id, keys[i < at ? i : i + 1]!] as const));
  return { key: keys[at]!, rekey };
}
