import { describe, expect, it } from 'vitest';
import {
  accessCheckUrl,
  parseLiveLink,
  parseServerUrl,
  parseShareHash,
  sameOriginServerUrl,
  shareHash,
  shareUrl,
} from './address';

describe('parseServerUrl', () => {
  it('normalises what people type into a y-websocket server URL', () => {
    expect(parseServerUrl('ws://127.0.0.1:1234/sync')).toEqual({ ok: true, url: 'ws://127.0.0.1:1234/sync' });
    expect(parseServerUrl(' http://192.168.1.5:1234 ')).toEqual({
      ok: true,
      url: 'ws://192.168.1.5:1234/sync',
    });
    expect(parseServerUrl('https://cx.example.com/')).toEqual({ ok: true, url: 'wss://cx.example.com/sync' });
    expect(parseServerUrl('cx.example.com:8080/team/sync/')).toEqual({
      ok: true,
      url: 'ws://cx.example.com:8080/team/sync',
    });
    expect(parseServerUrl('wss://h/sync?x=1#y')).toEqual({ ok: true, url: 'wss://h/sync' });
  });

  it('refuses what cannot be a sync server', () => {
    expect(parseServerUrl('  ')).toEqual({ ok: false, error: 'empty' });
    expect(parseServerUrl('ftp://host')).toEqual({ ok: false, error: 'scheme' });
    expect(parseServerUrl('javascript://x')).toEqual({ ok: false, error: 'scheme' });
    expect(parseServerUrl('ws://user:pw@host/sync')).toEqual({ ok: false, error: 'credentials-in-url' });
    expect(parseServerUrl('ws://exa mple')).toEqual({ ok: false, error: 'invalid' });
  });
});

describe('addresses derived from a server URL', () => {
  it('finds the same-origin server of a page served by the sync server', () => {
    expect(sameOriginServerUrl('http://127.0.0.1:5173')).toBe('ws://127.0.0.1:5173/sync');
    expect(sameOriginServerUrl('https://cx.example.com')).toBe('wss://cx.example.com/sync');
    expect(sameOriginServerUrl('app://cxboard')).toBeNull();
  });

  it('builds the access-check URL with the credential', () => {
    expect(accessCheckUrl('ws://h:1/sync', 'room-1', { token: 'a.b.c' })).toBe(
      'http://h:1/sync/room-1?token=a.b.c',
    );
    expect(accessCheckUrl('wss://h/sync', 'r', { code: 'ABCD-EFGH' })).toBe(
      'https://h/sync/r?code=ABCD-EFGH',
    );
    expect(accessCheckUrl('ws://h/sync', 'r', {})).toBe('http://h/sync/r');
  });
});

describe('share links', () => {
  const server = 'ws://127.0.0.1:5173/sync';

  it('round-trip through the hash', () => {
    const hash = shareHash('board1', { serverUrl: server, room: 'board1' });
    expect(hash).toBe('#/board/board1?server=ws%3A%2F%2F127.0.0.1%3A5173%2Fsync');
    expect(parseShareHash(hash)).toEqual({ boardId: 'board1', link: { serverUrl: server, room: 'board1' } });
    const withToken = shareHash('b', { serverUrl: server, room: 'team-room', token: 'cxb1.abc.def' });
    expect(parseShareHash(withToken)).toEqual({
      boardId: 'b',
      link: { serverUrl: server, room: 'team-room', token: 'cxb1.abc.def' },
    });
    expect(
      parseShareHash(shareHash('b', { serverUrl: server, room: 'b', code: 'ABCD-EFGH' }))?.link.code,
    ).toBe('ABCD-EFGH');
  });

  it('keep the page address and replace its hash', () => {
    expect(shareUrl('http://127.0.0.1:5173/index.html#/board/x', 'x', { serverUrl: server, room: 'x' })).toBe(
      `http://127.0.0.1:5173/index.html${shareHash('x', { serverUrl: server, room: 'x' })}`,
    );
  });

  it('ignore hashes that are not valid share links', () => {
    for (const hash of [
      '#/board/abc',
      '#/board/abc?room=x',
      '#/board/a b?server=ws://h/sync',
      '#/board/../x?server=ws://h/sync',
      '#/board/abc?server=ftp://h',
      '#/board/abc?server=ws://h/sync&room=bad/room',
      '#/board/abc?server=ws://h/sync&token=%3Cscript%3E',
      '#/start?server=ws://h/sync',
    ]) {
      expect(parseShareHash(hash), hash).toBeNull();
    }
  });

  it('read remembered links defensively', () => {
    expect(parseLiveLink({ serverUrl: server, room: 'r', token: 't.k' })).toEqual({
      serverUrl: server,
      room: 'r',
      token: 't.k',
    });
    expect(parseLiveLink({ serverUrl: server, room: 'r', token: 5 })).toEqual({
      serverUrl: server,
      room: 'r',
    });
    expect(parseLiveLink({ serverUrl: 'nope://', room: 'r' })).toBeNull();
    expect(parseLiveLink({ serverUrl: server, room: '' })).toBeNull();
    expect(parseLiveLink('x')).toBeNull();
  });
});
