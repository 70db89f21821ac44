import { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BoardDoc } from '../../shared/board';
import { accessAnswerSchema, CLOSE_CODES, errorAnswerSchema } from '../../shared/protocol';
import { accessCheckUrl, credentialParams, isValidRoomName, parseServerUrl } from './address';
import { createPresenceChannel, type PresenceChannel } from './presence';
import type { PresenceUser } from './presenceState';
import { connectionOf, registerConnection, unregisterConnection } from './registry';

/**
 * A board connected live to a sync server: the stock y-websocket provider on the board's
 * Y.Doc, its awareness for presence, and a small store with the connection state people see.
 *
 * Offline edits need nothing special: they stay in the Y.Doc (and in IndexedDB through the
 * shell's local persistence), and on reconnect the y-websocket sync handshake exchanges
 * state vectors both ways, so each side receives exactly what it is missing.
 */

/** What the person sees: live, trying, no network, or refused by the server. */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'refused';

export type Role = 'editor' | 'viewer';

export interface ConnectionState {
  status: ConnectionStatus;
  /**
   * Why, when there is something to say. `refused`: the server's reason (`token-expired`,
   * `credential-missing`, `code-unknown`, `access-revoked`, …). `offline`: `network` (the
   * device reports no network) or `closed` (disconnected). `connecting`/`reconnecting`:
   * `unreachable` or a server reason such as `too-many-connections`.
   */
  reason: string | null;
  /** The access the server granted, once known (anonymous access is editing). */
  role: Role | null;
  /** Local changes the server has not received yet (made while not connected). */
  unsyncedChanges: boolean;
  /** When the board last finished a sync with the server (ms since the epoch). */
  lastSyncedAt: number | null;
}

/** Reports whether the device has a network, and when that changes. */
export interface NetworkMonitor {
  isOnline(): boolean;
  /** Calls `listener` on every change; returns the unsubscribe function. */
  subscribe(listener: (online: boolean) => void): () => void;
}

export interface ConnectOptions {
  board: BoardDoc;
  /** The y-websocket server URL, e.g. `ws://127.0.0.1:1234/sync` (normalised by `parseServerUrl`). */
  serverUrl: string;
  /** Room name (rooms are boards: usually the board id). */
  room: string;
  /** A signed room token (`?token=`). */
  token?: string;
  /** A LAN join code (`?code=`), used when there is no token. */
  code?: string;
  /** Name and colour shown to the others. */
  user: PresenceUser;
  /** The WebSocket class; default the global one (pass `ws` in Node). */
  WebSocketPolyfill?: typeof WebSocket;
  /** Network status; default the browser's `navigator.onLine` and online/offline events, none in Node. */
  network?: NetworkMonitor | null;
  /** fetch used to ask the server why a connection failed; default the global one. */
  fetch?: typeof fetch;
  /** Cross-tab sync through BroadcastChannel (default on; tabs of one browser share edits even offline). */
  broadcastChannel?: boolean;
}

/** A live board. Create with {@link connectBoard}. */
export interface BoardConnection {
  readonly board: BoardDoc;
  readonly serverUrl: string;
  readonly room: string;
  readonly token: string | undefined;
  readonly code: string | undefined;
  /** Subscribable connection state (zustand vanilla store). */
  readonly state: StoreApi<ConnectionState>;
  readonly presence: PresenceChannel;
  /** Resolves when the board has synced with the server; rejects if it is refused or disconnected first. */
  whenSynced(timeoutMs?: number): Promise<void>;
  /** Tries again now: after a refusal, or to skip the back-off wait. */
  reconnect(): void;
  /** Stops syncing for good and leaves the room. The board and its local edits stay. */
  disconnect(): void;
}

/** After a failed attempt, ask the server why at most this often. */
const ACCESS_CHECK_INTERVAL_MS = 5000;
/** Server reasons are short kebab-case codes; anything else is not trusted as one. */
const REASON = /^[a-z0-9-]{1,48}$/;

/** The browser's network status, or null outside a browser. */
export function browserNetwork(): NetworkMonitor | null {
  const scope = globalThis as {
    addEventListener?: (type: string, listener: () => void) => void;
    removeEventListener?: (type: string, listener: () => void) => void;
    navigator?: { onLine?: unknown };
  };
  const { addEventListener: add, removeEventListener: remove } = scope;
  if (typeof add !== 'function' || typeof remove !== 'function') return null;
  if (typeof scope.navigator?.onLine !== 'boolean') return null;
  return {
    isOnline: () => scope.navigator?.onLine !== false,
    subscribe(listener) {
      const online = () => listener(true);
      const offline = () => listener(false);
      add.call(scope, 'online', online);
      add.call(scope, 'offline', offline);
      return () => {
        remove.call(scope, 'online', online);
        remove.call(scope, 'offline', offline);
      };
    },
  };
}

/**
 * Connects `board` to a room on a sync server. Any previous connection of the same board is
 * closed first. Throws only for an unusable server URL or room name.
 */
export function connectBoard(options: ConnectOptions): BoardConnection {
  const parsed = parseServerUrl(options.serverUrl);
  if (!parsed.ok) throw new Error(`not a sync server address: ${options.serverUrl}`);
  if (!isValidRoomName(options.room)) throw new Error(`not a valid room name: ${options.room}`);
  connectionOf(options.board)?.disconnect();

  const { board, room } = options;
  const serverUrl = parsed.url;
  const credential = { token: options.token || undefined, code: options.code || undefined };
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const network = options.network === undefined ? browserNetwork() : options.network;

  const awareness = new Awareness(board.ydoc);
  const provider = new WebsocketProvider(serverUrl, room, board.ydoc, {
    connect: false,
    awareness,
    params: credentialParams(credential),
    disableBc: options.broadcastChannel === false,
    ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
  });
  const presence = createPresenceChannel(awareness, options.user);

  const state = createStore<ConnectionState>()(() => ({
    status: 'connecting',
    reason: null,
    role: credential.code ? null : credential.token ? roleClaimedBy(credential.token) : 'editor',
    unsyncedChanges: false,
    lastSyncedAt: null,
  }));

  let destroyed = false;
  let refused = false;
  let online = network?.isOnline() ?? true;
  let everSynced = false;
  let socketOpened = false;
  let lastAccessCheck = 0;
  let troubleReason: string | null = null;

  /** Derives the visible status from what is known; called after every event. */
  const refresh = () => {
    if (destroyed) return;
    let status: ConnectionStatus;
    let reason: string | null = null;
    if (refused) {
      status = 'refused';
      reason = troubleReason;
    } else if (!online) {
      status = 'offline';
      reason = 'network';
    } else if (provider.wsconnected && provider.synced) {
      status = 'connected';
    } else {
      status = everSynced ? 'reconnecting' : 'connecting';
      reason = troubleReason;
    }
    const current = state.getState();
    if (current.status !== status || current.reason !== reason) state.setState({ status, reason });
  };

  const refuse = (reason: string) => {
    refused = true;
    troubleReason = reason;
    provider.disconnect();
    refresh();
  };

  /** Asks the server (plain HTTP) whether it would accept us, and why not. */
  const checkAccess = async (purpose: 'diagnose' | 'role') => {
    lastAccessCheck = Date.now();
    let status: number;
    let body: unknown = null;
    try {
      const response = await fetchImpl(accessCheckUrl(serverUrl, room, credential));
      status = response.status;
      try {
        body = await response.json();
      } catch {
        // Not JSON: not our server, judged by the status alone.
      }
    } catch {
      if (purpose === 'diagnose' && !destroyed && !refused) {
        troubleReason = 'unreachable';
        refresh();
      }
      return;
    }
    if (destroyed || refused) return;
    const refusal = errorAnswerSchema.safeParse(body);
    const reason = refusal.success && REASON.test(refusal.data.error) ? refusal.data.error : `http-${status}`;
    const granted = status === 200 ? accessAnswerSchema.safeParse(body) : null;
    if (granted?.success) {
      state.setState({ role: granted.data.role });
      if (purpose === 'diagnose') troubleReason = null;
    } else if (status >= 400 && status < 500 && status !== 429 && status !== 408) {
      // The credential or the address is wrong: retrying cannot help until the person acts.
      if (!(provider.wsconnected && provider.synced)) refuse(reason);
      return;
    } else if (purpose === 'diagnose') {
      troubleReason = reason; // busy or failing server: keep trying
    }
    refresh();
  };

  provider.on('status', ({ status }) => {
    if (status === 'connecting') socketOpened = false;
    if (status === 'connected') socketOpened = true;
    refresh();
  });
  provider.on('sync', (synced: boolean) => {
    if (!synced) return refresh();
    everSynced = true;
    troubleReason = null;
    state.setState({ unsyncedChanges: false, lastSyncedAt: Date.now() });
    if (state.getState().role === null) void checkAccess('role');
    refresh();
  });
  provider.on('connection-close', (event) => {
    // A null event is our own close (disconnect, watchdog): nothing to diagnose.
    if (event === null || destroyed) return;
    if (!socketOpened && Date.now() - lastAccessCheck >= ACCESS_CHECK_INTERVAL_MS)
      void checkAccess('diagnose');
    refresh();
  });
  provider.on('closed', ({ code }) => {
    // 44xx: the server decided (access withdrawn); the provider has stopped reconnecting.
    refuse(code === CLOSE_CODES.accessRevoked ? 'access-revoked' : `closed-${code}`);
  });

  // A viewer's edits would never be applied by the server and would drift from the room:
  // the board refuses commands while the role is viewer (the canvas reads `board.readOnly`).
  board.setReadOnly(state.getState().role === 'viewer');
  const unsubscribeRole = state.subscribe((s, previous) => {
    if (s.role !== previous.role) board.setReadOnly(s.role === 'viewer');
  });

  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin !== provider && !provider.wsconnected && !state.getState().unsyncedChanges) {
      state.setState({ unsyncedChanges: true });
    }
  };
  board.ydoc.on('update', onUpdate);

  const unsubscribeNetwork =
    network?.subscribe((isOnline) => {
      if (destroyed || isOnline === online) return;
      online = isOnline;
      // Without a network the socket may linger half-open: close it, so edits are kept
      // locally and merged by a fresh handshake when the network returns.
      if (!online) provider.disconnect();
      else if (!refused) provider.connect();
      refresh();
    }) ?? (() => {});

  const whenSynced = (timeoutMs = 30_000) =>
    new Promise<void>((resolve, reject) => {
      if (destroyed) return reject(new Error('disconnected'));
      if (provider.synced && provider.wsconnected) return resolve();
      const timer = setTimeout(() => finish(new Error(`not synced within ${timeoutMs} ms`)), timeoutMs);
      const unsubscribe = state.subscribe((s) => {
        if (s.status === 'connected') finish(null);
        else if (s.status === 'refused') finish(new Error(`refused: ${s.reason}`));
        else if (s.status === 'offline' && s.reason === 'closed') finish(new Error('disconnected'));
      });
      function finish(error: Error | null) {
        clearTimeout(timer);
        unsubscribe();
        if (error) reject(error);
        else resolve();
      }
    });

  const connection: BoardConnection = {
    board,
    serverUrl,
    room,
    token: credential.token,
    code: credential.code,
    state,
    presence,
    whenSynced,
    reconnect() {
      if (destroyed) return;
      refused = false;
      troubleReason = null;
      provider.wsUnsuccessfulReconnects = 0;
      if (online) provider.connect();
      refresh();
    },
    disconnect() {
      if (destroyed) return;
      presence.destroy(); // tells the others we left while the socket is still open
      destroyed = true;
      unsubscribeNetwork();
      unsubscribeRole();
      board.setReadOnly(false);
      board.ydoc.off('update', onUpdate);
      board.ydoc.off('destroy', connection.disconnect);
      provider.destroy();
      awareness.destroy();
      unregisterConnection(connection);
      state.setState({ status: 'offline', reason: 'closed' });
    },
  };
  // A board closed while live (its Y.Doc destroyed) takes its connection with it.
  board.ydoc.on('destroy', connection.disconnect);
  registerConnection(connection);
  if (online) provider.connect();
  refresh();
  return connection;
}

/**
 * The role a token says it grants (`cxb1.<base64url JSON>.<signature>`), read without
 * checking the signature: only a hint so a viewer link opens read-only at once, before the
 * server's answer arrives. The server alone decides what is applied; null when unreadable.
 */
export function roleClaimedBy(token: string): Role | null {
  const payload = token.split('.')[1];
  if (!payload || payload.length > 2048) return null;
  try {
    const json: unknown = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
    const role = (json as { role?: unknown } | null)?.role;
    return role === 'editor' || role === 'viewer' ? role : null;
  } catch {
    return null;
  }
}
