import * as Y from 'yjs';
import { describeError, type Logger } from './log';
import type { Counters } from './metrics';
import type { RoomFiles } from './persistence/fileStore';
import { type PresenceLimits, PresenceTable } from './presence';
import {
  decodeAwarenessUpdate,
  encodeAwarenessMessage,
  encodePermissionDenied,
  encodeSyncMessage,
  ProtocolError,
  SYNC_STEP_1,
  SYNC_STEP_2,
  SYNC_UPDATE,
} from './protocol';
import type { Role } from './tokens';
import { checkUpdate, type UpdateProblem } from './updateCheck';

/** One websocket client as a room sees it. */
export interface Peer {
  /** For log lines: address and a connection number. */
  readonly label: string;
  readonly role: Role;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}

/** What a room needs from the server around it. */
export interface RoomContext {
  log: Logger;
  counters: Counters;
  /** Deepest nesting a document update may create (see updateCheck.ts). */
  maxNestingDepth: number;
  /** Bounds on presence (awareness): per client id, per connection, per room. */
  presence: PresenceLimits;
  /** Called when the last peer leaves. */
  onEmpty(room: Room): void;
  /** Called after the room's storage failed and every peer was disconnected. */
  onFailed(room: Room): void;
}

/**
 * Largest presence (awareness) update: names, colours, cursors, selections and viewports
 * are small; without this one connection could park megabytes in every peer's memory.
 */
export const MAX_AWARENESS_BYTES = 256 * 1024;
/** Most entries one presence update may carry (a joiner's client echoes everyone it was sent). */
const MAX_AWARENESS_ENTRIES = 10_000;

/**
 * Updates that arrive before what they depend on, held per peer (not applied, stored or
 * served) until the peer's sync step 2 brings the rest. The stock client can send a live
 * edit before its step 2 when it reconnects with offline edits.
 */
const MAX_HELD_UPDATES = 32;
const MAX_HELD_BYTES = 256 * 1024;

interface HeldUpdates {
  updates: Uint8Array[];
  bytes: number;
}

/** Close code for a room whose storage failed: transient for the stock client, which reconnects. */
export const CLOSE_STORAGE_FAILED = 1011;

/**
 * One loaded board: its Y.Doc, its awareness and its peers. Every document change comes
 * from {@link Room.receiveUpdate}, which stores the change in the room's log *before* any
 * peer is sent it, so nothing a client has received can be lost when the process dies.
 */
export class Room {
  readonly doc = new Y.Doc();
  /** Presence (awareness) states, each owned by the peer that announced it. */
  readonly presence: PresenceTable<Peer>;
  private readonly peers = new Set<Peer>();
  /** Updates emitted by the doc during the current apply, waiting to be stored and sent. */
  private emitted: Uint8Array[] = [];
  /** Stored updates and changed presence waiting for the end of this event-loop turn. */
  private outgoingUpdates: { update: Uint8Array; origin: Peer }[] = [];
  private readonly outgoingAwareness = new Set<number>();
  private flushScheduled = false;
  private readonly notifiedReadOnly = new WeakSet<Peer>();
  private readonly held = new Map<Peer, HeldUpdates>();
  private failed = false;
  private unloaded = false;

  constructor(
    readonly name: string,
    private readonly files: RoomFiles,
    storedUpdates: readonly Uint8Array[],
    private readonly context: RoomContext,
  ) {
    for (const update of storedUpdates) {
      try {
        Y.applyUpdate(this.doc, update);
      } catch (error) {
        // A stored record passed its checksum, so this is a Yjs-level problem; keep the rest.
        context.log(
          'error',
          `${name}: a stored update could not be applied and was skipped: ${describeError(error)}`,
        );
      }
    }
    this.dropPending('the stored room');
    // A long log (left by a crash, or from before a restart) is folded into the snapshot
    // now, so the next load is one read instead of thousands of small updates.
    if (files.wantsCompaction()) this.compact();
    this.presence = new PresenceTable(context.presence);
    this.doc.on('update', (update: Uint8Array) => this.emitted.push(update));
  }

  /** Number of connected peers. */
  get size(): number {
    return this.peers.size;
  }

  /** Peers per role, for /metrics. */
  countRoles(): { editors: number; viewers: number } {
    let editors = 0;
    for (const peer of this.peers) if (peer.role === 'editor') editors++;
    return { editors, viewers: this.peers.size - editors };
  }

  /** True once the room was unloaded or failed; it accepts nothing more. */
  get closed(): boolean {
    return this.failed || this.unloaded;
  }

  /** Adds a peer and sends it the y-websocket greeting: sync step 1 and the current awareness. */
  join(peer: Peer): void {
    if (this.closed) throw new Error(`${this.name}: room is closed`);
    this.peers.add(peer);
    if (peer.role === 'editor') this.held.set(peer, { updates: [], bytes: 0 });
    peer.send(encodeSyncMessage(SYNC_STEP_1, Y.encodeStateVector(this.doc)));
    const presence = this.presence.encodeAll();
    if (presence !== null) peer.send(encodeAwarenessMessage(presence));
  }

  /** Removes a peer and the presence it owned; tells the server when the room became empty. */
  leave(peer: Peer): void {
    if (!this.peers.delete(peer)) return;
    this.held.delete(peer);
    if (this.closed) return;
    this.queuePresence(this.presence.removeOwner(peer));
    if (this.peers.size === 0) this.context.onEmpty(this);
  }

  /** Answers a peer's sync step 1 with everything it is missing (sync step 2). */
  answerSyncStep1(peer: Peer, stateVector: Uint8Array): void {
    let diff: Uint8Array;
    try {
      diff = Y.encodeStateAsUpdate(this.doc, stateVector);
    } catch (error) {
      throw new ProtocolError(`malformed state vector (${describeError(error)})`);
    }
    peer.send(encodeSyncMessage(SYNC_STEP_2, diff));
  }

  /**
   * Handles a sync step 2 or update from a peer. A viewer's is dropped (a viewer that
   * edits is told once that it is read-only). An editor's is checked first
   * ({@link checkUpdate}): one that would not integrate cleanly (too deep, forged ids,
   * dependencies that never come) throws {@link ProtocolError} before anything is applied,
   * stored or sent. Otherwise it is applied, stored, then sent to the other peers. Should
   * Yjs still throw, whatever part it integrated is stored and sent, so memory and disk
   * never differ.
   */
  receiveUpdate(peer: Peer, update: Uint8Array, kind: 'sync-step-2' | 'sync-update'): void {
    if (this.closed) return;
    if (peer.role !== 'editor') {
      // A viewer's step 2 is the stock client's reply to our step 1; only a plain update
      // means the person tried to edit.
      if (kind === 'sync-update') {
        this.context.counters.viewerWritesRejected++;
        if (!this.notifiedReadOnly.has(peer)) {
          this.notifiedReadOnly.add(peer);
          peer.send(encodePermissionDenied('read-only: this connection has a viewer token'));
        }
      }
      return;
    }
    const held = this.held.get(peer);
    const problem = checkUpdate(this.doc, update, this.context.maxNestingDepth);
    if (problem === null) {
      this.apply(peer, update);
    } else if (problem.kind === 'missing' && held !== undefined && this.hold(held, update)) {
      // Held below; it may follow what this peer sends next (see `held`).
    } else {
      this.refuse(problem);
    }
    if (held !== undefined && held.updates.length > 0) this.retryHeld(peer, held, kind);
  }

  /** Applies a checked update, then stores and schedules what Yjs integrated. */
  private apply(peer: Peer, update: Uint8Array): void {
    let failure: unknown = null;
    try {
      Y.applyUpdate(this.doc, update, peer);
    } catch (error) {
      failure = error;
    }
    this.dropPending('an update');
    this.commit(peer);
    if (failure !== null) throw new ProtocolError(`malformed document update (${describeError(failure)})`);
  }

  private hold(held: HeldUpdates, update: Uint8Array): boolean {
    if (held.updates.length >= MAX_HELD_UPDATES || held.bytes + update.byteLength > MAX_HELD_BYTES)
      return false;
    held.updates.push(update);
    held.bytes += update.byteLength;
    return true;
  }

  /**
   * Applies the peer's held updates whose dependencies arrived. What is still missing after
   * the peer's own sync step 2 (everything it has that the room lacks) never will be.
   */
  private retryHeld(peer: Peer, held: HeldUpdates, kind: 'sync-step-2' | 'sync-update'): void {
    let progress = true;
    while (progress && held.updates.length > 0) {
      progress = false;
      for (const update of [...held.updates]) {
        const problem = checkUpdate(this.doc, update, this.context.maxNestingDepth);
        if (problem !== null && problem.kind === 'missing') continue;
        held.updates.splice(held.updates.indexOf(update), 1);
        held.bytes -= update.byteLength;
        if (problem !== null) this.refuse(problem);
        this.apply(peer, update);
        progress = true;
      }
    }
    if (kind === 'sync-step-2' && held.updates.length > 0) {
      const update = held.updates[0] as Uint8Array;
      const problem = checkUpdate(this.doc, update, this.context.maxNestingDepth);
      this.refuse(problem ?? { kind: 'missing', message: 'depends on content the peer never sent' });
    }
  }

  private refuse(problem: UpdateProblem): never {
    this.context.counters.updatesRefused++;
    throw new ProtocolError(`refused document update, ${problem.kind}: ${problem.message}`);
  }

  /**
   * Defence in depth: pending structs or deletions inside the document would be served to
   * every joiner and written into compaction although nothing integrated them (the checks
   * above keep them out; rooms stored by older versions may hold some).
   */
  private dropPending(what: string): void {
    const store = this.doc.store;
    if (store.pendingStructs === null && store.pendingDs === null) return;
    this.context.log(
      'warn',
      `${this.name}: dropped content of ${what} that depends on content the room does not have`,
    );
    store.pendingStructs = null;
    store.pendingDs = null;
  }

  /**
   * Applies a peer's presence (awareness) update after decoding it fully: only ids the
   * peer owns or newly announces change, within the bounds of {@link PresenceLimits};
   * an oversized or too deep state closes the peer's connection ({@link ProtocolError}).
   */
  receiveAwareness(peer: Peer, update: Uint8Array): void {
    if (this.closed || !this.peers.has(peer)) return;
    if (update.byteLength > MAX_AWARENESS_BYTES) {
      throw new ProtocolError(`presence update of ${update.byteLength} bytes (limit ${MAX_AWARENESS_BYTES})`);
    }
    // Many entries are fine: the stock client echoes every state it learns (dropped unless
    // they are its own); how many ids one connection may own is checked by the table.
    const entries = decodeAwarenessUpdate(update, MAX_AWARENESS_ENTRIES);
    const { changed, refused } = this.presence.apply(peer, entries);
    this.context.counters.presenceRefused += refused;
    this.queuePresence(changed);
  }

  /** Sends a peer every current presence state (answer to a query-awareness message). */
  sendAllAwareness(peer: Peer): void {
    const presence = this.presence.encodeAll();
    if (presence !== null) peer.send(encodeAwarenessMessage(presence));
  }

  /**
   * Compacts the log into a snapshot if it has records, closes the files and frees the
   * document. Peers still connected are closed first.
   */
  unload(closeCode = 1001, reason = 'room unloaded'): void {
    if (this.closed) return;
    for (const peer of [...this.peers]) peer.close(closeCode, reason);
    this.peers.clear();
    this.unloaded = true;
    if (this.files.hasLogRecords()) this.compact();
    this.release();
  }

  /** Stores what the doc emitted during an apply, then sends it to every other peer. */
  private commit(origin: Peer): void {
    const updates = this.emitted;
    this.emitted = [];
    if (updates.length === 0) return;
    try {
      for (const update of updates) this.files.append(update);
    } catch (error) {
      this.fail(error);
      return;
    }
    this.context.counters.updatesApplied += updates.length;
    for (const update of updates) this.outgoingUpdates.push({ update, origin });
    this.scheduleFlush();
    if (this.files.wantsCompaction()) this.compact();
  }

  /**
   * Writes the whole document as the snapshot and empties the log. A failure is logged
   * and harmless: the log still holds every update and the next load replays it.
   */
  private compact(): void {
    try {
      this.files.compact(Y.encodeStateAsUpdate(this.doc));
    } catch (error) {
      this.context.log(
        'error',
        `${this.name}: compaction failed (the log is intact): ${describeError(error)}`,
      );
    }
  }

  /**
   * The store refused a write: the document in memory now holds a change that is not on
   * disk and must never reach anyone. Drop the room without saving; peers reconnect, the
   * room reloads from disk, and their clients send the change again in the sync handshake.
   */
  private fail(error: unknown): void {
    this.context.log(
      'error',
      `${this.name}: storage write failed, closing the room: ${describeError(error)}`,
    );
    this.context.counters.storageFailures++;
    this.failed = true;
    for (const peer of [...this.peers]) peer.close(CLOSE_STORAGE_FAILED, 'storage error, reconnect later');
    this.peers.clear();
    this.release();
    this.context.onFailed(this);
  }

  private release(): void {
    this.outgoingUpdates = [];
    this.outgoingAwareness.clear();
    try {
      this.files.close();
    } catch (error) {
      this.context.log('error', `${this.name}: closing room files failed: ${describeError(error)}`);
    }
    this.doc.destroy();
  }

  private queuePresence(ids: readonly number[]): void {
    if (ids.length === 0) return;
    for (const id of ids) this.outgoingAwareness.add(id);
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || this.closed) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      try {
        this.flush();
      } catch (error) {
        this.context.log('error', `${this.name}: broadcast failed: ${describeError(error)}`);
      }
    });
  }

  /**
   * Sends what this turn of the event loop produced (everything in it is already stored).
   * One update goes to every peer but its sender. Several (under load, many messages are
   * read in one turn) are merged into one update sent to every peer, senders included,
   * as the stock server does: Yjs ignores what a peer already has, and one message per
   * peer per turn instead of one per update keeps fan-out cost flat as rooms get busy.
   * Presence changes are likewise sent once per turn for all clients that changed.
   */
  private flush(): void {
    if (this.closed) return;
    const updates = this.outgoingUpdates;
    this.outgoingUpdates = [];
    if (updates.length === 1) {
      const [{ update, origin }] = updates as [{ update: Uint8Array; origin: Peer }];
      const message = encodeSyncMessage(SYNC_UPDATE, update);
      for (const peer of this.peers) if (peer !== origin) peer.send(message);
    } else if (updates.length > 1) {
      const message = encodeSyncMessage(SYNC_UPDATE, Y.mergeUpdates(updates.map((entry) => entry.update)));
      for (const peer of this.peers) peer.send(message);
    }
    if (this.outgoingAwareness.size > 0) {
      const ids = [...this.outgoingAwareness];
      this.outgoingAwareness.clear();
      const message = encodeAwarenessMessage(this.presence.encode(ids));
      for (const peer of this.peers) peer.send(message);
    }
  }
}
