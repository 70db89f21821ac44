import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { type Logger, type SyncServer, type SyncServerOptions, startSyncServer } from '../../server/index';
import { BoardDoc, type BoardSnapshot } from '../../shared/board';
import { type BoardConnection, connectBoard, type NetworkMonitor } from '../../src-renderer/sync/connection';

/**
 * Shared set-up of the client integration tests: a real sync server on a free loopback
 * port with its own data directory, and BoardDoc clients connected to it through the
 * renderer's `connectBoard` over real `ws` sockets.
 */

const quietLogger: Logger = () => {};

export interface TestServer {
  server: SyncServer;
  dataDir: string;
  /** Stops the server (if running) and removes its data directory. */
  dispose(): Promise<void>;
  /** Stops the server and starts a new one on the same port and data directory. */
  restart(): Promise<SyncServer>;
}

export async function startTestServer(options: Partial<SyncServerOptions> = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cxboard-client-'));
  const base: SyncServerOptions = { dataDir, allowAnonymous: true, logger: quietLogger, ...options };
  const handle: TestServer = {
    server: await startSyncServer(base),
    dataDir,
    async dispose() {
      await handle.server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
    async restart() {
      const port = handle.server.port;
      await handle.server.close();
      handle.server = await startSyncServer({ ...base, port });
      return handle.server;
    },
  };
  return handle;
}

/** A network switch the test controls, standing in for the browser's online/offline events. */
export class ManualNetwork implements NetworkMonitor {
  private online = true;
  private readonly listeners = new Set<(online: boolean) => void>();
  isOnline(): boolean {
    return this.online;
  }
  subscribe(listener: (online: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  set(online: boolean): void {
    this.online = online;
    for (const listener of this.listeners) listener(online);
  }
}

export interface TestClient {
  name: string;
  board: BoardDoc;
  connection: BoardConnection;
  network: ManualNetwork;
  close(): void;
}

/** A BoardDoc on its own Y.Doc, connected to `room` as `name`. */
export function connectClient(
  serverUrl: string,
  room: string,
  name: string,
  options: { board?: BoardDoc; token?: string; code?: string } = {},
): TestClient {
  const board = options.board ?? BoardDoc.fromYDoc(new Y.Doc());
  const network = new ManualNetwork();
  const connection = connectBoard({
    board,
    serverUrl,
    room,
    ...(options.token ? { token: options.token } : {}),
    ...(options.code ? { code: options.code } : {}),
    user: { name, color: '#2563eb' },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    network,
    // One Node process holds every client: BroadcastChannel would let them sync without the server.
    broadcastChannel: false,
  });
  return {
    name,
    board,
    connection,
    network,
    close() {
      connection.disconnect();
      board.destroy();
      board.ydoc.destroy();
    },
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `check` until it returns true, or fails with `message` after `timeoutMs`. */
export async function waitFor(check: () => boolean, message: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${message}`);
    await sleep(10);
  }
}

/** JSON with object keys sorted: replicas may list map entries in different orders. */
export function canonical(snapshot: BoardSnapshot): string {
  return JSON.stringify(snapshot, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Waits until every client has the same document and the same board snapshot. */
export async function waitForConvergence(clients: TestClient[], timeoutMs = 10_000): Promise<void> {
  await waitFor(
    () => {
      const vectors = clients.map((c) => Buffer.from(Y.encodeStateVector(c.board.ydoc)).toString('base64'));
      if (new Set(vectors).size !== 1) return false;
      const snapshots = clients.map((c) => canonical(c.board.snapshot()));
      return new Set(snapshots).size === 1;
    },
    `clients ${clients.map((c) => c.name).join(', ')} converge`,
    timeoutMs,
  );
}
