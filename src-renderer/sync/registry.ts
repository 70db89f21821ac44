import { createStore } from 'zustand/vanilla';
import type { BoardDoc } from '../../shared/board';
import type { BoardConnection } from './connection';

/**
 * Which boards are live right now, so UI that only has the board (the top bar, the canvas
 * layer, a desktop workshop screen) finds its connection. `connectBoard` registers,
 * `disconnect` unregisters; one connection per board.
 */
export const liveConnections = createStore<{ byBoard: ReadonlyMap<BoardDoc, BoardConnection> }>()(() => ({
  byBoard: new Map(),
}));

/** The live connection of `board`, if it has one. */
export function connectionOf(board: BoardDoc): BoardConnection | null {
  return liveConnections.getState().byBoard.get(board) ?? null;
}

export function registerConnection(connection: BoardConnection): void {
  const next = new Map(liveConnections.getState().byBoard);
  next.set(connection.board, connection);
  liveConnections.setState({ byBoard: next });
}

export function unregisterConnection(connection: BoardConnection): void {
  const current = liveConnections.getState().byBoard;
  if (current.get(connection.board) !== connection) return;
  const next = new Map(current);
  next.delete(connection.board);
  liveConnections.setState({ byBoard: next });
}
