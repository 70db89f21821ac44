import { randomInt } from 'node:crypto';
import {
  formatJoinCode,
  GENERATED_JOIN_CODE_LENGTH,
  isRole,
  isValidRoomName,
  JOIN_CODE_ALPHABET,
  normalizeJoinCode,
  type Role,
  SYNC_PATH,
  type ServerErrorCode,
} from '../shared/protocol';
import { type TokenRefusal, verifyToken } from './tokens';

/**
 * Who may open a room: a signed token (`?token=` or `Authorization: Bearer`), a join code
 * registered at runtime (`?code=`), or nobody at all when anonymous access is on.
 */

export { normalizeJoinCode, SYNC_PATH };

/** How a connection got in. */
export type Credential = { kind: 'token' } | { kind: 'code'; code: string } | { kind: 'anonymous' };

/** The outcome of an access check. */
export type AccessDecision =
  | { ok: true; room: string; role: Role; credential: Credential }
  | { ok: false; status: number; reason: ServerErrorCode; message: string };

const TOKEN_MESSAGES: Record<TokenRefusal, [number, string]> = {
  malformed: [401, 'the token is not a room token'],
  'bad-signature': [401, 'the token was not signed by this server'],
  expired: [401, 'the token has expired'],
  'wrong-room': [403, 'the token is for another room'],
};

function refuse(status: number, reason: ServerErrorCode, message: string): AccessDecision {
  return { ok: false, status, reason, message };
}

/** The room of a `/sync/<room>` path, `undefined` for other paths, null for a bad room name. */
export function roomFromSyncPath(pathname: string): string | null | undefined {
  if (!pathname.startsWith(`${SYNC_PATH}/`)) return undefined;
  const room = pathname.slice(SYNC_PATH.length + 1);
  return isValidRoomName(room) ? room : null;
}

/** What {@link checkAccess} needs to know about the server. */
export interface AccessPolicy {
  secret: Uint8Array;
  allowAnonymous: boolean;
  /** Web origins (and `null`) allowed to use anonymous access besides loopback pages, from {@link parseAllowedOrigins}. */
  allowedOrigins: ReadonlySet<string>;
  joinCodes: JoinCodes;
  failedCodes: AttemptLimiter;
}

/**
 * Decides whether a request for `url` may open a room, before any websocket is created.
 * 400 bad path or room name; 401 missing/invalid/expired credential; 403 valid credential
 * for another room or a foreign web page using anonymous access; 429 too many wrong codes.
 */
export function checkAccess(
  policy: AccessPolicy,
  url: URL,
  headers: { authorization?: string | undefined; origin?: string | undefined },
  ip: string,
  now: number = Date.now(),
): AccessDecision {
  const room = roomFromSyncPath(url.pathname);
  if (room === undefined) return refuse(404, 'not-a-room-path', `rooms are at ${SYNC_PATH}/<room>`);
  if (room === null) {
    return refuse(400, 'bad-room-name', 'a room name is 1 to 128 characters of A-Z, a-z, 0-9, _ and -');
  }
  const bearer = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1];
  const token = url.searchParams.get('token') ?? bearer;
  if (token) {
    const check = verifyToken(policy.secret, token, room, now);
    if (!check.ok) {
      const [status, message] = TOKEN_MESSAGES[check.reason];
      return refuse(status, `token-${check.reason}`, message);
    }
    return { ok: true, room, role: check.claims.role, credential: { kind: 'token' } };
  }
  const codeText = url.searchParams.get('code');
  if (codeText !== null) {
    if (policy.failedCodes.isBlocked(ip, now)) {
      return refuse(429, 'too-many-wrong-codes', TOO_MANY_WRONG_CODES);
    }
    const code = normalizeJoinCode(codeText);
    const grant = code === null ? null : policy.joinCodes.resolve(code, now);
    if (code === null || grant === null) {
      policy.failedCodes.record(ip, now);
      return refuse(401, 'code-unknown', 'unknown or expired join code');
    }
    if (grant.room !== room) return refuse(403, 'code-wrong-room', 'the join code is for another room');
    return { ok: true, room, role: grant.role, credential: { kind: 'code', code } };
  }
  if (!policy.allowAnonymous) return refuse(401, 'credential-missing', 'a token or join code is required');
  if (!isLocalOrigin(headers.origin, policy.allowedOrigins)) {
    return refuse(
      403,
      'foreign-origin',
      'anonymous access is only for pages served from this machine (see --allow-origin)',
    );
  }
  return { ok: true, room, role: 'editor', credential: { kind: 'anonymous' } };
}

/**
 * Anonymous access is for local use, but browsers let any web page open a websocket to
 * 127.0.0.1. So an anonymous request is accepted only without an Origin (not a browser),
 * from a loopback http(s) origin (a page served on this machine: a local process could
 * connect without a browser anyway), from a non-web scheme (the desktop app's
 * `app://bundle`), or from an origin in `allowed`. `Origin: null` (a sandboxed iframe, a
 * `data:` or `file:` page, on any site) is refused unless `allowed` has `null`.
 */
export function isLocalOrigin(origin: string | undefined, allowed: ReadonlySet<string> = new Set()): boolean {
  if (origin === undefined) return true;
  if (origin === 'null') return allowed.has('null');
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (allowed.has(parsed.origin)) return true;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return true;
  return isLoopbackHost(parsed.hostname);
}

/**
 * Checks and normalizes `--allow-origin` values: `null` or a web origin
 * (`https://boards.example.com`, `http://192.168.1.20:5173`). Throws with a clear message otherwise.
 */
export function parseAllowedOrigins(values: readonly string[]): ReadonlySet<string> {
  const origins = new Set<string>();
  for (const value of values) {
    if (value === 'null') {
      origins.add('null');
      continue;
    }
    let parsed: URL | null = null;
    try {
      parsed = new URL(value);
    } catch {
      // reported below
    }
    if (
      parsed === null ||
      !/^https?:$/.test(parsed.protocol) ||
      parsed.origin !== value.replace(/\/$/, '').toLowerCase()
    ) {
      throw new Error(
        `--allow-origin takes "null" or an origin such as https://boards.example.com (scheme, host, optional port), not ${JSON.stringify(value)}`,
      );
    }
    origins.add(parsed.origin);
  }
  return origins;
}

/** True for `localhost`, `127.x.x.x` and `::1` (with or without brackets). */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  return (
    bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare) || bare === '::ffff:127.0.0.1'
  );
}

/** Join codes registered at runtime by the hosting app: code → room and role. */
export class JoinCodes {
  private readonly codes = new Map<string, { room: string; role: Role; expiresAt: number | null }>();

  /** Registers `code` (normalized) for `room` and `role`; replaces an earlier grant of the same code. */
  add(code: string, room: string, role: Role, options: { ttlMs?: number; now?: number } = {}): string {
    const normalized = normalizeJoinCode(code);
    if (normalized === null)
      throw new Error('a join code is 4 to 32 letters or digits (dashes and spaces ignored)');
    if (!isValidRoomName(room)) throw new Error(`invalid room name: ${JSON.stringify(room)}`);
    if (!isRole(role)) throw new Error(`invalid role: ${JSON.stringify(role)}`);
    const expiresAt = options.ttlMs === undefined ? null : (options.now ?? Date.now()) + options.ttlMs;
    this.codes.set(normalized, { room, role, expiresAt });
    return normalized;
  }

  /** Registers a fresh random 8-character code and returns it formatted as `XXXX-XXXX`. */
  create(room: string, role: Role, options: { ttlMs?: number } = {}): string {
    for (;;) {
      let code = '';
      for (let i = 0; i < GENERATED_JOIN_CODE_LENGTH; i++) {
        code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
      }
      if (this.codes.has(code)) continue;
      this.add(code, room, role, options);
      return formatJoinCode(code);
    }
  }

  /** Forgets a code; true when it was registered. */
  remove(code: string): boolean {
    const normalized = normalizeJoinCode(code);
    return normalized !== null && this.codes.delete(normalized);
  }

  /** The grant of a normalized code, or null when unknown or expired. */
  resolve(code: string, now: number = Date.now()): { room: string; role: Role } | null {
    const grant = this.codes.get(code);
    if (grant === undefined) return null;
    if (grant.expiresAt !== null && grant.expiresAt <= now) {
      this.codes.delete(code);
      return null;
    }
    return { room: grant.room, role: grant.role };
  }
}

/** What a client sees while its address may not try join codes. */
export const TOO_MANY_WRONG_CODES = 'too many wrong join codes from this network; try again in a few seconds';

/**
 * The address block one party controls: an IPv4 address itself (many people share one
 * behind a NAT, so no wider), an IPv6 /64 (one site or device gets a whole /64, so counting
 * single IPv6 addresses would give an attacker 2^64 tries). IPv4-mapped IPv6 counts as IPv4.
 */
export function addressBlock(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!ip.includes(':')) return ip;
  const [head = '', tail] = ip.toLowerCase().split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * Limits wrong join-code attempts per address block ({@link addressBlock}) with a token
 * bucket: a burst of `maxFailures`, then one more try every `windowMs / maxFailures`.
 * Right codes cost nothing. So an 8-character code cannot be guessed (at most
 * `maxFailures` tries a minute per block), while people behind the same NAT as someone
 * who mistyped wait seconds, not a minute, and everyone else is not affected at all.
 */
export class AttemptLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly refillPerMs: number;

  constructor(
    private readonly maxFailures = 20,
    windowMs = 60_000,
  ) {
    this.refillPerMs = maxFailures / windowMs;
  }

  /** True when `ip`'s block has no try left right now. */
  isBlocked(ip: string, now: number = Date.now()): boolean {
    return this.tokens(addressBlock(ip), now) < 1;
  }

  /** Counts one wrong code for `ip`'s block. */
  record(ip: string, now: number = Date.now()): void {
    const block = addressBlock(ip);
    const tokens = this.tokens(block, now);
    if (!this.buckets.has(block) && this.buckets.size > 10_000) this.prune(now);
    this.buckets.set(block, { tokens: Math.max(0, tokens - 1), at: now });
  }

  private tokens(block: string, now: number): number {
    const bucket = this.buckets.get(block);
    if (bucket === undefined) return this.maxFailures;
    return Math.min(this.maxFailures, bucket.tokens + Math.max(0, now - bucket.at) * this.refillPerMs);
  }

  /** Forgets blocks whose bucket has refilled: they are as good as new. */
  private prune(now: number): void {
    for (const block of [...this.buckets.keys()]) {
      if (this.tokens(block, now) >= this.maxFailures) this.buckets.delete(block);
    }
  }
}
