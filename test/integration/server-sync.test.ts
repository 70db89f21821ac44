import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { type Logger, type SyncServer, startSyncServer } from '../../server/index';
import { type YClient, connectYClient, removeDir, spawnServer, synced, tempDir, waitFor } from '../support';

/**
 * Stock y-websocket clients editing through the server: they converge, presence flows,
 * offline edits merge, and a restarted server still has every room.
 */

const quiet: Logger = () => {};
let cleanup: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

async function server(
  dataDir: string,
  options: { roomIdleMs?: number; port?: number } = {},
): Promise<SyncServer> {
  const started = await startSyncServer({ dataDir, allowAnonymous: true, logger: quiet, ...options });
  cleanup.push(() => started.close());
  return started;
}

function client(syncUrl: string, room: string): YClient {
  const made = connectYClient(syncUrl, room);
  cleanup.push(() => made.destroy());
  return made;
}

function dir(): string {
  const made = tempDir();
  cleanup.push(() => removeDir(made));
  return made;
}

describe('three stock clients in one room', () => {
  it('edit the same structures concurrently and converge', async () => {
    const s = await server(dir());
    const clients = [
      client(s.syncUrl, 'board-1'),
      client(s.syncUrl, 'board-1'),
      client(s.syncUrl, 'board-1'),
    ];
    await Promise.all(clients.map((c) => synced(c)));

    // Same text, same map keys, same array, all at once, with deletes in the mix.
    clients.forEach((c, i) => {
      const text = c.doc.getText('card');
      const cells = c.doc.getMap<string>('cells');
      const list = c.doc.getArray<string>('list');
      for (let round = 0; round < 30; round++) {
        c.doc.transact(() => {
          text.insert(Math.min(round, text.length), `${i}`);
          cells.set(`cell-${round % 5}`, `client ${i} round ${round}`);
          list.insert(0, [`${i}:${round}`]);
          if (round % 4 === 3 && list.length > 2) list.delete(1, 1);
          if (round % 7 === 6 && text.length > 3) text.delete(0, 2);
        });
      }
    });

    const state = (c: YClient) =>
      JSON.stringify([
        c.doc.getText('card').toString(),
        c.doc.getMap('cells').toJSON(),
        c.doc.getArray('list').toJSON(),
      ]);
    await waitFor(() => new Set(clients.map(state)).size === 1, 'the three clients to converge');
    const list = clients[0]!.doc.getArray<string>('list').toArray();
    expect(list.length).toBeGreaterThan(0);
    // Each client's own inserts (minus its deletes) are there, from every client.
    for (const i of [0, 1, 2]) expect(list.some((entry) => entry.startsWith(`${i}:`))).toBe(true);
    // And a late joiner gets the same state from the server alone.
    const late = client(s.syncUrl, 'board-1');
    await synced(late);
    await waitFor(() => state(late) === state(clients[0]!), 'a late joiner to catch up');
  });

  it('relay presence (awareness) and drop it when a client leaves', async () => {
    const s = await server(dir());
    const [a, b] = [client(s.syncUrl, 'board-2'), client(s.syncUrl, 'board-2')];
    await Promise.all([synced(a), synced(b)]);
    a.provider.awareness.setLocalStateField('user', { name: 'Ann', color: '#f00' });
    await waitFor(
      () =>
        (b.provider.awareness.getStates().get(a.doc.clientID) as { user?: { name: string } })?.user?.name ===
        'Ann',
      'b to see Ann',
    );
    a.destroy();
    await waitFor(() => !b.provider.awareness.getStates().has(a.doc.clientID), 'Ann to disappear');
  });

  it('keep rooms apart', async () => {
    const s = await server(dir());
    const [a, aPeer] = [client(s.syncUrl, 'room-a'), client(s.syncUrl, 'room-a')];
    const [b, bPeer] = [client(s.syncUrl, 'room-b'), client(s.syncUrl, 'room-b')];
    await Promise.all([a, aPeer, b, bPeer].map((c) => synced(c)));
    a.doc.getText('t').insert(0, 'only in a');
    // Once a's own room has it, the server has sent it wherever it was going to send it.
    await waitFor(() => aPeer.doc.getText('t').toString() === 'only in a', "a's room to get the edit");
    // A marker sent in room b after that reaches b behind anything that leaked on b's socket.
    bPeer.doc.getMap('m').set('marker', 'b');
    await waitFor(() => b.doc.getMap('m').get('marker') === 'b', "b to get its own room's marker");
    expect(b.doc.getText('t').toString()).toBe('');
  });

  it('merge edits made offline on both sides when the client comes back', async () => {
    const s = await server(dir());
    const [a, b] = [client(s.syncUrl, 'board-3'), client(s.syncUrl, 'board-3')];
    await Promise.all([synced(a), synced(b)]);
    a.doc.getArray<string>('cards').push(['before']);
    await waitFor(() => b.doc.getArray('cards').length === 1, 'b to receive the first card');
    a.provider.disconnect();
    a.doc.getArray<string>('cards').push(['offline on a']);
    b.doc.getArray<string>('cards').push(['online on b']);
    a.provider.connect();
    const cards = (c: YClient) => [...c.doc.getArray<string>('cards').toArray()].sort();
    await waitFor(() => cards(a).length === 3 && cards(b).length === 3, 'both sides to merge');
    expect(cards(a)).toEqual(['before', 'offline on a', 'online on b']);
    expect(cards(b)).toEqual(cards(a));
  });
});

/** The parts of a doc the restart test writes, as JSON. */
function contents(doc: Y.Doc): string {
  return JSON.stringify({ t: doc.getText('t').toString(), m: doc.getMap('m').toJSON() });
}

describe('server restarts', () => {
  it('a restarted server process has every room exactly as it was', async () => {
    const dataDir = dir();
    let proc = await spawnServer({ dataDir, args: ['--allow-anonymous'] });
    cleanup.push(() => proc.stop());
    const expected = new Map<string, string>();
    for (const room of ['alpha', 'Beta', 'gamma-3']) {
      const c = connectYClient(proc.syncUrl, room);
      await synced(c);
      c.doc.getText('t').insert(0, `text of ${room}`);
      c.doc.getMap('m').set('deleted', 'soon');
      c.doc.getMap('m').delete('deleted');
      c.doc.getMap('m').set('kept', room);
      expected.set(room, contents(c.doc));
      // Wait for the server to have it: a second client sees it.
      const witness = connectYClient(proc.syncUrl, room);
      await waitFor(() => contents(witness.doc) === expected.get(room), `${room} to reach the server`);
      c.destroy();
      witness.destroy();
    }
    await proc.stop('SIGTERM');
    expect(proc.output()).toMatch(/SIGTERM: closing connections/);
    proc = await spawnServer({ dataDir, args: ['--allow-anonymous'], port: proc.port });
    for (const [room, json] of expected) {
      const c = connectYClient(proc.syncUrl, room);
      await waitFor(() => contents(c.doc) === json, `${room} to load after the restart`);
      c.destroy();
    }
  });

  it('an in-process server closes cleanly: everything is in the snapshot and the lock is released', async () => {
    const dataDir = dir();
    const first = await startSyncServer({ dataDir, allowAnonymous: true, logger: quiet });
    const c = connectYClient(first.syncUrl, 'board');
    await synced(c);
    c.doc.getText('t').insert(0, 'closing soon');
    await waitFor(() => first.metrics().updates.applied >= 1, 'the server to store the edit');
    await first.close();
    c.destroy();
    expect(fs.existsSync(path.join(dataDir, 'server.lock'))).toBe(false);
    expect(fs.readdirSync(path.join(dataDir, 'rooms')).sort()).toEqual(['r-board.ylog', 'r-board.ysnap']);
    expect(fs.statSync(path.join(dataDir, 'rooms', 'r-board.ylog')).size).toBe(8); // header only
    const second = await server(dataDir);
    const again = client(second.syncUrl, 'board');
    await waitFor(() => again.doc.getText('t').toString() === 'closing soon', 'the text after reopening');
  });
});

describe('room lifecycle', () => {
  it('unloads rooms nobody uses and loads them again on demand', async () => {
    const s = await server(dir(), { roomIdleMs: 100 });
    for (let i = 0; i < 20; i++) {
      const c = connectYClient(s.syncUrl, `room-${i}`);
      await synced(c);
      c.doc.getText('t').insert(0, `room ${i}`);
      await waitFor(() => s.metrics().updates.applied === i + 1, 'the edit to be stored');
      c.destroy();
    }
    await waitFor(() => s.metrics().rooms.loaded === 0, 'idle rooms to unload');
    expect(s.metrics().rooms).toMatchObject({ opened: 20, unloaded: 20 });
    const back = client(s.syncUrl, 'room-7');
    await waitFor(() => back.doc.getText('t').toString() === 'room 7', 'room 7 to load again');
    expect(s.metrics().rooms.loaded).toBe(1);
  });

  it('tells an embedding app who is connected', async () => {
    const s = await server(dir());
    const seen: number[] = [];
    const stop = s.onConnectionsChange((summary) => seen.push(summary.total));
    const a = client(s.syncUrl, 'workshop');
    const b = client(s.syncUrl, 'workshop');
    await Promise.all([synced(a), synced(b)]);
    expect(s.connections()).toEqual({ total: 2, rooms: { workshop: { editors: 2, viewers: 0 } } });
    a.destroy();
    await waitFor(() => s.connections().total === 1, 'a to leave');
    stop();
    expect(seen).toEqual([1, 2, 1]);
  });
});
