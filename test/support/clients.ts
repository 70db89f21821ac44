import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { BoardDoc, type BoardSnapshot } from '../../shared/board';
import { type BoardConnection, connectBoard, type NetworkMonitor } from '../../src-renderer/sync/connection';
import { waitFor } from './wait';

/**
 * Clients for tests, over real `ws` sockets: a stock y-websocket client on a bare Y.Doc
 * (what any third-party client does) and a BoardDoc connected through the renderer's own
 * `connectBoard` (what the app does).
 */

/** A stock y-websocket client in Node. */
export interface YClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

/** Connects a stock `WebsocketProvider` (with `ws` as the WebSocket) to `room`. */
export function connectYClient(
  syncUrl: string,
  room: string,
  options: { params?: Record<string, string>; doc?: Y.Doc } = {},
): YClient {
  const doc = options.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(syncUrl, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: options.params ?? {},
    disableBc: true,
    maxBackoffTime: 200,
  });
  return {
    doc,
    provider,
    destroy() {
      provider.destroy();
      // The provider does not destroy the awareness it created; its timer would keep Node alive.
      provider.awareness.destroy();
    },
  };
}

/** Waits until a stock client finished its first sync with the server. */
export async function synced(client: YClient, timeoutMs = 10_000): Promise<void> {
  await waitFor(() => client.provider.synced, 'the client to sync', timeoutMs);
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

/** A BoardDoc connected the way the app connects it. */
export interface BoardClient {
  name: string;
  board: BoardDoc;
  connection: BoardConnection;
  network: ManualNetwork;
  close(): void;
}

/** A BoardDoc on its own Y.Doc (unless given), connected to `room` as `name` through `connectBoard`. */
export function connectBoardClient(
  syncUrl: string,
  room: string,
  name: string,
  options: { board?: BoardDoc; token?: string; code?: string } = {},
): BoardClient {
  const board = options.board ?? BoardDoc.fromYDoc(new Y.Doc());
  const network = new ManualNetwork();
  const connection = connectBoard({
    board,
    serverUrl: syncUrl,
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

/** JSON with object keys sorted: replicas may list map entries in different orders. */
export function canonical(snapshot: BoardSnapshot): string {
  return JSON.stringify(snapshot, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Waits until every client has the same document and the same board snapshot. */
export async function waitForConvergence(clients: BoardClient[], timeoutMs = 10_000): Promise<void> {
  await waitFor(
    () => {
      const vectors = clients.map((c) => Buffer.from(Y.encodeStateVector(c.board.ydoc)).toString('base64'));
      if (new Set(vectors).size !== 1) return false;
      const snapshots = clients.map((c) => canonical(c.board.snapshot()));
      return new Set(snapshots).size === 1;
    },
    `clients ${clients.map((c) => c.name).join(', ')} to converge`,
    timeoutMs,
  );
}
