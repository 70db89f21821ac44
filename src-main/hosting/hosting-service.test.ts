import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { startSyncServer } from '../../server/index';
import type { HostingStatus } from '../../shared/ipc/contract';
import { formatJoinCode } from '../../shared/protocol';
import { HostingService } from './hosting-service';
import { parseJoinInput, resolveWorkshop } from './join-resolver';
import { listHostingInterfaces } from './network';

let folder: string;
let changes: HostingStatus[];
let service: HostingService;
const providers: WebsocketProvider[] = [];

/** Only the loopback interface: tests never send traffic to other addresses. */
const loopback = () => listHostingInterfaces(networkInterfaces()).find((o) => o.address === '127.0.0.1')!;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'cx-hosting-'));
  await writeFile(join(folder, 'index.html'), '<!doctype html><title>CX Board web</title>');
  changes = [];
  service = new HostingService({
    startServer: (options) => startSyncServer({ ...options, logger: () => {} }),
    dataRoot: join(folder, 'workshops'),
    staticDir: folder,
    networkInterfaces,
    onChange: (status) => changes.push(status),
  });
});
afterEach(async () => {
  for (const provider of providers.splice(0)) provider.destroy();
  await service.stop();
  await rm(folder, { recursive: true, force: true });
});

/** A y-websocket client as the renderer runs it (host window or participant). */
function connect(
  connection: { websocketUrl: string; room: string; params: Record<string, string> },
  doc: Y.Doc,
) {
  const provider = new WebsocketProvider(connection.websocketUrl, connection.room, doc, {
    params: connection.params,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  providers.push(provider);
  return provider;
}

async function until(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('HostingService', () => {
  it('hosts a board on the chosen interface; a participant joins with the code and syncs', async () => {
    const status = await service.start({ interfaceId: loopback().id });
    if (!status.running) throw new Error(`did not start: ${status.error?.message}`);
    expect(status.interface.address).toBe('127.0.0.1');
    expect(status.joinCode).toMatch(/^[A-Z0-9]{8}$/);
    expect(status.joinLink).toBe(`${status.connection.serverUrl}/?join=${status.joinCode}`);
    expect(new URL(status.browserUrl).hostname).toBe('127.0.0.1');

    // The browser URL serves the web app for participants without the desktop app.
    expect(await (await fetch(status.browserUrl)).text()).toContain('CX Board web');

    // The host's window joins its own room and brings the board.
    const hostDoc = new Y.Doc();
    hostDoc.getMap('board').set('title', 'Onboarding journey');
    const host = connect(status.connection, hostDoc);
    host.awareness.setLocalStateField('user', { name: 'Host', color: '#ff8800' });

    // A participant types the code as read out (lower case, with the dash).
    const parsed = parseJoinInput(
      formatJoinCode(status.joinCode).toLowerCase(),
      `127.0.0.1:${new URL(status.browserUrl).port}`,
    );
    if (!parsed.ok) throw new Error(parsed.error.message);
    const resolved = await resolveWorkshop(parsed.target);
    if (resolved.status !== 'resolved') throw new Error(resolved.error.message);
    expect(resolved.connection).toMatchObject({ room: status.connection.room, role: 'editor' });

    const guestDoc = new Y.Doc();
    const guest = connect(resolved.connection, guestDoc);
    guest.awareness.setLocalStateField('user', { name: 'Мария', color: '#3366ff' });
    await until(
      () => guestDoc.getMap('board').get('title') === 'Onboarding journey',
      'the board to reach the guest',
    );

    // Edits flow both ways.
    guestDoc.getMap('board').set('note', 'from the guest');
    await until(
      () => hostDoc.getMap('board').get('note') === 'from the guest',
      'the guest edit to reach the host',
    );

    // The host sees who joined, by name.
    await until(() => {
      const latest = service.status();
      return latest.running && latest.participants.some((p) => p.name === 'Мария');
    }, 'the participant list');
    const current = service.status();
    expect(current.running && current.participants.map((p) => p.name).sort()).toEqual(['Host', 'Мария']);

    // Stopping disconnects everyone; the host's board keeps everything.
    const guestClosed = new Promise<void>((resolve) =>
      guest.on('status', ({ status: s }: { status: string }) => s === 'disconnected' && resolve()),
    );
    expect(await service.stop()).toEqual({ running: false, error: null });
    await guestClosed;
    expect(hostDoc.getMap('board').toJSON()).toEqual({ title: 'Onboarding journey', note: 'from the guest' });
    expect(await readdir(join(folder, 'workshops'))).toEqual([]);

    // The code no longer works.
    const again = await resolveWorkshop(parsed.target, fetch, 1000);
    expect(again).toMatchObject({ status: 'failed', error: { code: 'unreachable' } });
  });

  it('refuses a wrong code with a readable reason, and connecting without a credential', async () => {
    const status = await service.start({ interfaceId: loopback().id });
    if (!status.running) throw new Error('did not start');
    const wrong = await resolveWorkshop({
      kind: 'code',
      serverUrl: status.connection.serverUrl,
      code: 'AAAA2222',
    });
    expect(wrong).toMatchObject({ status: 'failed', error: { code: 'code-unknown' } });
    const anonymous = await resolveWorkshop({
      kind: 'room',
      serverUrl: status.connection.serverUrl,
      room: status.connection.room,
      token: null,
    });
    expect(anonymous).toMatchObject({ status: 'failed', error: { code: 'credential-missing' } });
    const withToken = await resolveWorkshop({
      kind: 'room',
      serverUrl: status.connection.serverUrl,
      room: status.connection.room,
      token: status.connection.params.token!,
    });
    expect(withToken).toMatchObject({ status: 'resolved', connection: { role: 'editor' } });
  });

  it('reports an interface that no longer exists, and a busy port, without throwing', async () => {
    expect(await service.start({ interfaceId: 'gone0/10.9.9.9' })).toMatchObject({
      running: false,
      error: { code: 'interface-gone' },
    });
    const blocker = await startSyncServer({ dataDir: join(folder, 'blocker'), logger: () => {} });
    try {
      const busy = await service.start({ interfaceId: loopback().id, port: blocker.port });
      expect(busy).toMatchObject({ running: false, error: { code: 'start-failed' } });
      expect(busy.running === false && busy.error?.message).toMatch(/already in use/);
    } finally {
      await blocker.close();
    }
    // And it can still start afterwards.
    expect((await service.start({ interfaceId: loopback().id })).running).toBe(true);
    expect(changes.at(-1)?.running).toBe(true);
  });
});

describe('parseJoinInput', () => {
  it.each([
    [
      'http://192.168.1.20:4321/?join=ABCD-2345',
      { kind: 'code', serverUrl: 'http://192.168.1.20:4321', code: 'ABCD2345' },
    ],
    [
      '192.168.1.20:4321/join/abcd2345',
      { kind: 'code', serverUrl: 'http://192.168.1.20:4321', code: 'ABCD2345' },
    ],
    [
      'ws://10.0.0.5:9000/sync/team-room?token=abc',
      { kind: 'room', serverUrl: 'http://10.0.0.5:9000', room: 'team-room', token: 'abc' },
    ],
    [
      'wss://cx.example.com/sync/r1',
      { kind: 'room', serverUrl: 'https://cx.example.com', room: 'r1', token: null },
    ],
  ])('understands %s', (input, target) => {
    expect(parseJoinInput(input)).toEqual({ ok: true, target });
  });

  it('takes a bare code with a host address, and asks for the address when missing', () => {
    expect(parseJoinInput('abcd 2345', '192.168.1.20:4321')).toEqual({
      ok: true,
      target: { kind: 'code', serverUrl: 'http://192.168.1.20:4321', code: 'ABCD2345' },
    });
    expect(parseJoinInput('ABCD-2345')).toMatchObject({ ok: false, error: { code: 'host-needed' } });
  });

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'http://host:1/elsewhere',
    'http://host:1/sync/bad%20room',
  ])('refuses %s', (input) => {
    expect(parseJoinInput(input).ok).toBe(false);
  });
});
