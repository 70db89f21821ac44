import i18next from 'i18next';
import { useEffect } from 'react';
import type { BoardDoc } from '../../shared/board';
import { JOIN_PATH, joinAnswerSchema, normalizeJoinCode } from '../../shared/protocol';
import { getBoardEntry, saveBoardEntry } from '../persistence/boardIndex';
import { localUser, useProfile } from '../presence/profile';
import { parseRoute } from '../shell/route';
import { isBoardId, type LiveLink, parseShareHash, sameOriginServerUrl } from './address';
import { type BoardConnection, connectBoard } from './connection';
import { detectSameOriginServer, forgetLink, rememberedLink, rememberLink } from './links';
import { connectionOf } from './registry';

/**
 * The live side of the open board in the app: reconnecting shared boards, the Share
 * action, share links, and keeping the person's name and colour current. Connections made
 * here are closed when the board screen goes; connections made elsewhere (a desktop
 * workshop) are only shown, their owner closes them.
 */

const managed = new WeakSet<BoardConnection>();

/** The local board id in the URL (`#/board/<id>`), or null for a board from elsewhere. */
export function routeBoardId(): string | null {
  const route = parseRoute(window.location.hash);
  return route.kind === 'board' ? route.id : null;
}

/** Connects `board` live and, for a local board, remembers it so a reload reconnects. */
export function startLive(board: BoardDoc, boardId: string | null, link: LiveLink): BoardConnection {
  const connection = connectBoard({ board, ...link, user: localUser() });
  managed.add(connection);
  if (boardId) rememberLink(boardId, link);
  return connection;
}

/** Disconnects on purpose: the board stays on this device and stops reconnecting. */
export function stopLive(connection: BoardConnection, boardId: string | null): void {
  connection.disconnect();
  if (boardId) forgetLink(boardId);
}

/** The link of a live connection, for "Copy link". */
export function linkOf(connection: BoardConnection): LiveLink {
  return {
    serverUrl: connection.serverUrl,
    room: connection.room,
    ...(connection.token ? { token: connection.token } : connection.code ? { code: connection.code } : {}),
  };
}

export type ShareOutcome =
  | { kind: 'live'; connection: BoardConnection }
  | { kind: 'ask'; serverUrl: string | null };

/**
 * "Share": when this page was served by a sync server (web mode), goes live on the same
 * origin's `/sync` in the room named after the board, without asking. Otherwise the person
 * has to say where (the connect dialog), prefilled with what is known.
 */
export async function share(board: BoardDoc, boardId: string | null): Promise<ShareOutcome> {
  const serverUrl = await detectSameOriginServer();
  if (!serverUrl || !boardId) return { kind: 'ask', serverUrl };
  return { kind: 'live', connection: startLive(board, boardId, { serverUrl, room: boardId }) };
}

/** Reconnects a shared local board while its screen is open, and keeps presence current. */
export function useLiveSession(board: BoardDoc, boardId: string | null): void {
  useEffect(() => {
    if (boardId) {
      const link = rememberedLink(boardId);
      if (link && !connectionOf(board)) startLive(board, boardId, link);
    }
    return () => {
      const connection = connectionOf(board);
      if (connection && managed.has(connection)) connection.disconnect();
    };
  }, [board, boardId]);

  useEffect(() => {
    const publish = () => connectionOf(board)?.presence.setUser(localUser());
    const offProfile = useProfile.subscribe(publish);
    i18next.on('languageChanged', publish);
    return () => {
      offProfile();
      i18next.off('languageChanged', publish);
    };
  }, [board]);
}

/**
 * Opens a share link (`#/board/<id>?server=…`): remembers where the board lives, adds it
 * to this device's boards if it is new (it fills in from the server), and opens it.
 * Returns false when the hash is not a share link.
 */
export function openShareLink(hash: string): boolean {
  const parsed = parseShareHash(hash);
  if (!parsed) return false;
  const { boardId, link } = parsed;
  rememberLink(boardId, link);
  if (!getBoardEntry(boardId)) saveBoardEntry({ id: boardId, title: '', updatedAt: Date.now() });
  // replace(): the link itself should not stay in history (Back would reopen it).
  window.location.replace(`${window.location.pathname}${window.location.search}#/board/${boardId}`);
  return true;
}

export type JoinOutcome = 'none' | 'opened' | 'refused' | 'unreachable';

/**
 * Opens a workshop join link in web mode (`http://host:port/?join=CODE`, the link a desktop
 * host hands out): asks this server which room the code opens, remembers the board as live
 * there with the code, and opens it (the page reloads without the `?join=`, so a reload
 * later does not join again). `'none'` when the page was not opened with a join code.
 */
export async function openJoinLink(search: string): Promise<JoinOutcome> {
  const typed = new URLSearchParams(search).get('join');
  if (typed === null) return 'none';
  const serverUrl = sameOriginServerUrl(window.location.origin);
  const code = normalizeJoinCode(typed);
  if (!serverUrl || code === null) return 'refused';
  let body: unknown;
  try {
    const response = await fetch(`${JOIN_PATH}/${encodeURIComponent(code)}`, {
      headers: { Accept: 'application/json' },
    });
    if (response.status >= 400 && response.status < 500) return 'refused';
    if (!response.ok) return 'unreachable';
    body = await response.json();
  } catch {
    return 'unreachable';
  }
  const answer = joinAnswerSchema.safeParse(body);
  // The room becomes this device's board id, so it must also be a valid one (≤ 64 characters).
  if (!answer.success || !isBoardId(answer.data.room)) return 'refused';
  const { room } = answer.data;
  rememberLink(room, { serverUrl, room, code: normalizeJoinCode(answer.data.code) ?? code });
  if (!getBoardEntry(room)) saveBoardEntry({ id: room, title: '', updatedAt: Date.now() });
  window.location.replace(`${window.location.pathname}#/board/${room}`);
  return 'opened';
}
