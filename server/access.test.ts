import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AttemptLimiter, checkAccess, isLocalOrigin, JoinCodes, normalizeJoinCode } from './access';
import { signToken } from './tokens';

const secret = randomBytes(32);

function policy(allowAnonymous = false) {
  return { secret, allowAnonymous, joinCodes: new JoinCodes(), failedCodes: new AttemptLimiter(3, 60_000) };
}

const url = (text: string) => new URL(text, 'http://server.invalid');

describe('access check', () => {
  it('needs a room path with a valid name', () => {
    expect(checkAccess(policy(true), url('/other/board'), {}, 'ip')).toMatchObject({
      ok: false,
      status: 404,
    });
    expect(checkAccess(policy(true), url('/sync/..%2Fx'), {}, 'ip')).toMatchObject({
      ok: false,
      status: 400,
    });
    expect(checkAccess(policy(true), url('/sync/a/b'), {}, 'ip')).toMatchObject({ ok: false, status: 400 });
  });

  it('takes a token from the query or an Authorization header', () => {
    const token = signToken(secret, 'board', 'viewer', 60);
    expect(checkAccess(policy(), url(`/sync/board?token=${token}`), {}, 'ip')).toMatchObject({
      ok: true,
      role: 'viewer',
    });
    expect(
      checkAccess(policy(), url('/sync/board'), { authorization: `Bearer ${token}` }, 'ip'),
    ).toMatchObject({
      ok: true,
    });
    expect(checkAccess(policy(), url(`/sync/other?token=${token}`), {}, 'ip')).toMatchObject({
      ok: false,
      status: 403,
      reason: 'token-wrong-room',
    });
    expect(checkAccess(policy(), url('/sync/board'), {}, 'ip')).toMatchObject({ ok: false, status: 401 });
  });

  it('never falls back to anonymous access when a bad token is given', () => {
    expect(checkAccess(policy(true), url('/sync/board?token=junk'), {}, 'ip')).toMatchObject({
      ok: false,
      status: 401,
    });
  });

  it('accepts a registered join code for its room only, and blocks guessing', () => {
    const p = policy();
    const code = p.joinCodes.create('board', 'editor');
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(checkAccess(p, url(`/sync/board?code=${code.toLowerCase()}`), {}, 'ip')).toMatchObject({
      ok: true,
      role: 'editor',
      credential: { kind: 'code', code: code.replace('-', '') },
    });
    expect(checkAccess(p, url(`/sync/other?code=${code}`), {}, 'ip')).toMatchObject({ status: 403 });
    for (let i = 0; i < 3; i++) {
      expect(checkAccess(p, url('/sync/board?code=WRONG1'), {}, 'guesser')).toMatchObject({ status: 401 });
    }
    expect(checkAccess(p, url(`/sync/board?code=${code}`), {}, 'guesser')).toMatchObject({ status: 429 });
    expect(checkAccess(p, url(`/sync/board?code=${code}`), {}, 'someone-else')).toMatchObject({ ok: true });
    p.joinCodes.remove(code);
    expect(checkAccess(p, url(`/sync/board?code=${code}`), {}, 'ip')).toMatchObject({ status: 401 });
  });

  it('expires join codes with a lifetime', () => {
    const codes = new JoinCodes();
    codes.add('ABCD-EFGH', 'board', 'viewer', { ttlMs: 1000, now: 0 });
    expect(codes.resolve('ABCDEFGH', 999)).toEqual({ room: 'board', role: 'viewer' });
    expect(codes.resolve('ABCDEFGH', 1000)).toBeNull();
    expect(() => codes.add('ab', 'board', 'viewer')).toThrow();
    expect(() => codes.add('ABCD', '../x', 'viewer')).toThrow();
  });

  it('allows anonymous access only from non-browser clients and local pages', () => {
    expect(checkAccess(policy(true), url('/sync/board'), {}, 'ip')).toMatchObject({
      ok: true,
      role: 'editor',
    });
    for (const origin of [
      'http://127.0.0.1:5173',
      'http://localhost:3000',
      'http://[::1]:80',
      'file://',
      'null',
    ]) {
      expect(isLocalOrigin(origin), origin).toBe(true);
    }
    for (const origin of [
      'https://evil.example',
      'http://192.168.1.5:8080',
      'http://localhost.evil.example',
      'x',
    ]) {
      expect(isLocalOrigin(origin), origin).toBe(false);
    }
    expect(
      checkAccess(policy(true), url('/sync/board'), { origin: 'https://evil.example' }, 'ip'),
    ).toMatchObject({
      status: 403,
      reason: 'foreign-origin',
    });
  });

  it('normalizes typed codes', () => {
    expect(normalizeJoinCode(' abcd-efgh ')).toBe('ABCDEFGH');
    expect(normalizeJoinCode('ab')).toBeNull();
    expect(normalizeJoinCode('abcd/efgh')).toBeNull();
  });
});
