import * as Y from 'yjs';
import { jsonDepth } from './presence';

/**
 * Checks a peer's Yjs update against a room's document *before* it is applied, so that
 * the room only ever holds content every client can integrate and load:
 *
 * - **nothing pending**: every struct follows what the room (or the update itself) has
 *   for its client, every origin, right origin and parent exists, every deletion refers
 *   to known content. Yjs would otherwise park the rest as "pending", outside the document
 *   but inside every initial sync and compaction, where content that reuses ids shadows
 *   honest content for newcomers;
 * - **no conflicting ids**: a struct re-sent for ids the room already has must be the same
 *   kind of struct in the same place (an honest client may re-send what the room has;
 *   a different struct under the same id is forged);
 * - **bounded nesting**: shared types inside shared types plus JSON values inside them at
 *   most {@link MAX_NESTING_DEPTH} levels deep, so a fresh client never runs out of stack
 *   loading the room.
 *
 * Cost: one decode of the update plus a look-up in the room's struct store per struct that
 * touches existing content; nothing is copied from the room's document.
 */

/** Deepest nesting a document may hold: shared types in shared types, plus JSON values in them. */
export const MAX_NESTING_DEPTH = 32;

/** Why an update cannot be integrated cleanly. `missing` may resolve once its dependencies arrive. */
export type UpdateProblem =
  | { kind: 'malformed'; message: string }
  | { kind: 'missing'; message: string }
  | { kind: 'conflict'; message: string }
  | { kind: 'too-deep'; message: string };

type Struct = Y.Item | Y.GC | Y.Skip;

/** Returns null when `update` integrates cleanly into `doc`, else what is wrong with it. */
export function checkUpdate(
  doc: Y.Doc,
  update: Uint8Array,
  maxDepth: number = MAX_NESTING_DEPTH,
): UpdateProblem | null {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch (error) {
    return { kind: 'malformed', message: `cannot decode (${(error as Error).message})` };
  }
  const byClient = groupByClient(decoded.structs as Struct[]);
  const order = integrationOrder(doc.store, byClient);
  if ('kind' in order) return order;
  for (const [client, ranges] of decoded.ds.clients) {
    const known = order.state.get(client) ?? Y.getState(doc.store, client);
    for (const range of ranges) {
      if (range.clock + range.len > known) {
        return {
          kind: 'missing',
          message: `deletes ${client}:${range.clock}+${range.len}, which the room does not have`,
        };
      }
    }
  }
  const depth = new DepthCheck(doc.store, byClient, maxDepth);
  for (const item of order.fresh) {
    const problem = depth.check(item);
    if (problem !== null) return problem;
  }
  return null;
}

/** Structs per client in clock order (the order of the update's encoding). */
function groupByClient(structs: readonly Struct[]): Map<number, Struct[]> {
  const byClient = new Map<number, Struct[]>();
  for (const struct of structs) {
    const list = byClient.get(struct.id.client);
    if (list === undefined) byClient.set(struct.id.client, [struct]);
    else list.push(struct);
  }
  for (const list of byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock);
  return byClient;
}

/**
 * Replays Yjs's integration order without touching the document: a client's next struct
 * integrates once its clock follows the client's state and its origins and parent exist.
 * Returns the items that would be integrated (new content) and each client's final state,
 * or a problem when some struct would stay pending or reuses an id for something else.
 */
function integrationOrder(
  store: Y.Doc['store'],
  byClient: Map<number, Struct[]>,
): { fresh: Y.Item[]; state: Map<number, number> } | UpdateProblem {
  const state = new Map<number, number>();
  const stateOf = (client: number) => state.get(client) ?? Y.getState(store, client);
  const next = new Map<number, number>([...byClient.keys()].map((client) => [client, 0]));
  /** Clients whose next struct waits for another client's state to advance. */
  const waiting = new Map<number, Set<number>>();
  const fresh: Y.Item[] = [];
  const work = [...byClient.keys()];
  while (work.length > 0) {
    const client = work.pop() as number;
    const structs = byClient.get(client) as Struct[];
    let index = next.get(client) as number;
    const before = stateOf(client);
    for (; index < structs.length; index++) {
      const struct = structs[index] as Struct;
      if (struct instanceof Y.Skip) continue;
      const clock = struct.id.clock;
      const known = stateOf(client);
      if (clock > known) {
        return {
          kind: 'missing',
          message: `starts client ${client} at clock ${clock}, the room has it up to ${known}`,
        };
      }
      if (struct instanceof Y.Item) {
        const blockedOn = missingDependency(struct, stateOf);
        if (blockedOn === 'invalid') {
          return {
            kind: 'malformed',
            message: `struct ${client}:${clock} refers to itself or later content`,
          };
        }
        if (blockedOn !== null) {
          const set = waiting.get(blockedOn) ?? new Set<number>();
          waiting.set(blockedOn, set);
          set.add(client);
          break;
        }
      }
      if (clock < known) {
        const conflict = conflictWithKnown(store, struct);
        if (conflict !== null) return conflict;
      }
      const end = clock + struct.length;
      if (end > known) {
        state.set(client, end);
        if (struct instanceof Y.Item) fresh.push(struct);
      }
    }
    next.set(client, index);
    if (stateOf(client) > before) {
      const woken = waiting.get(client);
      if (woken !== undefined) {
        waiting.delete(client);
        work.push(...woken);
      }
    }
  }
  for (const [client, structs] of byClient) {
    const index = next.get(client) as number;
    if (index < structs.length) {
      const id = (structs[index] as Struct).id;
      return {
        kind: 'missing',
        message: `struct ${client}:${id.clock} depends on content the room does not have`,
      };
    }
  }
  return { fresh, state };
}

/**
 * The client an item still waits for, null if its dependencies exist, 'invalid' when it
 * refers to its own client at or after its own clock (which can never exist first).
 */
function missingDependency(item: Y.Item, stateOf: (client: number) => number): number | 'invalid' | null {
  const parent = item.parent instanceof Y.ID ? item.parent : null;
  for (const dependency of [item.origin, item.rightOrigin, parent]) {
    if (dependency === null) continue;
    if (dependency.client === item.id.client) {
      // The own client's earlier structs come first in the update or are in the room.
      if (dependency.clock >= item.id.clock) return 'invalid';
      continue;
    }
    if (dependency.clock >= stateOf(dependency.client)) return dependency.client;
  }
  return null;
}

/**
 * A struct re-sent for ids the room already has is fine when it is what the room has
 * (an honest client re-sends what it does not know the room has); a different kind of
 * struct, another map key or another origin under the same id is a forgery.
 */
function conflictWithKnown(store: Y.Doc['store'], struct: Struct): UpdateProblem | null {
  if (!(struct instanceof Y.Item)) return null;
  const existing = Y.getItem(store, struct.id) as Struct;
  if (!(existing instanceof Y.Item)) return null; // garbage-collected: nothing left to compare
  // Deleted content may be sent as a deletion marker; the parent and key are only encoded
  // for items without origins; the room's items may be split or merged differently, so
  // the origin is only comparable where both start at the same clock.
  const deleted = existing.content instanceof Y.ContentDeleted || struct.content instanceof Y.ContentDeleted;
  const placed = struct.origin === null && struct.rightOrigin === null;
  const differs =
    (!deleted && existing.content.constructor !== struct.content.constructor) ||
    (placed && existing.parentSub !== struct.parentSub) ||
    (existing.id.clock === struct.id.clock && !sameId(existing.origin, struct.origin));
  if (!differs) return null;
  return {
    kind: 'conflict',
    message: `struct ${struct.id.client}:${struct.id.clock} reuses ids the room has for other content`,
  };
}

function sameId(a: Y.ID | null, b: Y.ID | null): boolean {
  return a === null || b === null ? a === b : Y.compareIDs(a, b);
}

/** Nesting depth of new items: the container's level plus one, plus the depth of JSON values. */
class DepthCheck {
  /** Level of the container each update item lives in (0 = a root type). */
  private readonly levels = new Map<Y.Item, number>();

  constructor(
    private readonly store: Y.Doc['store'],
    private readonly byClient: Map<number, Struct[]>,
    private readonly maxDepth: number,
  ) {}

  check(item: Y.Item): UpdateProblem | null {
    const level = this.containerLevel(item);
    const depth = level + 1 + contentDepth(item.content, this.maxDepth - level);
    if (depth <= this.maxDepth) return null;
    return {
      kind: 'too-deep',
      message: `content nested more than ${this.maxDepth} levels deep (struct ${item.id.client}:${item.id.clock})`,
    };
  }

  /**
   * Level of the container `start` lives in. Follows parents and, for items that name no
   * parent, their origin (Yjs infers the parent from it) without recursion: chains of
   * thousands of items are common in one update.
   */
  private containerLevel(start: Y.Item): number {
    const chain: { item: Y.Item; add: number }[] = [];
    let item = start;
    let level: number;
    for (;;) {
      const known = this.levels.get(item);
      if (known !== undefined) {
        level = known;
        break;
      }
      const link = this.link(item);
      if (typeof link === 'number') {
        level = link;
        this.levels.set(item, level);
        break;
      }
      chain.push({ item, add: link.add });
      item = link.next;
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const step = chain[i] as { item: Y.Item; add: number };
      level += step.add;
      this.levels.set(step.item, level);
    }
    return level;
  }

  /** The item's container level when it can be read off directly, else the update item it follows. */
  private link(item: Y.Item): number | { next: Y.Item; add: number } {
    if (typeof item.parent === 'string') return 0;
    if (item.parent instanceof Y.ID) {
      const parent = this.find(item.parent);
      if (parent instanceof Y.Item && this.inUpdate(parent)) return { next: parent, add: 1 };
      return parent instanceof Y.Item && parent.content instanceof Y.ContentType
        ? typeLevel(parent.content.type, this.maxDepth)
        : 0; // a collected or non-type parent: Yjs turns the item into a GC struct
    }
    const neighbour = item.origin ?? item.rightOrigin;
    if (neighbour === null) return 0;
    const found = this.find(neighbour);
    if (!(found instanceof Y.Item)) return 0;
    if (this.inUpdate(found)) return { next: found, add: 0 };
    return found.parent instanceof Y.AbstractType ? typeLevel(found.parent, this.maxDepth) : 0;
  }

  /** Items of the room's document have their parent type resolved; decoded ones an id, a root name or null. */
  private inUpdate(item: Y.Item): boolean {
    return !(item.parent instanceof Y.AbstractType);
  }

  /** The struct holding `id`: from the update when it is there, else from the room. */
  private find(id: Y.ID): Struct | null {
    const structs = this.byClient.get(id.client);
    if (structs !== undefined) {
      let low = 0;
      let high = structs.length - 1;
      while (low <= high) {
        const middle = (low + high) >> 1;
        const struct = structs[middle] as Struct;
        if (id.clock < struct.id.clock) high = middle - 1;
        else if (id.clock >= struct.id.clock + struct.length) low = middle + 1;
        else if (!(struct instanceof Y.Skip)) {
          // The room's copy wins for ids it already has (that is what Yjs integrates against).
          return id.clock < Y.getState(this.store, id.client)
            ? (Y.getItem(this.store, id) as Struct)
            : struct;
        } else break;
      }
    }
    return id.clock < Y.getState(this.store, id.client) ? (Y.getItem(this.store, id) as Struct) : null;
  }
}

/** Level of a type in the room's document: 0 for a root type, +1 per enclosing type (capped). */
function typeLevel(type: Y.AbstractType<unknown>, cap: number): number {
  let level = 0;
  for (let item = type._item; item !== null && level <= cap; level++) {
    item = (item.parent as Y.AbstractType<unknown>)._item;
  }
  return level;
}

/** Depth of the JSON values an item carries (0 for types, strings, deletions), counted up to `cap + 1`. */
function contentDepth(content: Y.Item['content'], cap: number): number {
  let values: unknown[];
  if (content instanceof Y.ContentAny || content instanceof Y.ContentJSON) values = content.arr;
  else if (content instanceof Y.ContentEmbed) values = [content.embed];
  else if (content instanceof Y.ContentFormat) values = [content.value];
  else if (content instanceof Y.ContentDoc) values = [content.opts];
  else return 0;
  return jsonDepth(values, cap + 1) - 1;
}
