/**
 * The list of boards kept on this device (web mode): id, title and last change, stored as
 * JSON in localStorage. The boards themselves live in IndexedDB (see
 * `sync/localPersistence.ts`); this index is only what the start screen lists.
 */

export interface BoardIndexEntry {
  id: string;
  title: string;
  /** Milliseconds since the epoch. */
  updatedAt: number;
}

export const BOARD_INDEX_KEY = 'cxboard.boards';

const ID = /^[0-9A-Za-z_-]{1,64}$/;

/**
 * Reads the stored index. Storage is shared with other tabs and other versions of the app,
 * so anything malformed is skipped, never trusted.
 */
export function parseBoardIndex(raw: string | null): BoardIndexEntry[] {
  if (!raw) return [];
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  const seen = new Set<string>();
  const entries: BoardIndexEntry[] = [];
  for (const item of data) {
    if (typeof item !== 'object' || item === null) continue;
    const { id, title, updatedAt } = item as Record<string, unknown>;
    if (typeof id !== 'string' || !ID.test(id) || seen.has(id)) continue;
    seen.add(id);
    entries.push({
      id,
      title: typeof title === 'string' ? title.slice(0, 500) : '',
      updatedAt: typeof updatedAt === 'number' && Number.isFinite(updatedAt) ? updatedAt : 0,
    });
  }
  return sortBoards(entries);
}

/** Most recently changed first. */
export function sortBoards(entries: readonly BoardIndexEntry[]): BoardIndexEntry[] {
  return [...entries].sort((a, b) => b.updatedAt - a.updatedAt || a.id.localeCompare(b.id));
}

/** Adds the entry, or replaces the one with its id. */
export function upsertBoard(entries: readonly BoardIndexEntry[], entry: BoardIndexEntry): BoardIndexEntry[] {
  return sortBoards([...entries.filter((e) => e.id !== entry.id), entry]);
}

export function removeBoard(entries: readonly BoardIndexEntry[], id: string): BoardIndexEntry[] {
  return entries.filter((e) => e.id !== id);
}

type Listener = () => void;
const listeners = new Set<Listener>();

function read(): BoardIndexEntry[] {
  try {
    return parseBoardIndex(localStorage.getItem(BOARD_INDEX_KEY));
  } catch {
    return [];
  }
}

let cached: BoardIndexEntry[] | null = null;

/** The boards on this device (cached; stable identity until it changes). */
export function listBoards(): BoardIndexEntry[] {
  cached ??= read();
  return cached;
}

function write(entries: BoardIndexEntry[]): void {
  cached = entries;
  try {
    localStorage.setItem(BOARD_INDEX_KEY, JSON.stringify(entries));
  } catch {
    // Quota or disabled storage: the list stays correct for this session.
  }
  for (const listener of listeners) listener();
}

export function getBoardEntry(id: string): BoardIndexEntry | undefined {
  return listBoards().find((e) => e.id === id);
}

export function saveBoardEntry(entry: BoardIndexEntry): void {
  const existing = getBoardEntry(entry.id);
  if (existing && existing.title === entry.title && existing.updatedAt === entry.updatedAt) return;
  write(upsertBoard(listBoards(), entry));
}

export function deleteBoardEntry(id: string): void {
  write(removeBoard(listBoards(), id));
}

/** Calls `listener` when the index changes, in this tab or (via the storage event) another. */
export function subscribeBoards(listener: Listener): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key !== BOARD_INDEX_KEY) return;
    cached = null;
    listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}
