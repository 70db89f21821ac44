import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { type Logger, type SyncServer, signToken, startSyncServer } from '../../server/index';
import {
  SERVER_CLI,
  type YClient,
  connectYClient,
  ensureServerBuild,
  getJson,
  removeDir,
  ROOT,
  spawnServer,
  synced,
  tempDir,
  tryUpgrade,
  waitFor,
} from '../support';

/** Tokens, roles and join codes, checked before the websocket upgrade. */

const SECRET = 'integration-test-secret-0123456789';
const quiet: Logger = () => {};
let cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

async function secured(): Promise<SyncServer> {
  const dataDir = tempDir();
  const server = await startSyncServer({ dataDir, secret: SECRET, logger: quiet });
  cleanup.push(async () => {
    await server.close();
    removeDir(dataDir);
  });
  return server;
}

function client(syncUrl: string, room: string, params: Record<string, string>): YClient {
  const made = connectYClient(syncUrl, room, { params });
  cleanup.push(() => made.destroy());
  return made;
}

const secret = Buffer.from(SECRET);

describe('roles', () => {
  it('a viewer receives edits and presence but its own edits are never applied', async () => {
    const s = await secured();
    const editor = client(s.syncUrl, 'board', { token: signToken(secret, 'board', 'editor', 600) });
    const viewer = client(s.syncUrl, 'board', { token: signToken(secret, 'board', 'viewer', 600) });
    await Promise.all([synced(editor), synced(viewer)]);

    editor.doc.getText('t').insert(0, 'from the editor');
    editor.provider.awareness.setLocalStateField('user', { name: 'Ed' });
    await waitFor(
      () => viewer.doc.getText('t').toString() === 'from the editor',
      'the viewer to receive the edit',
    );
    await waitFor(
      () => viewer.provider.awareness.getStates().has(editor.doc.clientID),
      'the viewer to see Ed',
    );

    // The viewer's presence still reaches others (people see who is watching).
    viewer.provider.awareness.setLocalStateField('user', { name: 'Vi' });
    await waitFor(
      () => editor.provider.awareness.getStates().has(viewer.doc.clientID),
      'the editor to see Vi',
    );

    const warnings: string[] = [];
    const warn = vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
      warnings.push(args.join(' '));
    });
    cleanup.push(() => warn.mockRestore());
    viewer.doc.getText('t').insert(0, 'VIEWER WAS HERE ');
    viewer.doc.getMap('m').set('evil', true);
    await waitFor(() => s.metrics().updates.viewerWritesRejected >= 2, 'the server to reject both writes');
    // The stock client reports the server's "permission denied" (once per connection).
    await waitFor(
      () => warnings.some((w) => /Permission denied.*read-only/s.test(w)),
      'the read-only notice',
    );
    // A marker the editor sends now comes back through a second editor behind anything the
    // server relayed before it; the viewer's writes must not be among that.
    const second = client(s.syncUrl, 'board', { token: signToken(secret, 'board', 'editor', 600) });
    await synced(second);
    second.doc.getMap('m').set('marker', 1);
    await waitFor(() => editor.doc.getMap('m').get('marker') === 1, 'the editor to get the marker');
    expect(editor.doc.getText('t').toString()).toBe('from the editor');
    expect(editor.doc.getMap('m').has('evil')).toBe(false);

    // Reconnecting makes the viewer send its state again (sync step 2): still not applied.
    viewer.provider.disconnect();
    viewer.provider.connect();
    await synced(viewer);
    // The server sent its step 1 before the step 2 that synced the viewer, so the viewer's own
    // step 2 is already on the wire; a presence change after it marks when the server has read it.
    viewer.provider.awareness.setLocalStateField('user', { name: 'Vi again' });
    await waitFor(
      () =>
        (editor.provider.awareness.getStates().get(viewer.doc.clientID) as { user?: { name: string } })?.user
          ?.name === 'Vi again',
      "the viewer's presence after its step 2",
    );
    const fresh = client(s.syncUrl, 'board', { token: signToken(secret, 'board', 'editor', 600) });
    await synced(fresh);
    expect(fresh.doc.getText('t').toString()).toBe('from the editor');
    expect(fresh.doc.getMap('m').has('evil')).toBe(false);
  });
});

describe('refused before the websocket upgrade', () => {
  it('expired, forged, tampered, foreign-room and missing tokens get HTTP 401/403', async () => {
    const s = await secured();
    const at = (query: string) => `${s.syncUrl}/board${query}`;
    const expired = signToken(secret, 'board', 'editor', 60, Date.now() - 61_000);
    const forged = signToken(randomBytes(32), 'board', 'editor', 600);
    const viewer = signToken(secret, 'board', 'viewer', 600);
    const [prefix, payload, signature] = viewer.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const tampered = `${prefix}.${Buffer.from(JSON.stringify({ ...claims, role: 'editor' })).toString('base64url')}.${signature}`;
    const otherRoom = signToken(secret, 'other', 'editor', 600);

    expect(await tryUpgrade(at(`?token=${expired}`))).toBe(401);
    expect(await tryUpgrade(at(`?token=${forged}`))).toBe(401);
    expect(await tryUpgrade(at(`?token=${tampered}`))).toBe(401);
    expect(await tryUpgrade(at('?token=garbage'))).toBe(401);
    expect(await tryUpgrade(at(''))).toBe(401);
    expect(await tryUpgrade(at(`?token=${otherRoom}`))).toBe(403);
    expect(await tryUpgrade(`${s.syncUrl}/..%2F..%2Fetc?token=${viewer}`)).toBe(400);
    expect(await tryUpgrade(`${s.url}/elsewhere`)).toBe(404);
    expect(await tryUpgrade(at(`?token=${viewer}`))).toBe('open');
    expect(await tryUpgrade(at(''), { Authorization: `Bearer ${viewer}` })).toBe('open');

    const metrics = s.metrics();
    expect(metrics.connections.refused).toMatchObject({
      'token-expired': 1,
      'token-bad-signature': 2,
      'token-malformed': 1,
      'credential-missing': 1,
      'token-wrong-room': 1,
      'bad-room-name': 1,
    });
    expect(metrics.rooms.opened).toBe(1);

    // The same check over plain HTTP tells a client why (browsers hide upgrade statuses).
    const http = (query: string) => `${s.url}/sync/board${query}`;
    expect(await getJson(http(`?token=${expired}`))).toEqual({
      status: 401,
      body: { error: 'token-expired', message: 'the token has expired' },
    });
    expect(await getJson(http(`?token=${viewer}`))).toEqual({
      status: 200,
      body: { ok: true, room: 'board', role: 'viewer' },
    });
  });

  it('anonymous access: refused from foreign web pages, and refused outright off loopback', async () => {
    const dataDir = tempDir();
    cleanup.push(() => removeDir(dataDir));
    const s = await startSyncServer({ dataDir, allowAnonymous: true, logger: quiet });
    cleanup.push(() => s.close());
    expect(await tryUpgrade(`${s.syncUrl}/board`)).toBe('open');
    expect(await tryUpgrade(`${s.syncUrl}/board`, { Origin: 'http://localhost:5173' })).toBe('open');
    expect(await tryUpgrade(`${s.syncUrl}/board`, { Origin: 'https://evil.example' })).toBe(403);
    await expect(startSyncServer({ dataDir, allowAnonymous: true, host: '0.0.0.0' })).rejects.toThrow(
      /loopback/,
    );
    ensureServerBuild();
    const cli = spawnSync(process.execPath, [
      SERVER_CLI,
      '--allow-anonymous',
      '--host',
      '0.0.0.0',
      '--data-dir',
      dataDir,
    ]);
    expect(cli.status).toBe(2);
    expect(cli.stderr.toString()).toMatch(/anonymous access is only allowed on a loopback address/);
  });
});

describe('token command', () => {
  it('mints tokens from the data directory secret that a server on that directory accepts', async () => {
    const dataDir = tempDir();
    cleanup.push(() => removeDir(dataDir));
    const proc = await spawnServer({ dataDir }); // generates <dataDir>/secret.key
    cleanup.push(() => proc.stop());
    const mint = (role: string) =>
      execFileSync(process.execPath, [
        SERVER_CLI,
        'token',
        '--room',
        'board',
        '--role',
        role,
        '--ttl',
        '8h',
        '--data-dir',
        dataDir,
      ])
        .toString()
        .trim();
    const editorToken = mint('editor');
    // The npm script too (what the docs tell people to run).
    const viaNpm = execFileSync(
      'npm',
      [
        'run',
        '--silent',
        'token',
        '--',
        '--room',
        'board',
        '--role',
        'viewer',
        '--ttl',
        '30m',
        '--data-dir',
        dataDir,
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] },
    )
      .toString()
      .trim();
    expect(viaNpm).toMatch(/^cxb1\.[\w-]+\.[\w-]+$/);

    const editor = connectYClient(proc.syncUrl, 'board', { params: { token: editorToken } });
    const viewer = connectYClient(proc.syncUrl, 'board', { params: { token: viaNpm } });
    cleanup.push(
      () => editor.destroy(),
      () => viewer.destroy(),
    );
    await Promise.all([synced(editor), synced(viewer)]);
    editor.doc.getText('t').insert(0, 'minted');
    await waitFor(() => viewer.doc.getText('t').toString() === 'minted', 'the viewer to receive');
    expect(await tryUpgrade(`${proc.syncUrl}/other?token=${editorToken}`)).toBe(403);

    const bad = spawnSync(process.execPath, [
      SERVER_CLI,
      'token',
      '--room',
      'board',
      '--role',
      'owner',
      '--data-dir',
      dataDir,
    ]);
    expect(bad.status).toBe(2);
    expect(bad.stderr.toString()).toMatch(/--role is editor or viewer/);
    const empty = tempDir();
    cleanup.push(() => removeDir(empty));
    const noSecret = spawnSync(process.execPath, [SERVER_CLI, 'token', '--room', 'x', '--data-dir', empty]);
    expect(noSecret.stderr.toString()).toMatch(/no secret/);
  });
});

describe('join codes', () => {
  it('resolve over HTTP, open their room only, and are withdrawn with their connections', async () => {
    const s = await secured();
    const code = s.createJoinCode('workshop', 'editor');
    s.addJoinCode('view-1234', 'workshop', 'viewer');

    expect(await getJson(`${s.url}/join/${code.toLowerCase()}`)).toEqual({
      status: 200,
      body: {
        room: 'workshop',
        role: 'editor',
        code: code.replace('-', ''),
        syncPath: '/sync',
        params: { code: code.replace('-', '') },
      },
    });
    expect((await getJson(`${s.url}/join/NOPE-NOPE`)).status).toBe(404);

    const participant = client(s.syncUrl, 'workshop', { code });
    const watcher = client(s.syncUrl, 'workshop', { code: 'VIEW1234' });
    await Promise.all([synced(participant), synced(watcher)]);
    participant.doc.getText('t').insert(0, 'joined by code');
    await waitFor(() => watcher.doc.getText('t').toString() === 'joined by code', 'the watcher to receive');
    expect(s.connections().rooms.workshop).toEqual({ editors: 1, viewers: 1 });

    expect(await tryUpgrade(`${s.syncUrl}/other-room?code=${code}`)).toBe(403);
    expect(await tryUpgrade(`${s.syncUrl}/workshop?code=WRONG-CODE`)).toBe(401);

    const closed = new Promise<number>((resolve) =>
      participant.provider.on('connection-close', (event) => resolve(event?.code ?? 0)),
    );
    expect(s.removeJoinCode(code)).toBe(true);
    expect(await closed).toBe(4403);
    // 44xx tells the stock client not to come back: its scheduled reconnect is now a no-op.
    expect(participant.provider.shouldConnect).toBe(false);
    expect(participant.provider.wsconnected).toBe(false);
    // The code no longer opens the room.
    expect(await tryUpgrade(`${s.syncUrl}/workshop?code=${code}`)).toBe(401);
    expect(watcher.provider.wsconnected).toBe(true);
  });

  it('stop answering an address that keeps guessing', async () => {
    const s = await secured();
    s.addJoinCode('REAL-CODE', 'workshop', 'editor');
    for (let i = 0; i < 20; i++) expect((await getJson(`${s.url}/join/GUESS${i}X`)).status).toBe(404);
    expect((await getJson(`${s.url}/join/REAL-CODE`)).status).toBe(429);
    expect(await tryUpgrade(`${s.syncUrl}/workshop?code=REAL-CODE`)).toBe(429);
  });
});

describe('hygiene of refused upgrades', () => {
  it('a refused client never gets a websocket (no open event, no frames)', async () => {
    const s = await secured();
    const ws = new WebSocket(`${s.syncUrl}/board?token=nope`);
    let opened = false;
    ws.on('open', () => {
      opened = true;
    });
    const status = await new Promise<number>((resolve) => {
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('error', () => resolve(-1));
    });
    expect(status).toBe(401);
    expect(opened).toBe(false);
    expect(s.metrics().connections.accepted).toBe(0);
  });
});
