import type { DesktopIssue, ResolveWorkshopResult } from '../../shared/ipc/contract';
import {
  accessAnswerSchema,
  errorAnswerSchema,
  isValidRoomName,
  JOIN_PATH,
  joinAnswerSchema,
  normalizeJoinCode,
  SYNC_PATH,
} from '../../shared/protocol';

/** What a person typed into "Join a workshop", understood. */
export type JoinTarget =
  | { kind: 'code'; serverUrl: string; code: string }
  | { kind: 'room'; serverUrl: string; room: string; token: string | null };

/**
 * Understands a join link (`http://host:port/?join=CODE` or `/join/CODE`), a room URL
 * (`ws://host:port/sync/<room>?token=…`, http works too), or a bare code with the host's
 * address typed separately. Returns a readable problem for anything else.
 */
export function parseJoinInput(
  input: string,
  host?: string,
  token?: string,
): { ok: true; target: JoinTarget } | { ok: false; error: DesktopIssue } {
  const text = input.trim();
  const bareCode = normalizeJoinCode(text);
  if (bareCode && !/[/:.]/.test(text)) {
    if (!host?.trim()) {
      return fail(
        'host-needed',
        'Enter the host address shown in the host’s workshop window, e.g. 192.168.1.20:4321.',
      );
    }
    const serverUrl = httpBase(host.includes('://') ? host : `http://${host.trim()}`);
    return serverUrl ? { ok: true, target: { kind: 'code', serverUrl, code: bareCode } } : badAddress();
  }
  const withScheme = /^[a-z]+:\/\//i.test(text) ? text : `http://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return badAddress();
  }
  const serverUrl = httpBase(withScheme);
  if (!serverUrl) return badAddress();
  const codeText = url.searchParams.get('join') ?? pathRest(url.pathname, JOIN_PATH);
  if (codeText) {
    const code = normalizeJoinCode(decodeURIComponent(codeText));
    return code
      ? { ok: true, target: { kind: 'code', serverUrl, code } }
      : fail('bad-code', 'The join code in the link is not valid.');
  }
  const room = pathRest(url.pathname, SYNC_PATH);
  if (room && isValidRoomName(room)) {
    const roomToken = url.searchParams.get('token') ?? token?.trim() ?? null;
    return { ok: true, target: { kind: 'room', serverUrl, room, token: roomToken || null } };
  }
  return fail('not-a-join-link', 'This is not a workshop link. Paste the join link or enter the join code.');
}

/** The one segment after `prefix` in `pathname` (`/join/ABCD/` → `ABCD`), or undefined. */
function pathRest(pathname: string, prefix: string): string | undefined {
  if (!pathname.startsWith(`${prefix}/`)) return undefined;
  const rest = pathname.slice(prefix.length + 1).replace(/\/$/, '');
  return rest !== '' && !rest.includes('/') ? rest : undefined;
}

/** `http(s)://host:port` of an http(s) or ws(s) URL; null for other schemes. */
function httpBase(text: string): string | null {
  try {
    const url = new URL(text);
    const scheme = { 'http:': 'http:', 'ws:': 'http:', 'https:': 'https:', 'wss:': 'https:' }[url.protocol];
    if (!scheme || !url.host) return null;
    return `${scheme}//${url.host}`;
  } catch {
    return null;
  }
}

/**
 * Asks the workshop's server what a code or room credential grants, so the person learns
 * about a wrong code or an expired token here rather than from a silent websocket.
 */
export async function resolveWorkshop(
  target: JoinTarget,
  fetchImpl: typeof fetch = fetch,
  timeoutMs = 5000,
): Promise<ResolveWorkshopResult> {
  const websocketUrl = `${target.serverUrl.replace(/^http/, 'ws')}${SYNC_PATH}`;
  const url =
    target.kind === 'code'
      ? `${target.serverUrl}${JOIN_PATH}/${encodeURIComponent(target.code)}`
      : `${target.serverUrl}${SYNC_PATH}/${target.room}${target.token ? `?token=${encodeURIComponent(target.token)}` : ''}`;
  let response: Response;
  let body: unknown;
  try {
    response = await fetchImpl(url, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { Accept: 'application/json' },
    });
    body = await response.json();
  } catch (error) {
    const silent = (error as Error).name === 'TimeoutError' ? 'did not answer' : 'could not be reached';
    return failed(
      'unreachable',
      `The workshop server at ${target.serverUrl} ${silent}. Check the address and that both computers are on the same network.`,
    );
  }
  if (!response.ok) {
    const problem = errorAnswerSchema.safeParse(body);
    const reason = problem.success ? problem.data.error : `http-${response.status}`;
    return failed(reason, explainRefusal(reason, problem.success ? problem.data.message : undefined));
  }
  if (target.kind === 'code') {
    const answer = joinAnswerSchema.safeParse(body);
    if (!answer.success)
      return failed('bad-answer', 'The server’s answer was not understood. Is it a CX Board server?');
    return {
      status: 'resolved',
      connection: {
        serverUrl: target.serverUrl,
        websocketUrl,
        room: answer.data.room,
        params: { code: target.code },
        role: answer.data.role,
      },
    };
  }
  const answer = accessAnswerSchema.safeParse(body);
  if (!answer.success)
    return failed('bad-answer', 'The server’s answer was not understood. Is it a CX Board server?');
  return {
    status: 'resolved',
    connection: {
      serverUrl: target.serverUrl,
      websocketUrl,
      room: target.room,
      params: target.token ? { token: target.token } : {},
      role: answer.data.role,
    },
  };
}

function explainRefusal(reason: string, serverMessage: string | undefined): string {
  switch (reason) {
    case 'code-unknown':
      return 'This join code is unknown or the workshop has ended. Check the code with the host.';
    case 'too-many-wrong-codes':
      return 'Too many wrong codes were tried from this computer. Wait a minute and try again.';
    case 'credential-missing':
      return 'This server needs a token or a join code.';
    default:
      return serverMessage ? `The server refused: ${serverMessage}.` : `The server refused (${reason}).`;
  }
}

function fail(code: string, message: string): { ok: false; error: DesktopIssue } {
  return { ok: false, error: { code, message } };
}

function badAddress(): { ok: false; error: DesktopIssue } {
  return fail('bad-address', 'The address is not valid. It looks like 192.168.1.20:4321.');
}

function failed(code: string, message: string): ResolveWorkshopResult {
  return { status: 'failed', error: { code, message } };
}
