import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import {
  AttemptLimiter,
  type AccessDecision,
  checkAccess,
  type Credential,
  isLoopbackHost,
  JoinCodes,
  normalizeJoinCode,
  parseAllowedOrigins,
  SYNC_PATH,
  TOO_MANY_WRONG_CODES,
} from './access';
import { CLOSE, Connection, type ConnectionContext } from './connection';
import { describeError, type Logger, stderrLogger } from './log';
import { type Counters, createCounters } from './metrics';
import { PRESENCE_LIMITS } from './presence';
import { FileRoomStore, type FsyncMode, lockDataDir, StorageError } from './persistence/fileStore';
import { Room } from './room';
import { SendQueues } from './sendQueues';
import { resolveSecret, type SecretSource } from './secret';
import { StaticSite } from './static';
import { type Role, signToken } from './tokens';
import { MAX_NESTING_DEPTH } from './updateCheck';

/** Options of {@link startSyncServer}. Only `dataDir` is required. */
export interface SyncServerOptions {
  /** Directory for room files, the secret and the lock. Created if missing. */
  dataDir: string;
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Interface to bind; default 127.0.0.1. Use 0.0.0.0 to accept other machines. */
  host?: string;
  /** Token secret; default `CXBOARD_SERVER_SECRET`, else `<dataDir>/secret.key` (generated). */
  secret?: string;
  /** Accept connections without a credential (as editors). Only allowed on a loopback host. */
  allowAnonymous?: boolean;
  /**
   * Web origins that may use anonymous access besides pages on loopback (`--allow-origin`):
   * `null` or e.g. `http://192.168.1.20:5173`. Default none: `Origin: null` and foreign pages are refused.
   */
  allowedOrigins?: readonly string[];
  /** Directory of a built single-page app to serve at `/`. */
  staticDir?: string;
  /** Largest websocket message accepted, in bytes (default 8 MiB). */
  maxMessageBytes?: number;
  /** Most open websocket connections from one address (default 200). */
  maxConnectionsPerIp?: number;
  /** Most rooms loaded at once (default 1000). */
  maxRooms?: number;
  /** How long a room with nobody connected stays loaded, ms (default 10 000). */
  roomIdleMs?: number;
  /** Interval of liveness pings, ms (default 30 000); a peer silent for two is dropped. */
  pingIntervalMs?: number;
  /** `interval` (default): updates reach the kernel before broadcast, the device within `fsyncIntervalMs`; `always`: the device before broadcast. */
  fsync?: FsyncMode;
  /** Device flush interval for `fsync: 'interval'`, ms (default 1000). */
  fsyncIntervalMs?: number;
  /** Compact a room's log into its snapshot beyond this many bytes and the snapshot's size (default 256 KiB). */
  compactAfterBytes?: number;
  /** Behind a reverse proxy: take the client address from the last `X-Forwarded-For` entry. */
  trustProxy?: boolean;
  /** Where log lines go (default: stderr). */
  logger?: Logger;
}

/** Open connections, total and per room. */
export interface ConnectionSummary {
  total: number;
  rooms: Record<string, { editors: number; viewers: number }>;
}

/** The JSON served at /metrics. */
export interface MetricsSnapshot {
  uptimeSeconds: number;
  rooms: { loaded: number; max: number; opened: number; unloaded: number };
  connections: {
    open: number;
    editors: number;
    viewers: number;
    accepted: number;
    refused: Record<string, number>;
    closedForMisbehaviour: number;
    timedOut: number;
  };
  messages: { in: number; out: number };
  bytes: { in: number; out: number };
  /** Bytes handed to sockets and not yet written out, and connections whose initial sync waits for them to drain. */
  queued: { bytes: number; waitingForSync: number };
  updates: { applied: number; refused: number; viewerWritesRejected: number };
  /** Presence (awareness) states held now in every loaded room, their bytes, and entries refused since start. */
  presence: { states: number; bytes: number; refused: number };
  persistence: {
    fsync: FsyncMode;
    appends: number;
    bytesWritten: number;
    compactions: number;
    /** Failed compactions (the log stayed intact, the room backs off before retrying). */
    compactionFailures: number;
    /** Room files found damaged on open, and their unreadable bytes (set aside in rooms/damaged/). */
    damagedFiles: number;
    damagedBytes: number;
    fsyncs: number;
    /** Bytes written to the kernel but not yet flushed to the device. */
    pendingBytes: number;
    /** Age of the oldest unflushed write, ms: how much a power cut could lose right now. */
    lagMs: number;
    storageFailures: number;
    /** Slowest device flush so far, ms. */
    fsyncMaxMs: number;
  };
  process: {
    pid: number;
    rssBytes: number;
    heapUsedBytes: number;
    cpuUserMicros: number;
    cpuSystemMicros: number;
  };
  /** Event-loop health since start: how late timers ran (ms) and the share of time spent busy. */
  eventLoop: { delayP50Ms: number; delayP99Ms: number; delayMaxMs: number; utilization: number };
}

/** A running sync server. */
export interface SyncServer {
  /** `http://host:port` (127.0.0.1 when bound to every interface). */
  readonly url: string;
  /** The y-websocket server URL: `ws://host:port/sync`; the room name is appended by the client. */
  readonly syncUrl: string;
  readonly port: number;
  readonly host: string;
  /** Where the token secret came from. */
  readonly secretSource: SecretSource;
  /** Disconnects everyone, writes every room to its snapshot, stops listening, releases the data directory. */
  close(): Promise<void>;
  /** Mints a room token (room name or `*`) signed with this server's secret. */
  mintToken(room: string, role: Role, ttlSeconds: number): string;
  /** Registers a join code for a room; returns the normalized code. */
  addJoinCode(code: string, room: string, role: Role, options?: { ttlMs?: number }): string;
  /** Registers a fresh random code (`XXXX-XXXX`) for a room and returns it. */
  createJoinCode(room: string, role: Role, options?: { ttlMs?: number }): string;
  /** Withdraws a code; by default also disconnects everyone who joined with it. True if it existed. */
  removeJoinCode(code: string, options?: { disconnect?: boolean }): boolean;
  /** Current connections. */
  connections(): ConnectionSummary;
  /** Calls `listener` after every connect and disconnect; returns the unsubscribe function. */
  onConnectionsChange(listener: (summary: ConnectionSummary) => void): () => void;
  /** The /metrics numbers. */
  metrics(): MetricsSnapshot;
}

/** Starts a sync server; resolves once it listens. */
export async function startSyncServer(options: SyncServerOptions): Promise<SyncServer> {
  const host = options.host ?? '127.0.0.1';
  if (options.allowAnonymous && !isLoopbackHost(host)) {
    throw new Error(`anonymous access is only allowed on a loopback address, not ${host}`);
  }
  parseAllowedOrigins(options.allowedOrigins ?? []); // a bad origin fails the start, not each request
  const log = options.logger ?? stderrLogger;
  const site = options.staticDir === undefined ? null : StaticSite.open(options.staticDir);
  const { secret, source: secretSource } = resolveSecret({
    secret: options.secret,
    dataDir: options.dataDir,
  });
  const releaseLock = lockDataDir(options.dataDir);
  try {
    const store = new FileRoomStore(options.dataDir, {
      fsync: options.fsync ?? 'interval',
      compactAfterBytes: options.compactAfterBytes,
      onWarning: (message) => log('warn', message),
    });
    const server = new SyncServerImpl(options, host, log, site, secret, secretSource, store, releaseLock);
    await server.listen(options.port ?? 0);
    return server;
  } catch (error) {
    releaseLock();
    throw error;
  }
}

class SyncServerImpl implements SyncServer {
  url = '';
  syncUrl = '';
  port = 0;
  private readonly startedAt = Date.now();
  private readonly loopDelay = monitorEventLoopDelay({ resolution: LOOP_SAMPLE_MS });
  private readonly loopStart = performance.eventLoopUtilization();
  private readonly counters: Counters = createCounters();
  private readonly rooms = new Map<string, Room>();
  private readonly idleTimers = new Map<Room, NodeJS.Timeout>();
  private readonly connectionSet = new Set<Connection>();
  private readonly connectionsPerIp = new Map<string, number>();
  private readonly listeners = new Set<(summary: ConnectionSummary) => void>();
  private readonly joinCodes = new JoinCodes();
  private readonly failedCodes = new AttemptLimiter();
  private readonly http: http.Server;
  private readonly wss: WebSocketServer;
  private readonly timers: NodeJS.Timeout[] = [];
  private closing: Promise<void> | null = null;
  private readonly connectionContext: ConnectionContext;
  private readonly sendQueues = new SendQueues();

  private readonly maxConnectionsPerIp: number;
  private readonly maxRooms: number;
  private readonly roomIdleMs: number;

  constructor(
    private readonly options: SyncServerOptions,
    readonly host: string,
    private readonly log: Logger,
    private readonly site: StaticSite | null,
    private readonly secret: Buffer,
    readonly secretSource: SecretSource,
    private readonly store: FileRoomStore,
    private readonly releaseLock: () => void,
  ) {
    this.maxConnectionsPerIp = options.maxConnectionsPerIp ?? 200;
    this.maxRooms = options.maxRooms ?? 1000;
    this.roomIdleMs = options.roomIdleMs ?? 10_000;
    this.connectionContext = {
      log,
      counters: this.counters,
      queues: this.sendQueues,
      onClosed: (connection) => this.onConnectionClosed(connection),
    };
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: options.maxMessageBytes ?? 8 * 1024 * 1024,
      perMessageDeflate: false,
    });
    this.loopDelay.enable();
    this.http = http.createServer((req, res) => this.guard('request', () => this.onRequest(req, res)));
    this.http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      socket.on('error', () => socket.destroy());
      this.guard(
        'upgrade',
        () => this.onUpgrade(req, socket, head),
        () => refuseUpgrade(socket, 500, 'internal-error'),
      );
    });
    this.http.on('clientError', (_error, socket) => socket.destroy());
    const ping = setInterval(
      () => this.guard('heartbeat', () => this.heartbeat()),
      options.pingIntervalMs ?? 30_000,
    );
    const flush = setInterval(
      () => this.guard('fsync', () => this.store.syncDirty()),
      options.fsyncIntervalMs ?? 1000,
    );
    for (const timer of [ping, flush]) {
      timer.unref();
      this.timers.push(timer);
    }
  }

  async listen(port: number): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(port, this.host, () => {
        this.http.off('error', reject);
        resolve();
      });
    });
    this.http.on('error', (error) => this.log('error', `http server: ${describeError(error)}`));
    this.port = (this.http.address() as AddressInfo).port;
    const shownHost = this.host === '0.0.0.0' || this.host === '::' ? '127.0.0.1' : this.host;
    const hostPart = shownHost.includes(':') ? `[${shownHost}]` : shownHost;
    this.url = `http://${hostPart}:${this.port}`;
    this.syncUrl = `ws://${hostPart}:${this.port}${SYNC_PATH}`;
  }

  mintToken(room: string, role: Role, ttlSeconds: number): string {
    return signToken(this.secret, room, role, ttlSeconds);
  }

  addJoinCode(code: string, room: string, role: Role, options: { ttlMs?: number } = {}): string {
    return this.joinCodes.add(code, room, role, options);
  }

  createJoinCode(room: string, role: Role, options: { ttlMs?: number } = {}): string {
    return this.joinCodes.create(room, role, options);
  }

  removeJoinCode(code: string, options: { disconnect?: boolean } = {}): boolean {
    const removed = this.joinCodes.remove(code);
    const normalized = normalizeJoinCode(code);
    if (options.disconnect !== false && normalized !== null) {
      for (const connection of this.connectionSet) {
        const credential = connection.credential;
        if (credential.kind === 'code' && credential.code === normalized) {
          connection.close(CLOSE.accessRevoked, 'the join code was withdrawn');
        }
      }
    }
    return removed;
  }

  connections(): ConnectionSummary {
    const rooms: ConnectionSummary['rooms'] = {};
    for (const [name, room] of this.rooms) if (room.size > 0) rooms[name] = room.countRoles();
    return { total: this.connectionSet.size, rooms };
  }

  onConnectionsChange(listener: (summary: ConnectionSummary) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  metrics(): MetricsSnapshot {
    const c = this.counters;
    let editors = 0;
    for (const connection of this.connectionSet) if (connection.role === 'editor') editors++;
    const stats = this.store.snapshotStats();
    const memory = process.memoryUsage();
    const cpu = process.cpuUsage();
    return {
      uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000),
      rooms: {
        loaded: this.rooms.size,
        max: this.maxRooms,
        opened: c.roomsOpened,
        unloaded: c.roomsUnloaded,
      },
      connections: {
        open: this.connectionSet.size,
        editors,
        viewers: this.connectionSet.size - editors,
        accepted: c.connectionsAccepted,
        refused: { ...c.connectionsRefused },
        closedForMisbehaviour: c.connectionsClosedForMisbehaviour,
        timedOut: c.connectionsTimedOut,
      },
      messages: { in: c.messagesIn, out: c.messagesOut },
      bytes: { in: c.bytesIn, out: c.bytesOut },
      queued: { bytes: this.sendQueues.bytes, waitingForSync: this.sendQueues.waiting },
      updates: {
        applied: c.updatesApplied,
        refused: c.updatesRefused,
        viewerWritesRejected: c.viewerWritesRejected,
      },
      presence: { ...this.presenceTotals(), refused: c.presenceRefused },
      persistence: {
        fsync: this.store.fsync,
        appends: stats.appends,
        bytesWritten: stats.bytesWritten,
        compactions: stats.compactions,
        compactionFailures: stats.compactionFailures,
        damagedFiles: stats.damagedFiles,
        damagedBytes: stats.damagedBytes,
        fsyncs: stats.fsyncs,
        pendingBytes: stats.unsyncedBytes,
        lagMs: stats.unsyncedAgeMs,
        storageFailures: c.storageFailures,
        fsyncMaxMs: stats.fsyncMaxMs,
      },
      process: {
        pid: process.pid,
        rssBytes: memory.rss,
        heapUsedBytes: memory.heapUsed,
        cpuUserMicros: cpu.user,
        cpuSystemMicros: cpu.system,
      },
      eventLoop: {
        delayP50Ms: lateMs(this.loopDelay.percentile(50)),
        delayP99Ms: lateMs(this.loopDelay.percentile(99)),
        delayMaxMs: lateMs(this.loopDelay.max),
        utilization: Math.round(performance.eventLoopUtilization(this.loopStart).utilization * 1000) / 1000,
      },
    };
  }

  private presenceTotals(): { states: number; bytes: number } {
    let states = 0;
    let bytes = 0;
    for (const room of this.rooms.values()) {
      states += room.presence.size;
      bytes += room.presence.bytes;
    }
    return { states, bytes };
  }

  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  private async shutdown(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    this.loopDelay.disable();
    const closed = [...this.connectionSet].map(
      (connection) => new Promise<void>((resolve) => connection.onceClosed(resolve)),
    );
    for (const connection of this.connectionSet) connection.close(CLOSE.goingAway, 'server shutting down');
    for (const room of [...this.rooms.values()]) this.unloadRoom(room, 'server shutting down');
    await Promise.race([Promise.all(closed), delay(1000)]);
    for (const connection of this.connectionSet) connection.terminate();
    this.wss.close();
    await new Promise<void>((resolve) => {
      this.http.close(() => resolve());
      this.http.closeAllConnections();
    });
    this.store.syncDirty();
    this.releaseLock();
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    const url = parseRequestUrl(req);
    if (url === null) {
      sendJson(res, 400, { error: 'bad-request' });
      return;
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204, corsHeaders());
      res.end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, { error: 'method-not-allowed' });
      return;
    }
    const path = url.pathname;
    if (path === '/healthz') {
      sendJson(res, this.closing ? 503 : 200, {
        ok: !this.closing,
        uptimeSeconds: this.metrics().uptimeSeconds,
      });
    } else if (path === '/metrics') {
      sendJson(res, 200, this.metrics());
    } else if (path.startsWith('/join/')) {
      this.resolveJoinCode(req, res, path.slice('/join/'.length));
    } else if (path === SYNC_PATH || path.startsWith(`${SYNC_PATH}/`)) {
      // A plain GET on a room URL answers whether the credential would be accepted, so a
      // client can tell the person why a websocket was refused (browsers hide the status).
      const decision = this.access(url, req);
      if (decision.ok) sendJson(res, 200, { ok: true, room: decision.room, role: decision.role });
      else sendJson(res, decision.status, { error: decision.reason, message: decision.message });
    } else if (this.site !== null) {
      this.site.serve(req, res, path);
    } else if (path === '/') {
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`CX Board sync server. y-websocket rooms: ${this.syncUrl}/<room>\n`);
    } else {
      sendJson(res, 404, { error: 'not-found' });
    }
  }

  private resolveJoinCode(req: IncomingMessage, res: ServerResponse, text: string): void {
    const ip = this.clientIp(req);
    if (this.failedCodes.isBlocked(ip)) {
      sendJson(res, 429, {
        error: 'too-many-wrong-codes',
        message: TOO_MANY_WRONG_CODES,
      });
      return;
    }
    let decoded = text;
    try {
      decoded = decodeURIComponent(text);
    } catch {
      // Left as is: it will not normalize and counts as a wrong code.
    }
    const code = normalizeJoinCode(decoded);
    const grant = code === null ? null : this.joinCodes.resolve(code);
    if (code === null || grant === null) {
      this.failedCodes.record(ip);
      sendJson(res, 404, { error: 'code-unknown', message: 'unknown or expired join code' });
      return;
    }
    sendJson(res, 200, { room: grant.room, role: grant.role, code, syncPath: SYNC_PATH, params: { code } });
  }

  private access(url: URL, req: IncomingMessage): AccessDecision {
    return checkAccess(
      {
        secret: this.secret,
        allowAnonymous: this.options.allowAnonymous ?? false,
        allowedOrigins: parseAllowedOrigins(this.options.allowedOrigins ?? []),
        joinCodes: this.joinCodes,
        failedCodes: this.failedCodes,
      },
      url,
      { authorization: req.headers.authorization, origin: req.headers.origin },
      this.clientIp(req),
    );
  }

  private onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const admission = this.admit(req);
    if (!admission.ok) {
      const { status, reason, message } = admission;
      this.counters.connectionsRefused[reason] = (this.counters.connectionsRefused[reason] ?? 0) + 1;
      this.log(
        'info',
        `refused websocket from ${this.clientIp(req)} for ${req.url?.split('?')[0]}: ${reason}`,
      );
      refuseUpgrade(socket, status, reason, message);
      return;
    }
    const { room, role, credential, ip } = admission;
    this.wss.handleUpgrade(req, socket, head, (ws) =>
      this.guard('connection', () => {
        if (room.closed || this.closing) {
          ws.close(CLOSE.goingAway, 'room closed, reconnect');
          return;
        }
        this.accept(new Connection(ws, room, role, ip, credential, this.connectionContext));
      }),
    );
    // If the handshake failed, nobody joined: let the idle timer unload the room.
    if (room.size === 0 && !room.closed) this.scheduleUnload(room);
  }

  /** Every check made before a websocket exists: path, credential, per-address and room limits. */
  private admit(
    req: IncomingMessage,
  ):
    | { ok: true; room: Room; role: Role; credential: Credential; ip: string }
    | { ok: false; status: number; reason: string; message?: string } {
    if (this.closing) return { ok: false, status: 503, reason: 'shutting-down' };
    const url = parseRequestUrl(req);
    if (url === null) return { ok: false, status: 400, reason: 'bad-request' };
    const decision = this.access(url, req);
    if (!decision.ok) return decision;
    const ip = this.clientIp(req);
    if ((this.connectionsPerIp.get(ip) ?? 0) >= this.maxConnectionsPerIp) {
      const message = `at most ${this.maxConnectionsPerIp} connections per address`;
      return { ok: false, status: 429, reason: 'too-many-connections', message };
    }
    let room: Room | null;
    try {
      room = this.openRoom(decision.room);
    } catch (error) {
      this.log('error', `${decision.room}: cannot open the room: ${describeError(error)}`);
      const damaged = error instanceof StorageError;
      return {
        ok: false,
        status: damaged ? 500 : 503,
        reason: damaged ? 'room-damaged' : 'room-unavailable',
      };
    }
    if (room === null) {
      const message = `at most ${this.maxRooms} rooms are open at once`;
      return { ok: false, status: 503, reason: 'too-many-rooms', message };
    }
    return { ok: true, room, role: decision.role, credential: decision.credential, ip };
  }

  private accept(connection: Connection): void {
    this.cancelUnload(connection.room);
    this.connectionSet.add(connection);
    this.connectionsPerIp.set(connection.ip, (this.connectionsPerIp.get(connection.ip) ?? 0) + 1);
    this.counters.connectionsAccepted++;
    connection.start();
    this.notifyConnections();
  }

  private onConnectionClosed(connection: Connection): void {
    if (!this.connectionSet.delete(connection)) return;
    const count = (this.connectionsPerIp.get(connection.ip) ?? 1) - 1;
    if (count <= 0) this.connectionsPerIp.delete(connection.ip);
    else this.connectionsPerIp.set(connection.ip, count);
    this.notifyConnections();
  }

  private notifyConnections(): void {
    if (this.listeners.size === 0) return;
    const summary = this.connections();
    for (const listener of this.listeners) {
      try {
        listener(summary);
      } catch (error) {
        this.log('error', `connections listener threw: ${describeError(error)}`);
      }
    }
  }

  /** The loaded room, loading it from disk if needed; null when the room limit is reached. */
  private openRoom(name: string): Room | null {
    const loaded = this.rooms.get(name);
    if (loaded !== undefined) return loaded;
    if (this.rooms.size >= this.maxRooms) {
      // Make space by unloading an empty room that is only waiting for its idle timer.
      const idle = [...this.idleTimers.keys()][0];
      if (idle === undefined) return null;
      this.unloadRoom(idle, 'room limit');
    }
    const { files, updates } = this.store.open(name);
    const room = new Room(name, files, updates, {
      log: this.log,
      counters: this.counters,
      maxNestingDepth: MAX_NESTING_DEPTH,
      presence: PRESENCE_LIMITS,
      onEmpty: (emptied) => this.scheduleUnload(emptied),
      onFailed: (failed) => this.forgetRoom(failed),
    });
    this.rooms.set(name, room);
    this.counters.roomsOpened++;
    return room;
  }

  private scheduleUnload(room: Room): void {
    this.cancelUnload(room);
    const timer = setTimeout(
      () => this.guard('unload', () => room.size === 0 && this.unloadRoom(room, 'idle')),
      this.roomIdleMs,
    );
    timer.unref();
    this.idleTimers.set(room, timer);
  }

  private cancelUnload(room: Room): void {
    const timer = this.idleTimers.get(room);
    if (timer !== undefined) clearTimeout(timer);
    this.idleTimers.delete(room);
  }

  private unloadRoom(room: Room, reason: string): void {
    room.unload(CLOSE.goingAway, reason);
    this.forgetRoom(room);
    this.counters.roomsUnloaded++;
  }

  private forgetRoom(room: Room): void {
    this.cancelUnload(room);
    if (this.rooms.get(room.name) === room) this.rooms.delete(room.name);
  }

  private heartbeat(): void {
    for (const connection of this.connectionSet) connection.heartbeat();
  }

  private clientIp(req: IncomingMessage): string {
    if (this.options.trustProxy) {
      const forwarded = req.headers['x-forwarded-for'];
      const last = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? ''))
        .split(',')
        .pop()
        ?.trim();
      if (last) return last;
    }
    return req.socket.remoteAddress ?? 'unknown';
  }

  /** Runs an event handler so that nothing it throws escapes into the process. */
  private guard(what: string, handler: () => void, onError?: () => void): void {
    try {
      handler();
    } catch (error) {
      this.log('error', `${what} handler failed: ${describeError(error)}`);
      try {
        onError?.();
      } catch {
        // Nothing more to do for this request.
      }
    }
  }
}

function parseRequestUrl(req: IncomingMessage): URL | null {
  try {
    return new URL(req.url ?? '/', 'http://server.invalid');
  } catch {
    return null;
  }
}

function corsHeaders(): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
    'Access-Control-Allow-Headers': 'Authorization',
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...corsHeaders(),
  });
  res.end(text);
}

function refuseUpgrade(socket: Duplex, status: number, reason: string, message?: string): void {
  if (socket.destroyed) return;
  const body = JSON.stringify({ error: reason, ...(message ? { message } : {}) });
  socket.end(
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? ''}\r\n` +
      'Connection: close\r\nContent-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

const LOOP_SAMPLE_MS = 10;

/** How late the event-loop sampler ran, in ms (the histogram holds the whole sampling interval). */
function lateMs(nanos: number): number {
  return Number.isFinite(nanos) ? Math.max(0, Math.round(nanos / 1e4) / 100 - LOOP_SAMPLE_MS) : 0;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
