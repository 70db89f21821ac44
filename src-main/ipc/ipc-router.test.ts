import { describe, expect, it } from 'vitest';
import { MAX_EXPORT_BYTES, requestSchemas } from '../../shared/ipc/contract';
import { type InvokeEventLike, IpcRouter, isAppFrame, originOf } from './ipc-router';

const APP = 'app://bundle';
const fromApp: InvokeEventLike = {
  sender: { id: 1 },
  senderFrame: { url: `${APP}/index.html`, parent: null },
};

function makeRouter() {
  const refused: string[] = [];
  const router = new IpcRouter<InvokeEventLike>({
    isTrustedSender: (event) => isAppFrame(event, [APP]),
    onRefused: (channel, code) => refused.push(`${channel}:${code}`),
  });
  const saved: Uint8Array[] = [];
  router.handle('board:save', async (_event, { bytes }) => {
    saved.push(bytes);
    return { status: 'cancelled' } as const;
  });
  router.handle('recent:remove', (_event, { id }) => [{ id, name: 'n', location: '/', openedAt: 0 }]);
  router.handle('board:close', () => {
    throw new Error('disk on fire');
  });
  return { router, refused, saved };
}

describe('IpcRouter', () => {
  it('runs a valid request from the app window', async () => {
    const { router, saved } = makeRouter();
    const bytes = new Uint8Array([1, 2, 3]);
    expect(await router.dispatch('board:save', fromApp, [{ bytes }])).toEqual({
      ok: true,
      value: { status: 'cancelled' },
    });
    expect(saved).toEqual([bytes]);
  });

  it.each([
    ['another origin', { url: 'https://evil.example/index.html', parent: null }],
    ['a sub-frame of the app', { url: `${APP}/index.html`, parent: {} }],
    ['a destroyed frame', null],
    ['a file: page', { url: 'file:///tmp/page.html', parent: null }],
    ['a garbage URL', { url: 'not a url', parent: null }],
  ])('refuses a request from %s before looking at it', async (_label, senderFrame) => {
    const { router, refused, saved } = makeRouter();
    const result = await router.dispatch('board:save', { sender: { id: 2 }, senderFrame }, [
      { bytes: new Uint8Array([1]) },
    ]);
    expect(result).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    expect(saved).toEqual([]);
    expect(refused).toEqual(['board:save:untrusted-sender']);
  });

  it.each([
    ['a free path string instead of bytes', [{ bytes: '/etc/passwd' }]],
    ['an extra field (a path smuggled in)', [{ bytes: new Uint8Array([1]), path: '/etc/passwd' }]],
    ['no argument', []],
    ['too many arguments', [{ bytes: new Uint8Array([1]) }, 'x']],
    ['empty bytes', [{ bytes: new Uint8Array() }]],
  ])('refuses %s', async (_label, args) => {
    const { router, saved } = makeRouter();
    const result = await router.dispatch('board:save', fromApp, args);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(saved).toEqual([]);
  });

  it('refuses a recent id that is not an id (e.g. a path)', async () => {
    const { router } = makeRouter();
    const result = await router.dispatch('recent:remove', fromApp, [{ id: '../../etc/passwd' }]);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
  });

  it('refuses unknown channels and contract channels without a handler', async () => {
    const { router } = makeRouter();
    expect(await router.dispatch('fs:readFile', fromApp, ['/etc/passwd'])).toMatchObject({
      ok: false,
      error: { code: 'unknown-channel' },
    });
    expect(await router.dispatch('__proto__', fromApp, [])).toMatchObject({
      ok: false,
      error: { code: 'unknown-channel' },
    });
    expect(await router.dispatch('hosting:start', fromApp, [{ interfaceId: 'lo' }])).toMatchObject({
      ok: false,
      error: { code: 'unknown-channel' },
    });
  });

  it('turns a handler exception into a typed error', async () => {
    const { router, refused } = makeRouter();
    expect(await router.dispatch('board:close', fromApp, [])).toEqual({
      ok: false,
      error: { code: 'internal-error', message: 'disk on fire' },
    });
    expect(refused).toEqual(['board:close:internal-error']);
  });

  it('does not register channels outside the contract, or twice', () => {
    const { router } = makeRouter();
    expect(() => router.handle('fs:write' as 'board:save', async () => ({ status: 'cancelled' }))).toThrow(
      /not a channel/,
    );
    expect(() => router.handle('board:save', async () => ({ status: 'cancelled' }))).toThrow(/already/);
  });

  it('attaches every contract channel to ipcMain, and refuses to attach with handlers missing', async () => {
    const { router } = makeRouter();
    const fakeIpcMain = { handle: () => {} };
    expect(() => router.attach(fakeIpcMain)).toThrow(/without a handler/);

    const complete = new IpcRouter<InvokeEventLike>({ isTrustedSender: () => true });
    for (const channel of Object.keys(requestSchemas) as (keyof typeof requestSchemas)[]) {
      complete.handle(channel, (() => null) as never);
    }
    const registered = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
    complete.attach({ handle: (channel, listener) => registered.set(channel, listener) });
    expect([...registered.keys()].sort()).toEqual(Object.keys(requestSchemas).sort());
    // Registered listeners go through the same checks.
    expect(await registered.get('board:save')!(fromApp, { bytes: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments' },
    });
  });
});

describe('export:save validation', () => {
  const XLSX = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
  function exportRouter() {
    const router = new IpcRouter<InvokeEventLike>({ isTrustedSender: (event) => isAppFrame(event, [APP]) });
    const asked: unknown[] = [];
    router.handle('export:save', (_event, request) => {
      asked.push(request);
      return { status: 'cancelled' } as const;
    });
    return { router, asked };
  }

  it('passes bytes of the format with a plain file name (Cyrillic kept)', async () => {
    const { router, asked } = exportRouter();
    const request = { bytes: XLSX, suggestedName: 'Онбординг — матрица.xlsx', format: 'xlsx' };
    expect(await router.dispatch('export:save', fromApp, [request])).toEqual({
      ok: true,
      value: { status: 'cancelled' },
    });
    expect(asked).toEqual([request]);
  });

  it.each([
    ['a path as the name', { bytes: XLSX, suggestedName: '../../.bashrc.xlsx', format: 'xlsx' }],
    ['an absolute path as the name', { bytes: XLSX, suggestedName: '/etc/cron.d/x.xlsx', format: 'xlsx' }],
    ['a Windows path as the name', { bytes: XLSX, suggestedName: 'C:\\Users\\x.xlsx', format: 'xlsx' }],
    ['a name without the format’s extension', { bytes: XLSX, suggestedName: 'matrix.exe', format: 'xlsx' }],
    ['a hidden-file name', { bytes: XLSX, suggestedName: '.xlsx', format: 'xlsx' }],
    ['an unknown format', { bytes: XLSX, suggestedName: 'm.exe', format: 'exe' }],
    [
      'bytes that are not a zip for xlsx',
      { bytes: new Uint8Array([0x4d, 0x5a, 0x90]), suggestedName: 'm.xlsx', format: 'xlsx' },
    ],
    ['bytes that are not a PDF', { bytes: XLSX, suggestedName: 'm.pdf', format: 'pdf' }],
    ['NUL bytes in a CSV', { bytes: new Uint8Array([0x61, 0, 0x62]), suggestedName: 'm.csv', format: 'csv' }],
    ['empty bytes', { bytes: new Uint8Array(), suggestedName: 'm.csv', format: 'csv' }],
    ['a string instead of bytes', { bytes: 'PK', suggestedName: 'm.xlsx', format: 'xlsx' }],
    ['a smuggled path field', { bytes: XLSX, suggestedName: 'm.xlsx', format: 'xlsx', path: '/tmp/m.xlsx' }],
    ['a name too long', { bytes: XLSX, suggestedName: `${'a'.repeat(200)}.xlsx`, format: 'xlsx' }],
  ])('refuses %s before the handler runs', async (_label, request) => {
    const { router, asked } = exportRouter();
    const result = await router.dispatch('export:save', fromApp, [request]);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(asked).toEqual([]);
  });

  it('refuses an export larger than MAX_EXPORT_BYTES without copying it', async () => {
    const { router, asked } = exportRouter();
    const huge = new Uint8Array(MAX_EXPORT_BYTES + 1);
    huge.set([0x50, 0x4b, 0x03, 0x04]);
    const result = await router.dispatch('export:save', fromApp, [
      { bytes: huge, suggestedName: 'm.xlsx', format: 'xlsx' },
    ]);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(asked).toEqual([]);
  });
});

describe('originOf', () => {
  it('handles custom schemes that Node reports as opaque', () => {
    expect(originOf('app://bundle/index.html#/x')).toBe('app://bundle');
    expect(originOf('http://localhost:5173/')).toBe('http://localhost:5173');
    expect(originOf('about:blank')).toBeNull();
  });
});
