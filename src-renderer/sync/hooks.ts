import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { BoardDoc } from '../../shared/board';
import type { BoardConnection, ConnectionState } from './connection';
import type { PeersState } from './presence';
import type { Peer } from './presenceState';
import { liveConnections } from './registry';

/** React access to live connections, for the presence UI. */

const NO_PEERS = createStore<PeersState>()(() => ({ peers: [] }));
const NOT_LIVE = createStore<ConnectionState | null>()(() => null);

/** The live connection of `board`, or null; re-renders when it connects or disconnects. */
export function useBoardConnection(board: BoardDoc): BoardConnection | null {
  return useStore(liveConnections, (s) => s.byBoard.get(board) ?? null);
}

/** The connection's state, or null without a connection. */
export function useConnectionState(connection: BoardConnection | null): ConnectionState | null {
  return useStore<typeof NOT_LIVE>(connection ? connection.state : NOT_LIVE);
}

/**
 * True while `board` is live with viewer access (the server granted 'viewer'): the UI offers
 * no editing then. Re-renders only when that answer changes, not on every connection event.
 */
export function useIsViewer(board: BoardDoc): boolean {
  const connection = useBoardConnection(board);
  return useStore<typeof NOT_LIVE, boolean>(
    connection ? connection.state : NOT_LIVE,
    (s) => s?.role === 'viewer',
  );
}

/** The other people on the board (empty without a connection). */
export function usePeers(connection: BoardConnection | null): readonly Peer[] {
  return useStore(connection ? connection.presence.peers : NO_PEERS, (s) => s.peers);
}
