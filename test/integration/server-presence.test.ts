import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { encodeAwarenessMessage } from '../../server/protocol';
import {
  connectYClient,
  metricsOf,
  type ServerProcess,
  spawnServer,
  synced,
  waitFor,
  type YClient,
} from '../support';

/**
 * Presence (awareness) as the server keeps it: only the connection that announced a client
 * id may change or remove it, a flood of peers leaves nothing behind, a joiner is sent a
 * bounded amount, and a deeply nested state is refused.
 */

let cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

async function server(): Promise<ServerProcess> {
  const s = await spawnServer({ args: ['--allow-anonymous'] });
  cleanup.push(() => s.stop());
  return s;
}

function client(s: ServerProcess, room: string, name: string): YClient {
  const c = connectYClient(s.syncUrl, room);
  c.provider.awareness.setLocalState({ user: { name } });
  cleanup.push(() => c.destroy());
  return c;
}

/** An awareness update for `clientId` at `clock` with `state` (null: removal). */
function presence(clientId: number, clock: number, state: Record<string, unknown> | null): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState(state);
  const meta = awareness.meta.get(clientId);
  if (meta) meta.clock = clock;
  if (state === null) awareness.states.delete(clientId);
  const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [clientId]);
  awareness.destroy();
  return encodeAwarenessMessage(update);
}

function open(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

function nameOf(c: YClient, clientId: number): unknown {
  return (c.provider.awareness.getStates().get(clientId) as { user?: { name?: string } } | undefined)?.user
    ?.name;
}

describe('presence', () => {
  it('only the connection that announced a client id may change or remove it', async () => {
    const s = await server();
    const ann = client(s, 'room', 'Ann');
    const bob = client(s, 'room', 'Bob');
    await Promise.all([synced(ann), synced(bob)]);
    const annId = ann.doc.clientID;
    await waitFor(() => nameOf(bob, annId) === 'Ann', 'Bob to see Ann');

    const mallory = await open(`${s.syncUrl}/room`);
    cleanup.push(() => mallory.terminate());
    mallory.send(presence(annId, 1000, { user: { name: 'Mallory' } }));
    mallory.send(presence(annId, 2000, null));
    // A marker sent after the forged entries: once Bob sees it, the forgeries were handled.
    mallory.send(presence(4242, 1, { user: { name: 'marker' } }));
    await waitFor(() => nameOf(bob, 4242) === 'marker', 'Bob to see the marker');
    expect(nameOf(bob, annId)).toBe('Ann');
    expect((await metricsOf(s.url)).presence.refused).toBe(2);

    // A newcomer sees Ann as Ann too; when Mallory leaves, her marker goes, Ann stays.
    const cem = client(s, 'room', 'Cem');
    await waitFor(() => nameOf(cem, annId) === 'Ann' && nameOf(cem, 4242) === 'marker', 'Cem to see both');
    mallory.close();
    await waitFor(() => !cem.provider.awareness.getStates().has(4242), 'the marker to go');
    expect(nameOf(cem, annId)).toBe('Ann');
  });

  it('a presence flood leaves nothing behind, a joiner gets a bounded amount, deep states are refused', async () => {
    const s = await server();
    const ann = client(s, 'flood', 'Ann');
    await synced(ann);
    await waitFor(async () => (await metricsOf(s.url)).presence.states === 1, 'Ann to be present');
    const before = await metricsOf(s.url);
    const big = 'x'.repeat(15_000);
    let nextId = 1_000_000;
    const ROUNDS = 5;
    const PEERS = 40;
    for (let round = 0; round < ROUNDS; round++) {
      const peers = await Promise.all(Array.from({ length: PEERS }, () => open(`${s.syncUrl}/flood`)));
      for (const ws of peers)
        for (let i = 0; i < 4; i++) ws.send(presence(nextId++, 1, { user: { name: big } }));
      const present = async () => (await metricsOf(s.url)).presence;
      // 40 peers × 4 × 15 KB = 2.4 MB offered: the room keeps at most its 2 MiB budget.
      await waitFor(
        async () => (await present()).states + (await present()).refused > 0,
        'the flood to arrive',
      );
      if (round === 0) {
        const joiner = await open(`${s.syncUrl}/flood`);
        cleanup.push(() => joiner.terminate());
        const sizes: number[] = [];
        joiner.on('message', (data: Buffer) => data[0] === 1 && sizes.push(data.byteLength));
        await waitFor(() => sizes.length > 0, 'the joiner to be sent presence');
        expect(sizes[0]).toBeLessThanOrEqual(2 * 1024 * 1024 + 64 * 1024);
        joiner.terminate();
      }
      for (const ws of peers) ws.close();
      await waitFor(async () => (await present()).states === 1, 'the flood to leave', 30_000);
    }
    const after = await metricsOf(s.url);
    expect(after.presence.bytes).toBe(before.presence.bytes);
    console.info(
      `presence flood: ${ROUNDS * PEERS} connections × 4 ids × 15 KB (${nextId - 1_000_000} ids): server RSS ` +
        `${(before.process.rssBytes / 1048576).toFixed(0)} → ${(after.process.rssBytes / 1048576).toFixed(0)} MB, ` +
        `presence held after: ${after.presence.states} state(s), ${after.presence.bytes} bytes; ` +
        `${after.presence.refused} entries refused over the room budget`,
    );

    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = [deep];
    const deepPeer = await open(`${s.syncUrl}/flood`);
    const closed = new Promise<number>((resolve) => deepPeer.on('close', (code) => resolve(code)));
    deepPeer.send(presence(77, 1, { user: { name: 'deep' }, nested: deep }));
    expect(await closed).toBe(1007);
    const late = client(s, 'flood', 'Late');
    await waitFor(() => nameOf(late, ann.doc.clientID) === 'Ann', 'a joiner to see Ann');
    expect(late.provider.awareness.getStates().has(77)).toBe(false);
  }, 180_000);
});
