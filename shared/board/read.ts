import * as Y from 'yjs';

/**
 * Helpers shared by the record readers in `records/`. Readers turn the Yjs structures into
 * plain snapshots and are also the repair step for untrusted content (files, remote peers):
 * a field of the wrong type falls back to its default, and a record that cannot be read (no
 * id, unknown kind) is skipped and reported, so one bad record never breaks the rest.
 *
 * Keys from a peer or a file are untrusted: collections read here are null-prototype
 * objects (`dict`) or Maps, and lookups use own keys only (`own`), so a record id such as
 * `constructor` or `__proto__` is just an id.
 */
export interface ReadIssue {
  collection: string;
  id: string;
  problem: string;
}

/** Collects what readers had to skip or fix; pass none to read silently. */
export type IssueSink = ((issue: ReadIssue) => void) | undefined;

export type YMap = Y.Map<unknown>;

/** An empty record keyed by untrusted ids: no prototype, so no inherited names resolve. */
export function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** `record[key]` if it is the record's own entry, else undefined (never an inherited name). */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Iterates the child maps of a collection map, reporting entries that are not maps. */
export function* childMaps(parent: YMap, collection: string, onIssue: IssueSink): Generator<[string, YMap]> {
  for (const [id, value] of parent.entries()) {
    if (value instanceof Y.Map) yield [id, value as YMap];
    else onIssue?.({ collection, id, problem: 'not-a-record' });
  }
}

/** A nested Y.Map of a record (e.g. a journey's stages), or null when missing or of another type. */
export function subMap(map: YMap, key: string): YMap | null {
  const v = map.get(key);
  return v instanceof Y.Map ? (v as YMap) : null;
}

/** Drops the `order` key used while sorting. */
export function strip<T extends { order: string }>(item: T): Omit<T, 'order'> {
  const { order: _order, ...rest } = item;
  return rest;
}
