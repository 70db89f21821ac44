/**
 * The presence record each client publishes through Yjs awareness (never persisted), and
 * the guard that reads other clients' records. Awareness states arrive from the network,
 * so every field is checked and bounded; a record that is not ours is ignored.
 */

/** Who a person is on the board. */
export interface PresenceUser {
  name: string;
  /** `#rrggbb`. */
  color: string;
}

/** A point in canvas (flow) coordinates. */
export interface FlowPoint {
  x: number;
  y: number;
}

/** What a person is looking at: the centre of their view in canvas coordinates, and zoom. */
export interface PresenceViewport {
  x: number;
  y: number;
  zoom: number;
}

/** The awareness state this app writes (`v` lets a later version change the shape). */
export interface PresenceRecord {
  v: 1;
  user: PresenceUser;
  cursor: FlowPoint | null;
  selection: string[];
  viewport: PresenceViewport | null;
}

/** Another person on the board, as the UI sees them. */
export interface Peer extends Omit<PresenceRecord, 'v' | 'user'> {
  /** Their awareness client id: stable while they stay connected. */
  clientId: number;
  name: string;
  color: string;
}

export const MAX_NAME_LENGTH = 40;
export const MAX_SELECTION = 200;
/** Farther than any board coordinate (the board model limits them to ±1e6). */
const MAX_COORD = 1e7;
const ID = /^[0-9A-Za-z_-]{1,64}$/;
const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;
/** Shown for a peer whose colour is unusable. */
export const FALLBACK_COLOR = '#64748b';

/** A display name as it may be shown: control and format (bidi, zero-width) characters removed, spaces collapsed, bounded. */
export function cleanName(name: string): string {
  return name
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_NAME_LENGTH);
}

export function isHexColor(value: unknown): value is string {
  return typeof value === 'string' && HEX_COLOR.test(value);
}

function finite(value: unknown, limit: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= limit;
}

function readPoint(value: unknown): FlowPoint | null {
  if (typeof value !== 'object' || value === null) return null;
  const { x, y } = value as Record<string, unknown>;
  return finite(x, MAX_COORD) && finite(y, MAX_COORD) ? { x, y } : null;
}

function readViewport(value: unknown): PresenceViewport | null {
  const point = readPoint(value);
  if (!point) return null;
  const zoom = (value as Record<string, unknown>).zoom;
  return finite(zoom, 100) && zoom > 0 ? { ...point, zoom } : null;
}

function readSelection(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const ids: string[] = [];
  for (const item of value.slice(0, MAX_SELECTION)) {
    if (typeof item === 'string' && ID.test(item) && !ids.includes(item)) ids.push(item);
  }
  return ids;
}

/**
 * Reads another client's awareness state. Null when it carries no usable presence (a
 * client of another app, a benchmark bot, a hostile peer): such clients are not listed.
 */
export function readPeer(clientId: number, state: unknown): Peer | null {
  if (typeof state !== 'object' || state === null) return null;
  const record = state as Record<string, unknown>;
  if (record.v !== 1 || typeof record.user !== 'object' || record.user === null) return null;
  const user = record.user as Record<string, unknown>;
  const name = typeof user.name === 'string' ? cleanName(user.name) : '';
  if (name === '') return null;
  return {
    clientId,
    name,
    color: isHexColor(user.color) ? user.color : FALLBACK_COLOR,
    cursor: readPoint(record.cursor),
    selection: readSelection(record.selection),
    viewport: readViewport(record.viewport),
  };
}

/** Peers in a stable order: by name, then by client id. */
export function sortPeers(peers: Peer[]): Peer[] {
  return peers.sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId);
}
