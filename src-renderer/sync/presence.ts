import type { Awareness } from 'y-protocols/awareness';
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  cleanName,
  type FlowPoint,
  isHexColor,
  MAX_SELECTION,
  type Peer,
  type PresenceRecord,
  type PresenceUser,
  type PresenceViewport,
  readPeer,
  sortPeers,
} from './presenceState';

/** The people on a board besides this client, in a stable order. */
export interface PeersState {
  peers: readonly Peer[];
}

/**
 * This client's presence on one live board: what it publishes (name, colour, cursor,
 * selection, viewport) and who else is there. Backed by the provider's Yjs awareness, so it
 * is never persisted and disappears when a client leaves or goes silent for 30 s.
 */
export interface PresenceChannel {
  /** This client's awareness id (never listed among the peers). */
  readonly localClientId: number;
  /** Everyone else, updated on every awareness change. */
  readonly peers: StoreApi<PeersState>;
  /** What this client publishes right now. */
  local(): PresenceRecord;
  setUser(user: PresenceUser): void;
  /** The pointer in canvas coordinates, or null when it left the canvas. Throttled. */
  setCursor(point: FlowPoint | null): void;
  setSelection(ids: readonly string[]): void;
  /** The centre of this client's view in canvas coordinates, and its zoom. Throttled. */
  setViewport(viewport: PresenceViewport | null): void;
  /** Publishes throttled changes now. */
  flush(): void;
  /** Stops listening and withdraws this client's presence. */
  destroy(): void;
}

/** Cursor and viewport updates go out at most this often (~30 Hz). */
export const PRESENCE_INTERVAL_MS = 33;
/** Other people's presence is read at most once per frame. */
const PEERS_FRAME_MS = 16;

/** Publishes this app's presence record through `awareness` and reads everyone else's. */
export function createPresenceChannel(awareness: Awareness, user: PresenceUser): PresenceChannel {
  let current: PresenceRecord = {
    v: 1,
    user: checkedUser(user),
    cursor: null,
    selection: [],
    viewport: null,
  };
  let pending = false;
  let lastSent = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let destroyed = false;

  const peers = createStore<PeersState>()(() => ({ peers: [] }));

  const send = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    pending = false;
    lastSent = Date.now();
    if (!destroyed) awareness.setLocalState(current);
  };

  /** Sends now if the last send is old enough, else once the interval has passed. */
  const sendThrottled = () => {
    pending = true;
    if (timer !== null) return;
    const wait = PRESENCE_INTERVAL_MS - (Date.now() - lastSent);
    if (wait <= 0) send();
    else timer = setTimeout(send, wait);
  };

  // Awareness messages arrive one per peer per update; coalescing them to one store update
  // per frame keeps a room of many moving cursors from re-rendering the canvas layer per message.
  let readTimer: ReturnType<typeof setTimeout> | null = null;
  const scheduleRead = () => {
    readTimer ??= setTimeout(readPeers, PEERS_FRAME_MS);
  };

  const readPeers = () => {
    readTimer = null;
    const list: Peer[] = [];
    for (const [clientId, state] of awareness.getStates()) {
      if (clientId === awareness.clientID) continue;
      const peer = readPeer(clientId, state);
      if (peer) list.push(peer);
    }
    peers.setState({ peers: sortPeers(list) });
  };

  awareness.on('change', scheduleRead);
  send();
  readPeers();

  return {
    localClientId: awareness.clientID,
    peers,
    local: () => current,
    setUser(next) {
      current = { ...current, user: checkedUser(next) };
      send();
    },
    setCursor(point) {
      current = { ...current, cursor: point };
      sendThrottled();
    },
    setSelection(ids) {
      const selection = ids.slice(0, MAX_SELECTION);
      if (
        selection.length === current.selection.length &&
        selection.every((id, i) => id === current.selection[i])
      )
        return;
      current = { ...current, selection };
      send();
    },
    setViewport(viewport) {
      current = { ...current, viewport };
      sendThrottled();
    },
    flush() {
      if (pending) send();
    },
    destroy() {
      if (destroyed) return;
      if (timer !== null) clearTimeout(timer);
      if (readTimer !== null) clearTimeout(readTimer);
      destroyed = true;
      awareness.off('change', scheduleRead);
      awareness.setLocalState(null);
    },
  };
}

function checkedUser(user: PresenceUser): PresenceUser {
  return { name: cleanName(user.name) || '?', color: isHexColor(user.color) ? user.color : '#64748b' };
}
