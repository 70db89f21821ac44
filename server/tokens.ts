import { createHmac, timingSafeEqual } from 'node:crypto';
import { isRole, isValidRoomName, type Role } from '../shared/protocol';

/**
 * Signed room tokens: `cxb1.<payload>.<signature>`, both parts base64url. The payload is
 * JSON `{ room, role, exp, iat }` (times in Unix seconds); the signature is HMAC-SHA256 of
 * the first two parts with the server secret. A token for room `*` opens every room.
 */

export type { Role };
export { isRole };

/** The signed claims of a token. */
export interface TokenClaims {
  /** Room name, or `*` for every room. */
  room: string;
  role: Role;
  /** Expiry, Unix seconds. */
  exp: number;
  /** Issue time, Unix seconds. */
  iat: number;
}

/** Why a token was refused. */
export type TokenRefusal = 'malformed' | 'bad-signature' | 'expired' | 'wrong-room';

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: TokenRefusal };

const PREFIX = 'cxb1';
/** Longest token accepted; real ones are about 200 characters. */
const MAX_TOKEN_LENGTH = 1024;
/** Longest lifetime a token may be minted with (a year). */
export const MAX_TOKEN_TTL_SECONDS = 366 * 24 * 3600;

function sign(secret: Uint8Array, body: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}

/** Mints a token for `room` (or `*`) and `role`, valid for `ttlSeconds` from `now`. */
export function signToken(
  secret: Uint8Array,
  room: string,
  role: Role,
  ttlSeconds: number,
  now: number = Date.now(),
): string {
  if (room !== '*' && !isValidRoomName(room)) throw new Error(`invalid room name: ${JSON.stringify(room)}`);
  if (!isRole(role)) throw new Error(`invalid role: ${JSON.stringify(role)}`);
  if (!Number.isFinite(ttlSeconds) || ttlSeconds <= 0 || ttlSeconds > MAX_TOKEN_TTL_SECONDS) {
    throw new Error(`token lifetime must be between 1 second and ${MAX_TOKEN_TTL_SECONDS} seconds`);
  }
  const iat = Math.floor(now / 1000);
  const claims: TokenClaims = { room, role, exp: iat + Math.floor(ttlSeconds), iat };
  const body = `${PREFIX}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${body}.${sign(secret, body)}`;
}

function parseClaims(json: string): TokenClaims | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { room, role, exp, iat } = value as Record<string, unknown>;
  if (typeof room !== 'string' || (room !== '*' && !isValidRoomName(room))) return null;
  if (!isRole(role) || !Number.isSafeInteger(exp) || !Number.isSafeInteger(iat)) return null;
  return { room, role, exp: exp as number, iat: iat as number };
}

/**
 * Checks a token's signature, expiry and room. The signature is compared in constant
 * time and checked before the payload is parsed, so forged payloads are never read.
 */
export function verifyToken(
  secret: Uint8Array,
  token: string,
  room: string,
  now: number = Date.now(),
): TokenCheck {
  if (token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'malformed' };
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== PREFIX) return { ok: false, reason: 'malformed' };
  const [prefix, payload, signature] = parts as [string, string, string];
  const expected = Buffer.from(sign(secret, `${prefix}.${payload}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'bad-signature' };
  }
  const claims = parseClaims(Buffer.from(payload, 'base64url').toString('utf8'));
  if (claims === null) return { ok: false, reason: 'malformed' };
  if (claims.exp * 1000 <= now) return { ok: false, reason: 'expired' };
  if (claims.room !== '*' && claims.room !== room) return { ok: false, reason: 'wrong-room' };
  return { ok: true, claims };
}

const TTL_UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** Parses a lifetime like `90`, `45s`, `30m`, `8h` or `7d` into seconds; throws on nonsense. */
export function parseTtl(text: string): number {
  const match = /^(\d+)([smhd]?)$/.exec(text.trim());
  if (!match) throw new Error(`cannot read the lifetime ${JSON.stringify(text)}: use e.g. 90s, 30m, 8h, 7d`);
  const seconds = Number(match[1]) * (TTL_UNITS[match[2] || 's'] ?? 1);
  if (seconds <= 0 || seconds > MAX_TOKEN_TTL_SECONDS) {
    throw new Error(`lifetime ${text} is out of range (1s to 366d)`);
  }
  return seconds;
}
