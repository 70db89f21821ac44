import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { BoardDoc } from '../../shared/board';

/**
 * Browser-local persistence of boards: each board is one Y.Doc stored in its own IndexedDB
 * database by `y-indexeddb` (which stores every update as it happens, so nothing typed is
 * lost on reload). This is the only renderer module outside the sync provider code that
 * touches Yjs, which is why it sits in `sync/` where the layer rules allow it.
 */

/** A board opened from this device's storage; `close()` flushes and releases it. */
export interface LocalBoardHandle {
  id: string;
  board: BoardDoc;
  close(): Promise<void>;
}

function databaseName(boardId: string): string {
  return `cxboard-board-${boardId}`;
}

/**
 * Resolves once every write queued so far on the board's database has committed: IndexedDB
 * runs read-write transactions on a store in order, so an empty one completes only after the
 * earlier ones. Without this, a large new board (an import) could be lost if the tab were
 * closed or reloaded right after it appeared, while its first write was still committing.
 */
function committed(persistence: IndexeddbPersistence): Promise<void> {
  const db = persistence.db;
  if (!db) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(['updates'], 'readwrite');
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB write failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB write aborted'));
  });
}

async function attach(boardId: string, ydoc: Y.Doc, isNew: boolean): Promise<LocalBoardHandle> {
  const persistence = new IndexeddbPersistence(databaseName(boardId), ydoc);
  await persistence.whenSynced;
  if (isNew) await committed(persistence);
  const board = BoardDoc.fromYDoc(ydoc);
  let closed = false;
  return {
    id: boardId,
    board,
    async close() {
      if (closed) return;
      closed = true;
      board.destroy();
      await persistence.destroy();
      ydoc.destroy();
    },
  };
}

/** Opens a board stored on this device (an unknown id opens as an empty board). */
export function openLocalBoard(boardId: string): Promise<LocalBoardHandle> {
  return attach(boardId, new Y.Doc(), false);
}

/**
 * Stores `seed` (a board built in memory: a template, an imported file) as a new local
 * board and opens it. The stored board starts from the seed's full state with a fresh undo
 * history, so Undo cannot "un-create" the template. `seed` is destroyed.
 */
export function storeNewLocalBoard(boardId: string, seed: BoardDoc): Promise<LocalBoardHandle> {
  const update = Y.encodeStateAsUpdate(seed.ydoc);
  seed.destroy();
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, update);
  return attach(boardId, ydoc, true);
}

/** Deletes a board's stored data. Close any open handle of it first. */
export function deleteLocalBoard(boardId: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(databaseName(boardId));
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error('IndexedDB delete failed'));
    // Another tab still has it open: the delete completes when that tab lets go.
    request.onblocked = () => resolve();
  });
}
