import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseTtl, signToken, verifyToken } from './tokens';

const secret = randomBytes(32);
const now = Date.UTC(2026, 0, 1);

describe('room tokens', () => {
  it('round-trips room, role and expiry', () => {
    const token = signToken(secret, 'board-1', 'viewer', 3600, now);
    const check = verifyToken(secret, token, 'board-1', now + 1000);
    expect(check).toEqual({
      ok: true,
      claims: { room: 'board-1', role: 'viewer', iat: now / 1000, exp: now / 1000 + 3600 },
    });
  });

  it('refuses an expired token', () => {
    const token = signToken(secret, 'board-1', 'editor', 60, now);
    expect(verifyToken(secret, token, 'board-1', now + 59_000).ok).toBe(true);
    expect(verifyToken(secret, token, 'board-1', now + 60_000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a token for another room, unless minted for every room', () => {
    const token = signToken(secret, 'board-1', 'editor', 60, now);
    expect(verifyToken(secret, token, 'board-2', now)).toEqual({ ok: false, reason: 'wrong-room' });
    const wildcard = signToken(secret, '*', 'editor', 60, now);
    expect(verifyToken(secret, wildcard, 'board-2', now).ok).toBe(true);
  });

  it('refuses a token signed with another secret', () => {
    const token = signToken(randomBytes(32), 'board-1', 'editor', 60, now);
    expect(verifyToken(secret, token, 'board-1', now)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses a forged payload: a viewer cannot promote itself to editor', () => {
    const token = signToken(secret, 'board-1', 'viewer', 60, now);
    const [prefix, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    claims.role = 'editor';
    const forged = `${prefix}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    expect(verifyToken(secret, forged, 'board-1', now)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses garbage without throwing', () => {
    for (const junk of ['', 'abc', 'cxb1..', 'cxb1.x.y', 'a.b.c', `cxb1.${'A'.repeat(5000)}.x`, '....']) {
      expect(verifyToken(secret, junk, 'board-1', now).ok).toBe(false);
    }
  });

  it('refuses to mint nonsense', () => {
    expect(() => signToken(secret, '../x', 'editor', 60)).toThrow(/room/);
    expect(() => signToken(secret, 'a', 'owner' as never, 60)).toThrow(/role/);
    expect(() => signToken(secret, 'a', 'editor', 0)).toThrow(/lifetime/);
  });

  it('reads lifetimes', () => {
    expect(parseTtl('90')).toBe(90);
    expect(parseTtl('45s')).toBe(45);
    expect(parseTtl('30m')).toBe(1800);
    expect(parseTtl('8h')).toBe(28_800);
    expect(parseTtl('7d')).toBe(604_800);
    for (const bad of ['', 'h', '8x', '-1h', '0', '1.5h', '999d']) expect(() => parseTtl(bad), bad).toThrow();
  });
});
