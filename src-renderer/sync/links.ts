import { type LiveLink, parseLiveLink, sameOriginServerUrl } from './address';

/**
 * Which local boards are shared, and where: remembered per board id in localStorage so a
 * reload (or reopening the board from the start screen) reconnects by itself. Forgotten
 * when the person disconnects on purpose.
 */

export const LINKS_STORAGE_KEY = 'cxboard.sync.links';

function readAll(): Record<string, LiveLink> {
  let raw: unknown;
  try {
    raw = JSON.parse(localStorage.getItem(LINKS_STORAGE_KEY) ?? '{}');
  } catch {
    return {};
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const links: Record<string, LiveLink> = {};
  for (const [boardId, value] of Object.entries(raw)) {
    const link = parseLiveLink(value);
    if (link && /^[0-9A-Za-z_-]{1,64}$/.test(boardId)) links[boardId] = link;
  }
  return links;
}

function writeAll(links: Record<string, LiveLink>): void {
  try {
    localStorage.setItem(LINKS_STORAGE_KEY, JSON.stringify(links));
  } catch {
    // Storage full or disabled: the board stays live now, it just will not reconnect by itself.
  }
}

/** The remembered live link of a local board, if it is shared. */
export function rememberedLink(boardId: string): LiveLink | null {
  return readAll()[boardId] ?? null;
}

export function rememberLink(boardId: string, link: LiveLink): void {
  writeAll({ ...readAll(), [boardId]: link });
}

export function forgetLink(boardId: string): void {
  const links = readAll();
  if (!(boardId in links)) return;
  delete links[boardId];
  writeAll(links);
}

/**
 * The sync server that served this page, when the app runs in web mode from
 * `cxboard-server --static`: its `/healthz` answers. Null otherwise (desktop app, a dev
 * server, a static host).
 */
export async function detectSameOriginServer(): Promise<string | null> {
  const serverUrl = sameOriginServerUrl(window.location.origin);
  if (!serverUrl) return null;
  try {
    const response = await fetch('/healthz', { headers: { Accept: 'application/json' } });
    if (!response.ok) return null;
    const body: unknown = await response.json();
    return typeof body === 'object' && body !== null && (body as { ok?: unknown }).ok === true
      ? serverUrl
      : null;
  } catch {
    return null;
  }
}
