import { useMemo, useRef } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { useBoard } from '../board/BoardContext';
import { useBoardConnection, usePeers } from '../sync/hooks';
import type { PeersState } from '../sync/presence';

/** Someone who has an item selected: whom to name and which colour to outline it in. */
export interface RemoteSelector {
  clientId: number;
  name: string;
  color: string;
}

const NONE: readonly RemoteSelector[] = [];
const NO_PEERS = createStore<PeersState>()(() => ({ peers: [] }));

/**
 * Item id → the other people who have it selected, for outlining. Empty when the board is
 * not live. Use inside the board's `BoardProvider`.
 */
export function useRemoteSelections(): ReadonlyMap<string, readonly RemoteSelector[]> {
  const peers = usePeers(useBoardConnection(useBoard()));
  return useMemo(() => {
    const byItem = new Map<string, RemoteSelector[]>();
    for (const peer of peers) {
      for (const id of peer.selection) {
        const entry = { clientId: peer.clientId, name: peer.name, color: peer.color };
        const list = byItem.get(id);
        if (list) list.push(entry);
        else byItem.set(id, [entry]);
      }
    }
    return byItem;
  }, [peers]);
}

function sameSelectors(a: readonly RemoteSelector[], b: readonly RemoteSelector[]): boolean {
  return (
    a.length === b.length &&
    a.every((s, i) => s.clientId === b[i]!.clientId && s.name === b[i]!.name && s.color === b[i]!.color)
  );
}

/**
 * The other people who have item `id` selected. Re-renders only when that list changes, so
 * many cards can each ask about themselves cheaply.
 */
export function useRemoteSelectors(id: string): readonly RemoteSelector[] {
  const connection = useBoardConnection(useBoard());
  const store = connection ? connection.presence.peers : NO_PEERS;
  // The previous answer, so an unchanged list keeps its identity (no re-render).
  const last = useRef<readonly RemoteSelector[]>(NONE);
  return useStore(store, (s) => {
    const next = s.peers
      .filter((p) => p.selection.includes(id))
      .map((p) => ({ clientId: p.clientId, name: p.name, color: p.color }));
    if (next.length === 0) last.current = NONE;
    else if (!sameSelectors(last.current, next)) last.current = next;
    return last.current;
  });
}
