import * as Y from 'yjs';
import { BoardCommandError, fail } from '../errors';
import { compareOrdered, type Ordered, planInsert } from '../order';
import type { YMap } from '../read';
import { LIMITS } from '../schema';
import type { BoardCollection, BoardSnapshot } from '../types';

/**
 * What a command module gets from `BoardDoc`: the root maps, a way to write, and the current
 * snapshot. A command checks every argument (with the record definitions in `records/`) and
 * looks up every record it needs BEFORE calling `run`, so a refused command writes nothing,
 * emits no update and leaves no undo step.
 */
export interface CommandContext {
  readonly roots: Readonly<Record<BoardCollection, YMap>>;
  /** Runs `write` as one transaction and one undo step named `name`; refused when read-only. */
  run(name: string, write: () => void): void;
  /** The board as plain data (cached). */
  snapshot(): BoardSnapshot;
}

/** Position relative to a sibling: before one, after one, or (neither) at the default end. */
export interface Placement {
  before?: string;
  after?: string;
}

/** The child map `id` of `parent`, or a `not-found` refusal naming `what`. */
export function recordIn(parent: YMap, id: unknown, what: string): YMap {
  const m = typeof id === 'string' ? parent.get(id) : undefined;
  if (!(m instanceof Y.Map)) throw new BoardCommandError('not-found', `${what} ${String(id)} not found`);
  return m as YMap;
}

/** A nested part map of a record (e.g. a journey's `stages`); a record without it cannot be edited. */
export function partOf(record: YMap, key: string, what: string): YMap {
  const part = record.get(key);
  if (!(part instanceof Y.Map)) throw new BoardCommandError('not-found', `${what} is damaged (no ${key})`);
  return part as YMap;
}

/** Checks a list index argument. */
export function checkIndex(index: unknown): number {
  if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index > 1e9)
    fail('index must be a whole number from 0');
  return index;
}

/** Checks that a list argument is an array of at most `max` items. */
export function checkList<T>(value: unknown, what: string, max: number): readonly T[] {
  if (!Array.isArray(value)) fail(`${what} must be a list`);
  if (value.length > max) throw new BoardCommandError('limit', `${what} has more than ${max} items`);
  return value as readonly T[];
}

/** The ordered children of a container map (stages, lanes, columns), sorted. */
export function ordered(map: YMap, keep: (child: YMap) => boolean = () => true): Ordered[] {
  const items: Ordered[] = [];
  for (const [id, child] of map.entries()) {
    if (child instanceof Y.Map && keep(child as YMap))
      items.push({ id, order: String(child.get('order') ?? 'a0') });
  }
  return items.sort(compareOrdered);
}

/** Index in `list` for a placement; `atStart` decides where "no placement" goes. */
export function placementIndex(
  list: readonly Ordered[],
  place: Placement,
  atStart: boolean,
  what: string,
): number {
  if (place.before !== undefined) {
    const i = list.findIndex((item) => item.id === place.before);
    if (i < 0) throw new BoardCommandError('not-found', `${what} ${place.before} not found`);
    return i;
  }
  if (place.after !== undefined) {
    const i = list.findIndex((item) => item.id === place.after);
    if (i < 0) throw new BoardCommandError('not-found', `${what} ${place.after} not found`);
    return i + 1;
  }
  return atStart ? 0 : list.length;
}

/** Writes an order key (and any re-keys of siblings) for an item placed at `index` among `siblings`. */
export function placeAt(container: YMap, siblings: readonly Ordered[], index: number, item: YMap): void {
  const { key, rekey } = planInsert(siblings, index);
  for (const [id, k] of rekey) (container.get(id) as YMap).set('order', k);
  item.set('order', key);
}

/** A new Y.Map holding `fields` (undefined ones left out). */
export function newRecord(fields: Record<string, unknown>): YMap {
  const map = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) map.set(k, v);
  return map;
}

/** Order keys for `n` new items in a row. */
export function planKeys(n: number): string[] {
  const keys: string[] = [];
  for (let i = 0; i < n; i++)
    keys.push(
      planInsert(
        keys.map((order, j) => ({ id: String(j), order })),
        i,
      ).key,
    );
  return keys;
}

/** Clamps a computed coordinate into the canvas bounds. */
export function clampCoord(v: number): number {
  return Math.min(LIMITS.coordinate, Math.max(-LIMITS.coordinate, Number.isFinite(v) ? v : 0));
}
