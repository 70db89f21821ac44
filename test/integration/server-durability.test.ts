import { afterEach, describe, expect, it } from 'vitest';
import {
  type YClient,
  connectYClient,
  removeDir,
  type ServerProcess,
  spawnServer,
  synced,
  tempDir,
  waitFor,
} from '../support';

/**
 * Durability: whatever a client has received from the server is on disk, even when the
 * server is killed with SIGKILL the instant the client sees it. The server is the built
 * SERVER_CLI in a child process; the kill comes from the receiving client's own observer.
 */

let cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

function track<T extends { destroy(): void }>(thing: T): T {
  cleanup.push(() => thing.destroy());
  return thing;
}

async function start(dataDir: string): Promise<ServerProcess> {
  const proc = await spawnServer({ dataDir, args: ['--allow-anonymous'] });
  cleanup.push(() => proc.stop('SIGKILL'));
  return proc;
}

/** Reads every item of `room` from a fresh client of a freshly started server. */
async function itemsAfterRestart(dataDir: string, room: string, atLeast: number): Promise<string[]> {
  const proc = await start(dataDir);
  const reader = track(connectYClient(proc.syncUrl, room));
  await synced(reader);
  await waitFor(
    () => reader.doc.getArray('items').length >= atLeast,
    `${atLeast} items after the restart`,
    2000,
  ).catch(() => {});
  const items = reader.doc.getArray<string>('items').toArray();
  reader.destroy();
  await proc.stop('SIGTERM');
  return items;
}

describe('SIGKILL durability', () => {
  it('keeps every update another client received, across five kill -9 rounds during a stream of edits', async () => {
    const dataDir = tempDir();
    cleanup.push(() => removeDir(dataDir));
    const room = 'durable-board';
    let everReceived: string[] = [];

    for (let round = 0; round < 5; round++) {
      const proc = await start(dataDir);
      const writer = track(connectYClient(proc.syncUrl, room));
      const receiver = track(connectYClient(proc.syncUrl, room));
      await Promise.all([synced(writer), synced(receiver)]);

      // The receiver kills the server the moment it has seen 40 new items from this round.
      const target = receiver.doc.getArray('items').length + 40;
      let receivedAtKill: string[] | null = null;
      receiver.doc.getArray<string>('items').observe(() => {
        const items = receiver.doc.getArray<string>('items');
        if (receivedAtKill === null && items.length >= target) {
          receivedAtKill = items.toArray();
          proc.child.kill('SIGKILL');
        }
      });
      // The writer streams edits (single pushes and small transactions) until the server dies.
      let n = 0;
      const stream = setInterval(() => {
        writer.doc.transact(() => {
          for (let k = 0; k <= n % 3; k++) writer.doc.getArray<string>('items').push([`r${round}-${n}-${k}`]);
        });
        n++;
      }, 2);
      await waitFor(() => receivedAtKill !== null, 'the receiver to reach its target');
      await proc.stop('SIGKILL');
      clearInterval(stream);
      expect(proc.child.signalCode).toBe('SIGKILL');
      writer.destroy();
      receiver.destroy();

      everReceived = receivedAtKill!;
      const stored = await itemsAfterRestart(dataDir, room, everReceived.length);
      const storedSet = new Set(stored);
      const missing = everReceived.filter((item) => !storedSet.has(item));
      expect(missing, `round ${round}: received but lost`).toEqual([]);
      // Order is the CRDT's order: the stored list starts with exactly what was received.
      expect(stored.slice(0, everReceived.length)).toEqual(everReceived);
    }
    expect(everReceived.length).toBeGreaterThanOrEqual(200);
  });

  it('keeps what a joining client received in its first sync (step 2), killed right then', async () => {
    const dataDir = tempDir();
    cleanup.push(() => removeDir(dataDir));
    const proc = await start(dataDir);
    const writer: YClient = track(connectYClient(proc.syncUrl, 'joiners'));
    await synced(writer);
    for (let i = 0; i < 300; i++) writer.doc.getArray<string>('items').push([`item-${i}`]);
    // Do not wait for anything: the joiner asks while the edits are still arriving.
    const joiner = track(connectYClient(proc.syncUrl, 'joiners'));
    let seen: string[] | null = null;
    joiner.provider.on('sync', (isSynced: boolean) => {
      if (isSynced && seen === null) {
        seen = joiner.doc.getArray<string>('items').toArray();
        proc.child.kill('SIGKILL');
      }
    });
    await waitFor(() => seen !== null, 'the joiner to sync');
    await proc.stop('SIGKILL');
    writer.destroy();
    joiner.destroy();
    expect(seen!.length).toBeGreaterThan(0);
    const stored = await itemsAfterRestart(dataDir, 'joiners', seen!.length);
    expect(stored.slice(0, seen!.length)).toEqual(seen);
  });
});
