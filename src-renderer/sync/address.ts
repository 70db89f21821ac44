/**
 * Server addresses and share links. Everything here is pure (no DOM, no storage) so it can
 * be unit-tested and used from Node tests.
 *
 * Link scheme (see docs/COLLABORATION.md):
 *   <app URL>#/board/<boardId>?server=<ws(s)://host:port/sync>[&room=<room>][&token=…|&code=…]
 * `room` is omitted when it equals the board id (the usual case: rooms are boards).
 */

import { isValidRoomName, SYNC_PATH } from '../../shared/protocol';

/** The wire rules (room names, the sync path) come from shared/protocol, shared with the server. */
export { isValidRoomName, SYNC_PATH };

/** Board ids the app opens from a URL (mirrors the shell's route pattern). */
const BOARD_ID = /^[0-9A-Za-z_-]{1,64}$/;

/** True when `id` can be a board id of this app (a room name of at most 64 characters). */
export function isBoardId(id: string): boolean {
  return BOARD_ID.test(id);
}

/** Tokens are base64url segments joined by dots; codes are short letter groups. */
const CREDENTIAL = /^[A-Za-z0-9._~+/=-]{1,2048}$/;

export type AddressError = 'empty' | 'invalid' | 'scheme' | 'credentials-in-url';

export type ParsedServerUrl = { ok: true; url: string } | { ok: false; error: AddressError };

/**
 * Normalises what a person typed as a server address into the y-websocket server URL:
 * `http(s)://` becomes `ws(s)://`, a bare `host:port` gets `ws://`, an empty path becomes
 * `/sync`, trailing slashes, query and fragment are dropped.
 */
export function parseServerUrl(input: string): ParsedServerUrl {
  const text = input.trim();
  if (text === '') return { ok: false, error: 'empty' };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `ws://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, error: 'invalid' };
  }
  const scheme = { 'ws:': 'ws:', 'wss:': 'wss:', 'http:': 'ws:', 'https:': 'wss:' }[url.protocol];
  if (!scheme || url.hostname === '') return { ok: false, error: 'scheme' };
  if (url.username !== '' || url.password !== '') return { ok: false, error: 'credentials-in-url' };
  let path = url.pathname.replace(/\/+$/, '');
  if (path === '') path = SYNC_PATH;
  return { ok: true, url: `${scheme}//${url.host}${path}` };
}

/** The websocket server URL of the sync server that served this page (`http://h:p/…` → `ws://h:p/sync`). */
export function sameOriginServerUrl(pageOrigin: string): string | null {
  let url: URL;
  try {
    url = new URL(pageOrigin);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return `${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}${SYNC_PATH}`;
}

/** The HTTP base of a websocket server URL (`ws://h:p/sync` → `http://h:p/sync`). */
export function httpBaseOf(serverUrl: string): string {
  return serverUrl.replace(/^ws(s?):/i, 'http$1:');
}

/** Query parameters that carry a credential to the server. */
export function credentialParams(credential: { token?: string; code?: string }): Record<string, string> {
  if (credential.token) return { token: credential.token };
  if (credential.code) return { code: credential.code };
  return {};
}

/**
 * The room's HTTP URL with its credential: a GET there tells whether the server would
 * accept the websocket (browsers hide the status of a refused upgrade).
 */
export function accessCheckUrl(
  serverUrl: string,
  room: string,
  credential: { token?: string; code?: string },
) {
  const query = new URLSearchParams(credentialParams(credential)).toString();
  return `${httpBaseOf(serverUrl)}/${encodeURIComponent(room)}${query ? `?${query}` : ''}`;
}

/** Where a board lives live: the server, its room and how to get in. */
export interface LiveLink {
  serverUrl: string;
  room: string;
  token?: string;
  code?: string;
}

/** The hash part of a share link for `boardId` (`#/board/<id>?server=…`). */
export function shareHash(boardId: string, link: LiveLink): string {
  const query = new URLSearchParams({ server: link.serverUrl });
  if (link.room !== boardId) query.set('room', link.room);
  if (link.token) query.set('token', link.token);
  else if (link.code) query.set('code', link.code);
  return `#/board/${boardId}?${query.toString()}`;
}

/** A full share link: the app's address (without its hash) plus {@link shareHash}. */
export function shareUrl(appUrl: string, boardId: string, link: LiveLink): string {
  const base = appUrl.split('#')[0] ?? appUrl;
  return `${base}${shareHash(boardId, link)}`;
}

/** A share link read back from a location hash. */
export interface ParsedShareHash {
  boardId: string;
  link: LiveLink;
}

/**
 * Reads `#/board/<id>?server=…` (and `room`, `token`, `code`). Anything that is not a
 * valid share link is null: the hash comes from whoever wrote the link, so it is checked
 * as strictly as the server would.
 */
export function parseShareHash(hash: string): ParsedShareHash | null {
  const match = /^#\/board\/([^/?#]+)\/?\?(.*)$/.exec(hash);
  if (!match) return null;
  const boardId = match[1]!;
  if (!BOARD_ID.test(boardId)) return null;
  const query = new URLSearchParams(match[2]);
  const server = query.get('server');
  if (server === null) return null;
  const parsed = parseServerUrl(server);
  if (!parsed.ok) return null;
  const room = query.get('room') ?? boardId;
  if (!isValidRoomName(room)) return null;
  const link: LiveLink = { serverUrl: parsed.url, room };
  const token = query.get('token');
  const code = query.get('code');
  if (token !== null) {
    if (!CREDENTIAL.test(token)) return null;
    link.token = token;
  } else if (code !== null) {
    if (!CREDENTIAL.test(code)) return null;
    link.code = code;
  }
  return { boardId, link };
}

/** Reads a remembered link back from storage; anything malformed is null. */
export function parseLiveLink(value: unknown): LiveLink | null {
  if (typeof value !== 'object' || value === null) return null;
  const { serverUrl, room, token, code } = value as Record<string, unknown>;
  if (typeof serverUrl !== 'string' || typeof room !== 'string' || !isValidRoomName(room)) return null;
  const parsed = parseServerUrl(serverUrl);
  if (!parsed.ok) return null;
  const link: LiveLink = { serverUrl: parsed.url, room };
  if (typeof token === 'string' && CREDENTIAL.test(token)) link.token = token;
  else if (typeof code === 'string' && CREDENTIAL.test(code)) link.code = code;
  return link;
}
