import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { signToken } from '../../server/index';
import { connectBoardClient, startTestServer, type BoardClient, type TestServer, waitFor } from '../support';

/**
 * What a person sees when the server does not let them in: the connection state turns
 * `refused` with the server's reason (asked over plain HTTP, since a browser hides why a
 * websocket upgrade failed), and the client stops retrying until asked to.
 */

let server: TestServer | null = null;
const clients: BoardClient[] = [];
const stops: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  for (const stop of stops.splice(0)) await stop();
  await server?.dispose();
  server = null;
});

const SECRET = 'client-access-test-secret-0123456789';

async function secured(): Promise<TestServer> {
  server = await startTestServer({ allowAnonymous: false, secret: SECRET });
  return server;
}

function join(room: string, options: { token?: string; code?: string } = {}): BoardClient {
  const client = connectBoardClient(server!.server.syncUrl, room, 'Guest', options);
  clients.push(client);
  return client;
}

/**
 * A server that fails every websocket upgrade (socket dropped) and answers HTTP with 503,
 * so its clients keep retrying; counts the upgrade attempts.
 */
async function failingServer(): Promise<{ syncUrl: string; upgrades(): number }> {
  let upgrades = 0;
  const http = createServer((_req, res) => res.writeHead(503).end());
  http.on('upgrade', (_req, socket) => {
    upgrades++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  stops.push(() => new Promise<void>((resolve) => http.close(() => resolve())));
  const { port } = http.address() as AddressInfo;
  return { syncUrl: `ws://127.0.0.1:${port}/sync`, upgrades: () => upgrades };
}

async function refusalOf(client: BoardClient): Promise<string | null> {
  await waitFor(() => client.connection.state.getState().status === 'refused', 'the connection is refused');
  return client.connection.state.getState().reason;
}

describe('refused connections', () => {
  it('says a credential is needed when none was given', async () => {
    await secured();
    const client = join('room-a');
    await expect(client.connection.whenSynced()).rejects.toThrow(/refused/);
    expect(await refusalOf(client)).toBe('credential-missing');
  });

  it('tells a forged, an expired and another room’s token apart', async () => {
    const { server: s } = await secured();
    const valid = s.mintToken('room-a', 'editor', 60);
    const forged = `${valid.slice(0, -4)}AAAA`;
    const anHourAgo = Date.now() - 3_600_000;
    const expired = signToken(Buffer.from(SECRET), 'room-a', 'editor', 60, anHourAgo);
    const otherRoom = s.mintToken('room-b', 'editor', 60);
    expect(await refusalOf(join('room-a', { token: forged }))).toBe('token-bad-signature');
    expect(await refusalOf(join('room-a', { token: expired }))).toBe('token-expired');
    expect(await refusalOf(join('room-a', { token: otherRoom }))).toBe('token-wrong-room');
  });

  it('stops retrying once refused, and reconnects when asked after the cause is fixed', async () => {
    const { server: s } = await secured();
    const client = join('room-a', { code: 'ABCD-EFGH' });
    expect(await refusalOf(client)).toBe('code-unknown');
    const refusedBefore = s.metrics().connections.refused['code-unknown'] ?? 0;
    // A client of a failing server retries with the same back-off: once it has tried several
    // times, a refused client that still retried would have tried again too.
    const failing = await failingServer();
    const control = connectBoardClient(failing.syncUrl, 'room-a', 'Control');
    clients.push(control);
    await waitFor(() => failing.upgrades() >= 4, 'a client of a failing server to retry');
    expect(s.metrics().connections.refused['code-unknown'] ?? 0).toBe(refusedBefore);

    s.addJoinCode('ABCD-EFGH', 'room-a', 'editor');
    client.connection.reconnect();
    await client.connection.whenSynced();
    await waitFor(() => client.connection.state.getState().role === 'editor', 'the role is learned');
    expect(client.connection.state.getState()).toMatchObject({ status: 'connected', reason: null });
  });

  it('is told when the host withdraws its join code', async () => {
    const { server: s } = await secured();
    s.addJoinCode('WXYZ-2345', 'room-a', 'editor');
    const client = join('room-a', { code: 'WXYZ-2345' });
    await client.connection.whenSynced();
    s.removeJoinCode('WXYZ-2345');
    expect(await refusalOf(client)).toBe('access-revoked');
  });
});

describe('roles', () => {
  it('learns that a viewer token only views, and its edits never reach the others', async () => {
    const { server: s } = await secured();
    const editor = join('room-v', { token: s.mintToken('room-v', 'editor', 60) });
    const viewer = join('room-v', { token: s.mintToken('room-v', 'viewer', 60) });
    await Promise.all([editor, viewer].map((c) => c.connection.whenSynced()));
    await waitFor(() => viewer.connection.state.getState().role === 'viewer', 'the viewer learns its role');
    expect(editor.connection.state.getState().role).toBe('editor');

    expect(viewer.board.readOnly).toBe(true);
    expect(() => viewer.board.addElement({ type: 'sticky', x: 0, y: 0 })).toThrow(/viewing only/);
    const fromEditor = editor.board.addElement({ type: 'sticky', x: 0, y: 0, text: 'editor' });
    // A tampered client that lifts its own read-only guard still cannot write: the server drops it.
    viewer.board.setReadOnly(false);
    const fromViewer = viewer.board.addElement({ type: 'sticky', x: 0, y: 0, text: 'viewer' });
    await waitFor(
      () => viewer.board.snapshot().elements[fromEditor] !== undefined,
      'the viewer receives edits',
    );
    await waitFor(() => s.metrics().updates.viewerWritesRejected > 0, "the server to drop the viewer's edit");
    // A marker another editor sends afterwards reaches the editor behind anything the server relayed before it.
    const other = join('room-v', { token: s.mintToken('room-v', 'editor', 60) });
    await other.connection.whenSynced();
    const marker = other.board.addElement({ type: 'sticky', x: 0, y: 0, text: 'marker' });
    await waitFor(() => editor.board.snapshot().elements[marker] !== undefined, 'the editor gets the marker');
    expect(editor.board.snapshot().elements[fromViewer]).toBeUndefined();
  });
});

describe('unreachable server', () => {
  it('keeps trying and says the server cannot be reached', async () => {
    const s = await startTestServer();
    const url = s.server.syncUrl;
    await s.dispose();
    const client = connectBoardClient(url, 'room-x', 'Guest');
    clients.push(client);
    await waitFor(() => client.connection.state.getState().reason === 'unreachable', 'reason is unreachable');
    expect(client.connection.state.getState().status).toBe('connecting');
  });
});
