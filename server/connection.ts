import type { RawData, WebSocket } from 'ws';
import { CLOSE_CODES } from '../shared/protocol';
import type { Credential } from './access';
import { describeError, type Logger } from './log';
import type { Counters } from './metrics';
import { decodeClientMessage, ProtocolError } from './protocol';
import type { Peer, Room } from './room';
import type { Role } from './tokens';

/** Websocket close codes the server uses (defined in shared/protocol). */
export const CLOSE = CLOSE_CODES;

/** What a connection needs from the server around it. */
export interface ConnectionContext {
  log: Logger;
  counters: Counters;
  /** Close a peer whose unsent data grows past this many bytes. */
  maxBufferedBytes: number;
  onClosed(connection: Connection): void;
}

let nextConnectionNumber = 1;

/**
 * One websocket client in one room. Decodes each frame and hands it to the room; any
 * error while doing so closes this connection only, with the reason logged.
 */
export class Connection implements Peer {
  readonly label: string;
  /** Set by any frame or pong; cleared by each heartbeat ping. */
  private alive = true;
  private closing = false;

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
    });
    this.ws.on('error', (error) => this.onSocketError(error));
    this.ws.on('close', () => this.onSocketClosed());
    this.room.join(this);
  }

  send(message: Uint8Array): void {
    if (this.closing || this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount > this.context.maxBufferedBytes) {
      this.misbehaved(
        CLOSE.tryAgainLater,
        `not reading fast enough (${this.ws.bufferedAmount} bytes unsent)`,
      );
      return;
    }
    this.ws.send(message);
    this.context.counters.messagesOut++;
    this.context.counters.bytesOut += message.byteLength;
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
          this.room.answerSyncStep1(this, message.stateVector);
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
      if (error instanceof ProtocolError) {
        this.misbehaved(CLOSE.invalidData, error.message);
      } else {
        this.context.log(
          'error',
          `${this.label}: internal error handling a message: ${describeError(error)}`,
        );
        this.close(CLOSE.internalError, 'internal error');
      }
    }
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
