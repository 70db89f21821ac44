import { createContext, type ReactNode, useContext, useMemo, useRef, useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import type { BoardDoc, BoardSnapshot } from '../../shared/board';
import { useIsViewer } from '../sync/hooks';
import { createSessionStore, type SessionState, type SessionStore } from './sessionStore';

/**
 * The board access layer: every component reads the document through `useBoardSelector`
 * and changes it through the commands of `useBoard()`. Nothing here (or below) touches Yjs.
 */

interface BoardContextValue {
  board: BoardDoc;
  session: SessionStore;
}

const BoardContext = createContext<BoardContextValue | null>(null);
/** Separate from BoardContext so a role change re-renders only the components that ask. */
const ReadOnlyContext = createContext(false);

/** Makes one board and a fresh session store (tool, selection, viewport…) available below. */
export function BoardProvider({ board, children }: { board: BoardDoc; children: ReactNode }) {
  // The session store lives exactly as long as this provider is showing this board.
  const value = useMemo<BoardContextValue>(() => ({ board, session: createSessionStore() }), [board]);
  // Subscribed once here: thousands of cards read it through context, with no store subscription each.
  const readOnly = useIsViewer(board);
  return (
    <BoardContext.Provider value={value}>
      <ReadOnlyContext.Provider value={readOnly}>{children}</ReadOnlyContext.Provider>
    </BoardContext.Provider>
  );
}

/**
 * The board for a drawing that is not the canvas (the export stage): a fresh session store
 * and view-only, so frames draw without edit controls, selection or drafts.
 */
export function ViewOnlyBoardProvider({ board, children }: { board: BoardDoc; children: ReactNode }) {
  const value = useMemo<BoardContextValue>(() => ({ board, session: createSessionStore() }), [board]);
  return (
    <BoardContext.Provider value={value}>
      <ReadOnlyContext.Provider value={true}>{children}</ReadOnlyContext.Provider>
    </BoardContext.Provider>
  );
}

function useBoardContext(): BoardContextValue {
  const value = useContext(BoardContext);
  if (!value) throw new Error('useBoard* hooks must be used inside <BoardProvider>.');
  return value;
}

/** The open board, to call its commands (`addElement`, `moveCard`, `history.undo`, …). */
export function useBoard(): BoardDoc {
  return useBoardContext().board;
}

/**
 * Subscribes to a slice of the board snapshot. Re-renders only when the selected value
 * changes by `equality` (default `Object.is`); snapshots keep the identity of unchanged
 * parts, so selecting e.g. `s.journeys[id]` re-renders only when that journey changed.
 */
export function useBoardSelector<T>(
  selector: (snapshot: BoardSnapshot) => T,
  equality: (a: T, b: T) => boolean = Object.is,
): T {
  const board = useBoard();
  // Cache of the last (snapshot → selection) so getSnapshot is stable between calls,
  // as useSyncExternalStore requires.
  // An inline selector is a new function each render: it is re-run then (selectors are
  // cheap), and `equality` keeps the previous value's identity when nothing really changed.
  const cache = useRef<{
    board: BoardDoc;
    snapshot: BoardSnapshot;
    selector: (snapshot: BoardSnapshot) => T;
    value: T;
  } | null>(null);
  const getSelection = (): T => {
    const snapshot = board.snapshot();
    const last = cache.current;
    if (last && last.board === board && last.snapshot === snapshot && last.selector === selector)
      return last.value;
    const next = selector(snapshot);
    const value = last && last.board === board && equality(last.value, next) ? last.value : next;
    cache.current = { board, snapshot, selector, value };
    return value;
  };
  const subscribe = useMemo(() => (notify: () => void) => board.onChange(() => notify()), [board]);
  return useSyncExternalStore(subscribe, getSelection, getSelection);
}

/**
 * True while the board is open for viewing only (joined with a viewer link: the connection's
 * role is 'viewer', and the board refuses commands). The UI then offers no editing: no
 * creation tools, dragging, text editing or structure changes; selecting, panning, zooming,
 * following and copying still work. Re-renders when the role changes.
 */
export function useBoardReadOnly(): boolean {
  return useContext(ReadOnlyContext);
}

/** The per-board session store itself (for event handlers that read it imperatively). */
export function useSessionStore(): SessionStore {
  return useBoardContext().session;
}

/** Subscribes to a slice of the session state (tool, selection, editing, viewport, panels). */
export function useSession<T>(selector: (state: SessionState) => T): T {
  return useStore(useBoardContext().session, selector);
}

/** Shallow equality for arrays and plain objects, for selectors that build a new value. */
export function shallowEqual<T>(a: T, b: T): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  for (const key of keysA) {
    if (!Object.is((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}
