import * as encoding from 'lib0/encoding';
import { type AwarenessEntry, ProtocolError } from './protocol';

/**
 * A room's presence (y-protocols awareness: names, colours, cursors, selections) as the
 * server keeps it. Unlike the stock `Awareness` object it knows who owns each client id:
 * the connection that announced it. Only the owner may change or remove it; the id is
 * forgotten (and its removal sent to everyone) when the owner leaves, so memory follows
 * the people connected, not every id ever seen. Every state is size- and depth-checked
 * before it is kept or relayed, and the whole room's presence has a byte budget, which is
 * also the most a joining client is sent.
 */

/** Bounds on presence. The app's own record is well under 1 KiB (at most 200 selected ids). */
export interface PresenceLimits {
  /** Client ids one connection may own (the stock client uses one). */
  maxClientsPerPeer: number;
  /** Largest JSON of one client's state, in UTF-16 code units. */
  maxStateBytes: number;
  /** All states one connection owns, together. */
  maxBytesPerPeer: number;
  /** All states in a room, together: the most a joining client is sent. */
  maxBytesPerRoom: number;
  /** Deepest nesting of objects and arrays in a state. */
  maxDepth: number;
}

export const PRESENCE_LIMITS: PresenceLimits = {
  maxClientsPerPeer: 16,
  maxStateBytes: 32 * 1024,
  maxBytesPerPeer: 64 * 1024,
  maxBytesPerRoom: 2 * 1024 * 1024,
  maxDepth: 16,
};

/** Removed ids remembered (about 40 bytes each) so echoes of departed people are not claimed. */
const MAX_TOMBSTONES = 10_000;

interface Entry<Owner> {
  owner: Owner;
  clock: number;
  /** The state as JSON, kept as received so relaying never re-serialises. */
  json: string;
}

/** What applying an owner's entries changed, and how many entries were dropped. */
export interface PresenceChange {
  changed: number[];
  refused: number;
}

export class PresenceTable<Owner> {
  private readonly entries = new Map<number, Entry<Owner>>();
  private readonly owned = new Map<Owner, { ids: Set<number>; bytes: number }>();
  /** Clocks of ids removed since the last {@link encode}, so their removal can be relayed. */
  private readonly removedClocks = new Map<number, number>();
  /**
   * Last clocks of recently removed ids (at most {@link MAX_TOMBSTONES}, oldest dropped
   * first): the stock client echoes every state it learns, so a departed person's state
   * comes back from the others; it may only be claimed again with a newer clock.
   */
  private readonly tombstones = new Map<number, number>();
  private totalBytes = 0;

  constructor(private readonly limits: PresenceLimits = PRESENCE_LIMITS) {}

  /** Bytes of presence state held for the whole room. */
  get bytes(): number {
    return this.totalBytes;
  }

  /** Client ids with a state. */
  get size(): number {
    return this.entries.size;
  }

  /**
   * Applies one connection's decoded awareness entries. Entries for ids another connection
   * owns, stale clocks and removals of unknown ids are dropped (an honest client that
   * reconnects may still repeat its old id for a moment); states over the size or depth
   * bound, or more ids or bytes than one connection may own, throw {@link ProtocolError}
   * before any entry is applied. A new state that does not fit the room's budget is dropped.
   */
  apply(owner: Owner, entries: readonly AwarenessEntry[]): PresenceChange {
    const mine = this.owned.get(owner) ?? { ids: new Set<number>(), bytes: 0 };
    let ids = mine.ids.size;
    let bytes = mine.bytes;
    const accepted: { entry: AwarenessEntry; json: string }[] = [];
    let refused = 0;
    for (const entry of entries) {
      const existing = this.entries.get(entry.clientId);
      if (existing !== undefined && existing.owner !== owner) {
        // An echo (the stock client relays what it learns) carries a clock the room has;
        // only a newer one is an attempt to write someone else's presence.
        if (entry.clock > existing.clock) refused++;
        continue;
      }
      if (existing === undefined && entry.state === null) continue;
      if (existing === undefined && entry.clock <= (this.tombstones.get(entry.clientId) ?? -1)) continue;
      if (
        existing !== undefined &&
        (entry.clock < existing.clock || (entry.clock === existing.clock && entry.state !== null))
      )
        continue;
      const json = entry.state === null ? 'null' : entry.json;
      if (entry.state !== null) {
        if (json.length > this.limits.maxStateBytes) {
          throw new ProtocolError(
            `presence state of ${json.length} bytes (limit ${this.limits.maxStateBytes})`,
          );
        }
        if (jsonDepth(entry.state, this.limits.maxDepth) > this.limits.maxDepth) {
          throw new ProtocolError(`presence state nested more than ${this.limits.maxDepth} levels deep`);
        }
      }
      if (existing === undefined) ids++;
      else bytes -= existing.json.length;
      if (entry.state === null) ids--;
      else bytes += json.length;
      accepted.push({ entry, json });
    }
    if (ids > this.limits.maxClientsPerPeer) {
      throw new ProtocolError(
        `awareness for more than ${this.limits.maxClientsPerPeer} clients from one connection`,
      );
    }
    if (bytes > this.limits.maxBytesPerPeer) {
      throw new ProtocolError(
        `presence of ${bytes} bytes from one connection (limit ${this.limits.maxBytesPerPeer})`,
      );
    }
    const changed: number[] = [];
    for (const { entry, json } of accepted) {
      const existing = this.entries.get(entry.clientId);
      const growth = json.length - (existing?.json.length ?? 0);
      if (entry.state !== null && growth > 0 && this.totalBytes + growth > this.limits.maxBytesPerRoom) {
        refused++;
        continue;
      }
      if (entry.state === null) this.remove(entry.clientId, entry.clock);
      else this.set(owner, entry.clientId, entry.clock, json);
      changed.push(entry.clientId);
    }
    return { changed, refused };
  }

  /** Forgets every id `owner` announced; returns them so their removal can be relayed. */
  removeOwner(owner: Owner): number[] {
    const mine = this.owned.get(owner);
    if (mine === undefined) return [];
    const ids = [...mine.ids];
    // Clients drop a state on a removal with a newer clock.
    for (const id of ids) this.remove(id, (this.entries.get(id)?.clock ?? 0) + 1);
    this.owned.delete(owner);
    return ids;
  }

  /** Awareness update (y-protocols encoding) for `ids`: their states, or removal for ids gone. */
  encode(ids: Iterable<number>): Uint8Array {
    const list = [...ids];
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, list.length);
    for (const id of list) {
      const entry = this.entries.get(id);
      encoding.writeVarUint(encoder, id);
      encoding.writeVarUint(encoder, entry?.clock ?? this.removedClocks.get(id) ?? 0);
      encoding.writeVarString(encoder, entry?.json ?? 'null');
    }
    this.removedClocks.clear();
    return encoding.toUint8Array(encoder);
  }

  /** Every current state as one awareness update, or null when there is none. */
  encodeAll(): Uint8Array | null {
    return this.entries.size === 0 ? null : this.encode(this.entries.keys());
  }

  private set(owner: Owner, id: number, clock: number, json: string): void {
    const existing = this.entries.get(id);
    const mine = this.owned.get(owner) ?? { ids: new Set<number>(), bytes: 0 };
    this.owned.set(owner, mine);
    const previous = existing?.json.length ?? 0;
    mine.ids.add(id);
    mine.bytes += json.length - previous;
    this.totalBytes += json.length - previous;
    this.entries.set(id, { owner, clock, json });
    this.removedClocks.delete(id);
  }

  private remove(id: number, clock: number): void {
    const existing = this.entries.get(id);
    if (existing === undefined) return;
    const mine = this.owned.get(existing.owner);
    if (mine !== undefined) {
      mine.ids.delete(id);
      mine.bytes -= existing.json.length;
    }
    this.totalBytes -= existing.json.length;
    this.entries.delete(id);
    this.removedClocks.set(id, clock);
    this.tombstones.delete(id);
    this.tombstones.set(id, existing.clock);
    if (this.tombstones.size > MAX_TOMBSTONES) {
      this.tombstones.delete(this.tombstones.keys().next().value as number);
    }
  }
}

/** Depth of nested objects and arrays in a JSON value (0 for a primitive), counted up to `cap + 1`. */
export function jsonDepth(value: unknown, cap: number): number {
  let deepest = 0;
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const top = stack.pop() as { value: unknown; depth: number };
    if (top.value === null || typeof top.value !== 'object' || top.value instanceof Uint8Array) continue;
    const depth = top.depth + 1;
    if (depth > deepest) deepest = depth;
    if (deepest > cap) return deepest;
    for (const child of Array.isArray(top.value) ? top.value : Object.values(top.value)) {
      stack.push({ value: child, depth });
    }
    // lib0's decoder assigns an object under a "__proto__" key as the prototype: still nested.
    const prototype: unknown = Object.getPrototypeOf(top.value);
    if (prototype !== Object.prototype && prototype !== Array.prototype && prototype !== null) {
      stack.push({ value: prototype, depth });
    }
  }
  return deepest;
}
