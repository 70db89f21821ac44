import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  AttemptLimiter,
  addressBlock,
  checkAccess,
  isLocalOrigin,
  JoinCodes,
  normalizeJoinCode,
  parseAllowedOrigins,
} from './access';
import { signToken } from './tokens';

const secret = randomBytes(32);

function policy(allowAnonymous = false, allowedOrigins: string[] = []) {
  return {
    secret,
    allowAnonymous,
    allowedOrigins: parseAllowedOrigins(allowedOrigins),
    joinCodes: new JoinCodes(),
    failedCodes: new AttemptLimiter(3, 60_000),
  };
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
      'app://bundle',
    ]) {
      expect(isLocalOrigin(origin), origin).toBe(true);
    }
    for (const origin of [
      'null',
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

  it('refuses Origin: null and foreign pages unless configured', () => {
    const nullOrigin = { origin: 'null' };
    expect(checkAccess(policy(true), url('/sync/board'), nullOrigin, 'ip')).toMatchObject({
      status: 403,
      reason: 'foreign-origin',
    });
    expect(checkAccess(policy(true, ['null']), url('/sync/board'), nullOrigin, 'ip')).toMatchObject({
      ok: true,
    });
    const lan = { origin: 'http://192.168.1.20:5173' };
    expect(checkAccess(policy(true), url('/sync/board'), lan, 'ip')).toMatchObject({ status: 403 });
    expect(
      checkAccess(policy(true, ['http://192.168.1.20:5173']), url('/sync/board'), lan, 'ip'),
    ).toMatchObject({
      ok: true,
    });
    // Only that origin: another port or scheme of the same host is still foreign.
    expect(
      checkAccess(
        policy(true, ['http://192.168.1.20:5173']),
        url('/sync/board'),
        { origin: 'http://192.168.1.20:80' },
        'ip',
      ),
    ).toMatchObject({ status: 403 });
    for (const bad of ['*', 'evil.example', 'https://x.example/path', 'ftp://x.example', '']) {
      expect(() => parseAllowedOrigins([bad]), bad).toThrow(/--allow-origin/);
    }
    expect([...parseAllowedOrigins(['https://Boards.Example.com/', 'null'])]).toEqual([
      'https://boards.example.com',
      'null',
    ]);
  });

  it('counts wrong codes per address block: IPv4 address, IPv6 /64', () => {
    expect(addressBlock('203.0.113.7')).toBe('203.0.113.7');
    expect(addressBlock('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressBlock('2001:db8:0:1::5')).toBe('2001:db8:0:1::/64');
    expect(addressBlock('2001:0db8:0000:0001:ffff:1:2:3')).toBe('2001:db8:0:1::/64');
    expect(addressBlock('::1')).toBe('0:0:0:0::/64');
    const limiter = new AttemptLimiter(3, 60_000);
    for (let i = 0; i < 3; i++) limiter.record(`2001:db8:0:1::${i + 1}`, 0);
    // Rotating addresses inside one /64 does not buy more guesses...
    expect(limiter.isBlocked('2001:db8:0:1:abcd::9', 0)).toBe(true);
    // ...and another network is not affected.
    expect(limiter.isBlocked('2001:db8:0:2::1', 0)).toBe(false);
    expect(limiter.isBlocked('203.0.113.7', 0)).toBe(false);
  });

  it('lets a blocked network try again after seconds, never faster than the limit', () => {
    const p = policy();
    const code = p.joinCodes.create('board', 'editor');
    for (let i = 0; i < 3; i++) checkAccess(p, url('/sync/board?code=WRONG1'), {}, 'nat', 0);
    expect(checkAccess(p, url(`/sync/board?code=${code}`), {}, 'nat', 0)).toMatchObject({ status: 429 });
    // One try comes back every 20 s (3 a minute here, 20 a minute by default): the right code works.
    expect(checkAccess(p, url(`/sync/board?code=${code}`), {}, 'nat', 19_999)).toMatchObject({ status: 429 });
    expect(checkAccess(p, url(`/sync/board?code=${code}`), {}, 'nat', 20_000)).toMatchObject({ ok: true });
    // Right codes cost nothing; a guesser gets no more than the refill rate over time.
    let wrongAnswered = 0;
    for (let t = 20_000; t <= 620_000; t += 1_000) {
      const answer = checkAccess(p, url('/sync/board?code=WRONG2'), {}, 'nat', t);
      if (!answer.ok && answer.status === 401) wrongAnswered++;
    }
    expect(wrongAnswered).toBeLessThanOrEqual(1 + 30);
    expect(wrongAnswered).toBeGreaterThanOrEqual(30);
  });

  it('normalizes typed codes', () => {
    expect(normalizeJoinCode(' abcd-efgh ')).toBe('ABCDEFGH');
    expect(normalizeJoinCode('ab')).toBeNull();
    expect(normalizeJoinCode('abcd/efgh')).toBeNull();
  });
});
