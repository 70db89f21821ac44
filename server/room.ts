import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { describeError, type Logger } from './log';
import type { Counters } from './metrics';
import type { RoomFiles } from './persistence/fileStore';
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
  /** Most awareness entries one message may carry, and most client ids one peer may own. */
  maxAwarenessClientsPerPeer: number;
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

/** Close code for a room whose storage failed: transient for the stock client, which reconnects. */
export const CLOSE_STORAGE_FAILED = 1011;

/**
 * One loaded board: its Y.Doc, its awareness and its peers. Every document change comes
 * from {@link Room.receiveUpdate}, which stores the change in the room's log *before* any
 * peer is sent it, so nothing a client has received can be lost when the process dies.
 */
export class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  /** Peers and the awareness client ids each one introduced (removed when it leaves). */
  private readonly peers = new Map<Peer, Set<number>>();
  /** Updates emitted by the doc during the current apply, waiting to be stored and sent. */
  private emitted: Uint8Array[] = [];
  /** Stored updates and changed presence waiting for the end of this event-loop turn. */
  private outgoingUpdates: { update: Uint8Array; origin: Peer }[] = [];
  private readonly outgoingAwareness = new Set<number>();
  private flushScheduled = false;
  private readonly notifiedReadOnly = new WeakSet<Peer>();
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
    // A long log (left by a crash, or from before a restart) is folded into the snapshot
    // now, so the next load is one read instead of thousands of small updates.
    if (files.wantsCompaction()) this.compact();
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array) => this.emitted.push(update));
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  /** Number of connected peers. */
  get size(): number {
    return this.peers.size;
  }

  /** Peers per role, for /metrics. */
  countRoles(): { editors: number; viewers: number } {
    let editors = 0;
    for (const peer of this.peers.keys()) if (peer.role === 'editor') editors++;
    return { editors, viewers: this.peers.size - editors };
  }

  /** True once the room was unloaded or failed; it accepts nothing more. */
  get closed(): boolean {
    return this.failed || this.unloaded;
  }

  /** Adds a peer and sends it the y-websocket greeting: sync step 1 and the current awareness. */
  join(peer: Peer): void {
    if (this.closed) throw new Error(`${this.name}: room is closed`);
    this.peers.set(peer, new Set());
    peer.send(encodeSyncMessage(SYNC_STEP_1, Y.encodeStateVector(this.doc)));
    const states = this.awareness.getStates();
    if (states.size > 0) {
      peer.send(
        encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...states.keys()])),
      );
    }
  }

  /** Removes a peer and the presence it owned; tells the server when the room became empty. */
  leave(peer: Peer): void {
    const owned = this.peers.get(peer);
    if (owned === undefined) return;
    this.peers.delete(peer);
    if (!this.closed && owned.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...owned], null);
    }
    if (this.peers.size === 0 && !this.closed) this.context.onEmpty(this);
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
   * edits is told once that it is read-only). An editor's is applied, stored, then sent to
   * the other peers. A malformed update throws {@link ProtocolError} after whatever part
   * of it Yjs had already integrated is stored and sent, so memory and disk never differ.
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
    const store = this.doc.store;
    const pendingBefore = [store.pendingStructs?.update, store.pendingDs] as const;
    let failure: unknown = null;
    try {
      Y.applyUpdate(this.doc, update, peer);
    } catch (error) {
      failure = error;
    }
    // Parts of an update that wait for missing dependencies are held outside the doc's
    // integrated state (no update event) but are still served to new peers, since
    // encodeStateAsUpdate includes them. So when this update added to them, the raw
    // update is stored too.
    const pendingGrew =
      (store.pendingStructs !== null && store.pendingStructs.update !== pendingBefore[0]) ||
      (store.pendingDs !== null && !sameBytes(store.pendingDs, pendingBefore[1]));
    this.commit(peer, failure === null && pendingGrew ? update : null);
    if (failure !== null) throw new ProtocolError(`malformed document update (${describeError(failure)})`);
  }

  /** Applies a peer's awareness update after decoding it fully; enforces the per-peer client limit. */
  receiveAwareness(peer: Peer, update: Uint8Array): void {
    if (this.closed) return;
    const owned = this.peers.get(peer);
    if (owned === undefined) return;
    if (update.byteLength > MAX_AWARENESS_BYTES) {
      throw new ProtocolError(`presence update of ${update.byteLength} bytes (limit ${MAX_AWARENESS_BYTES})`);
    }
    const limit = this.context.maxAwarenessClientsPerPeer;
    const entries = decodeAwarenessUpdate(update, limit);
    const newIds = new Set(
      entries.filter((e) => e.state !== null && !owned.has(e.clientId)).map((e) => e.clientId),
    );
    if (owned.size + newIds.size > limit) {
      throw new ProtocolError(`awareness for more than ${limit} clients from one connection`);
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, peer);
  }

  /** Sends a peer every current awareness state (answer to a query-awareness message). */
  sendAllAwareness(peer: Peer): void {
    const ids = [...this.awareness.getStates().keys()];
    peer.send(encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)));
  }

  /**
   * Compacts the log into a snapshot if it has records, closes the files and frees the
   * document. Peers still connected are closed first.
   */
  unload(closeCode = 1001, reason = 'room unloaded'): void {
    if (this.closed) return;
    for (const peer of [...this.peers.keys()]) peer.close(closeCode, reason);
    this.peers.clear();
    this.unloaded = true;
    if (this.files.hasLogRecords()) this.compact();
    this.release();
  }

  /** Stores what the doc emitted during an apply, then sends it to every other peer. */
  private commit(origin: Peer, rawPending: Uint8Array | null): void {
    const updates = this.emitted;
    this.emitted = [];
    if (updates.length === 0 && rawPending === null) return;
    try {
      for (const update of updates) this.files.append(update);
      if (rawPending !== null) this.files.append(rawPending);
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
    for (const peer of [...this.peers.keys()])
      peer.close(CLOSE_STORAGE_FAILED, 'storage error, reconnect later');
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
    this.awareness.destroy();
    this.doc.destroy();
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const owned = this.peers.get(origin as Peer);
    if (owned !== undefined) {
      for (const id of added) owned.add(id);
      for (const id of updated) owned.add(id);
      for (const id of removed) owned.delete(id);
    }
    for (const id of added) this.outgoingAwareness.add(id);
    for (const id of updated) this.outgoingAwareness.add(id);
    for (const id of removed) this.outgoingAwareness.add(id);
    this.scheduleFlush();
  };

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
      for (const peer of this.peers.keys()) if (peer !== origin) peer.send(message);
    } else if (updates.length > 1) {
      const message = encodeSyncMessage(SYNC_UPDATE, Y.mergeUpdates(updates.map((entry) => entry.update)));
      for (const peer of this.peers.keys()) peer.send(message);
    }
    if (this.outgoingAwareness.size > 0) {
      const ids = [...this.outgoingAwareness];
      this.outgoingAwareness.clear();
      const message = encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids));
      for (const peer of this.peers.keys()) peer.send(message);
    }
  }
}

/** Byte equality (Yjs re-encodes pending deletions on every update, so identity says nothing). */
function sameBytes(a: Uint8Array, b: Uint8Array | null | undefined): boolean {
  return b != null && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}
