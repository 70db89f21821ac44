import type { RawData, WebSocket } from 'ws';
import { CLOSE_CODES } from '../shared/protocol';
import type { Credential } from './access';
import { describeError, type Logger } from './log';
import type { Counters } from './metrics';
import { decodeClientMessage, ProtocolError } from './protocol';
import type { Peer, Room } from './room';
import type { QueueWaiter, SendQueues } from './sendQueues';
import type { Role } from './tokens';

/** Websocket close codes the server uses (defined in shared/protocol). */
export const CLOSE = CLOSE_CODES;

/** What a connection needs from the server around it. */
export interface ConnectionContext {
  log: Logger;
  counters: Counters;
  /** Unsent bytes per connection, address and room, and their bounds. */
  queues: SendQueues;
  onClosed(connection: Connection): void;
}

let nextConnectionNumber = 1;

/**
 * One websocket client in one room. Decodes each frame and hands it to the room; any
 * error while doing so closes this connection only, with the reason logged. Counts what
 * it has handed to the socket and not yet written out (see {@link SendQueues}): a peer
 * that does not read is closed past its bound, and gets no second initial sync while the
 * first is still queued.
 */
export class Connection implements Peer, QueueWaiter {
  readonly label: string;
  /** Set by any frame or pong; cleared by each heartbeat ping. */
  private alive = true;
  private closing = false;
  /** Bytes given to the socket and not yet written to the kernel. */
  private queued = 0;
  /** Once the socket closed, its queued bytes are released and late callbacks ignored. */
  private released = false;
  /** The newest state vector whose answer (sync step 2) waits for queued bytes to drain. */
  private deferredSync: Uint8Array | null = null;
  /**
   * A sync step 2 was sent and the peer has not yet answered the ping sent right after it.
   * Bytes leaving the process prove nothing (the kernel buffers megabytes per socket); a
   * pong does, since a client only answers the ping after reading everything before it.
   */
  private syncUnread = false;

  constructor(
    private readonly ws: WebSocket,
    readonly room: Room,
    readonly role: Role,
    readonly ip: string,
    readonly credential: Credential,
    private readonly context: ConnectionContext,
  ) {
    this.label = `#${nextConnectionNumber++} ${ip} ${role} in ${room.name}`;
  }

  /** Wires the socket's events and joins the room. */
  start(): void {
    this.ws.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    this.ws.on('pong', () => {
      this.alive = true;
      if (this.syncUnread) {
        this.syncUnread = false;
        this.retry();
      }
    });
    this.ws.on('error', (error) => this.onSocketError(error));
    this.ws.on('close', () => this.onSocketClosed());
    this.room.join(this);
  }

  get roomName(): string {
    return this.room.name;
  }

  send(message: Uint8Array): void {
    if (this.closing || this.ws.readyState !== this.ws.OPEN) return;
    const bytes = message.byteLength;
    const { queues } = this.context;
    if (this.queued + bytes > queues.limits.perConnection) {
      this.misbehaved(CLOSE.tryAgainLater, `not reading fast enough (${this.queued} bytes unsent)`);
      return;
    }
    this.queued += bytes;
    queues.add(this.ip, this.room.name, bytes);
    this.ws.send(message, () => this.written(bytes));
    this.context.counters.messagesOut++;
    this.context.counters.bytesOut += bytes;
  }

  /**
   * Answers a sync step 1 now, or once this connection's queue is empty, it has read the
   * previous answer and its address and room are within their budgets: a peer that does
   * not read holds at most one copy of the board, and a crowd of them from one address at
   * most that address's budget.
   */
  private requestSync(stateVector: Uint8Array): void {
    this.deferredSync = stateVector;
    this.retry();
  }

  retry(): boolean {
    const stateVector = this.deferredSync;
    if (stateVector === null || this.closing) return true;
    if (this.queued > 0 || this.syncUnread) return false; // `written` or the pong retries
    if (!this.context.queues.hasRoom(this.ip, this.room.name)) {
      this.context.queues.wait(this);
      return false;
    }
    this.deferredSync = null;
    this.context.queues.stopWaiting(this);
    try {
      this.room.answerSyncStep1(this, stateVector);
      this.syncUnread = true;
      this.ws.ping();
    } catch (error) {
      this.failed(error);
    }
    return true;
  }

  close(code: number, reason: string): void {
    if (this.closing) return;
    this.closing = true;
    try {
      this.ws.close(code, reason.slice(0, 120));
    } catch {
      this.ws.terminate();
    }
  }

  /** Drops the socket without a close handshake (dead peer, shutdown). */
  terminate(): void {
    this.closing = true;
    this.ws.terminate();
  }

  /** Calls `callback` once the socket is closed (at once if it already is). */
  onceClosed(callback: () => void): void {
    if (this.ws.readyState === this.ws.CLOSED) callback();
    else this.ws.once('close', () => callback());
  }

  /** Called by the server's ping timer: a peer that did not answer the last ping is dropped. */
  heartbeat(): void {
    if (this.closing) return;
    if (!this.alive) {
      this.context.counters.connectionsTimedOut++;
      this.context.log('info', `${this.label}: no pong since the last ping, dropping the connection`);
      this.terminate();
      return;
    }
    this.alive = false;
    try {
      this.ws.ping();
    } catch {
      this.terminate();
    }
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    if (this.closing) return;
    this.alive = true;
    const frame = toUint8Array(data);
    this.context.counters.messagesIn++;
    this.context.counters.bytesIn += frame.byteLength;
    try {
      if (!isBinary) throw new ProtocolError('text frame (the protocol is binary)');
      const message = decodeClientMessage(frame);
      switch (message.kind) {
        case 'sync-step-1':
          this.requestSync(message.stateVector);
          break;
        case 'sync-step-2':
        case 'sync-update':
          this.room.receiveUpdate(this, message.update, message.kind);
          break;
        case 'awareness':
          this.room.receiveAwareness(this, message.update);
          break;
        case 'query-awareness':
          this.room.sendAllAwareness(this);
          break;
      }
    } catch (error) {
      this.failed(error);
    }
  }

  /** A refused message closes this connection with 1007; anything else is an internal error (1011). */
  private failed(error: unknown): void {
    if (error instanceof ProtocolError) {
      this.misbehaved(CLOSE.invalidData, error.message);
    } else {
      this.context.log('error', `${this.label}: internal error handling a message: ${describeError(error)}`);
      this.close(CLOSE.internalError, 'internal error');
    }
  }

  /** Bytes left the process (or failed with the socket): frees them and answers a deferred sync. */
  private written(bytes: number): void {
    if (this.released) return;
    this.queued -= bytes;
    this.context.queues.drain(this.ip, this.room.name, bytes);
    if (this.queued === 0 && this.deferredSync !== null) this.retry();
  }

  private release(): void {
    if (this.released) return;
    this.released = true;
    this.deferredSync = null;
    this.context.queues.stopWaiting(this);
    this.context.queues.drain(this.ip, this.room.name, this.queued);
    this.queued = 0;
  }

  private misbehaved(code: number, reason: string): void {
    if (this.closing) return;
    this.context.counters.connectionsClosedForMisbehaviour++;
    this.context.log('warn', `${this.label}: closing connection: ${reason}`);
    this.close(code, reason);
  }

  private onSocketError(error: Error & { code?: string }): void {
    // ws reports protocol violations (oversized frame, bad opcode, invalid UTF-8 in a close
    // frame) here and closes the socket itself.
    if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
      this.context.counters.connectionsClosedForMisbehaviour++;
      this.context.log('warn', `${this.label}: closing connection: message larger than the limit`);
    } else {
      this.context.log('warn', `${this.label}: socket error: ${describeError(error)}`);
    }
    this.closing = true;
  }

  private onSocketClosed(): void {
    this.closing = true;
    this.release();
    try {
      this.room.leave(this);
    } catch (error) {
      this.context.log('error', `${this.label}: error while leaving the room: ${describeError(error)}`);
    }
    this.context.onClosed(this);
  }
}

function toUint8Array(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return data;
}
