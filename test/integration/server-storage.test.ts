import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { HEADER_BYTES, readRecords } from '../../server/persistence/records';
import { type Logger, startSyncServer } from '../../server/index';
import {
  connectYClient,
  getJson,
  removeDir,
  type ServerProcess,
  spawnServer,
  synced,
  tempDir,
  waitFor,
  type YClient,
} from '../support';

/**
 * Storage under damage and a full disk, with real servers and real files: a damaged room
 * log costs only its damaged record, a damaged header costs nothing, a compaction that
 * runs out of disk space leaves no temp file and does not drop the room.
 */

let cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

function track(client: YClient): YClient {
  cleanup.push(() => client.destroy());
  return client;
}

async function start(dataDir: string): Promise<ServerProcess> {
  const proc = await spawnServer({ dataDir, args: ['--allow-anonymous'] });
  cleanup.push(() => proc.stop('SIGKILL'));
  return proc;
}

const ROOM = 'damaged-board';
const logPath = (dataDir: string) => path.join(dataDir, 'rooms', `r-${ROOM}.ylog`);

/**
 * Writes `count` items, one update each from its own client id (as many participants
 * would), and kills the server with SIGKILL once another client has received them all:
 * the log then holds one record per item (no compaction). Returns the writer's document.
 * (Updates of one client id depend on each other: Yjs holds a client's later updates back
 * until its earlier ones arrive. The last test shows that case.)
 */
async function writeItemsAndKill(dataDir: string, count: number, oneClient = false): Promise<Y.Doc> {
  const proc = await start(dataDir);
  const writer = track(connectYClient(proc.syncUrl, ROOM));
  const reader = track(connectYClient(proc.syncUrl, ROOM));
  await Promise.all([synced(writer), synced(reader)]);
  for (let i = 0; i < count; i++) {
    const key = `item-${String(i).padStart(3, '0')}`;
    if (oneClient) {
      writer.doc.getMap<string>('items').set(key, 'x');
    } else {
      const participant = new Y.Doc();
      participant.getMap<string>('items').set(key, 'x');
      Y.applyUpdate(writer.doc, Y.encodeStateAsUpdate(participant));
    }
  }
  await waitFor(() => reader.doc.getMap('items').size === count, `${count} items at the reader`);
  await proc.stop('SIGKILL');
  writer.destroy();
  reader.destroy();
  return writer.doc;
}

function itemsIn(doc: Y.Doc): string[] {
  return [...doc.getMap<string>('items').keys()].sort();
}

/** What a fresh client of a restarted server sees, and the server's damage counters. */
async function restartAndRead(dataDir: string, expected: number) {
  const proc = await start(dataDir);
  const reader = track(connectYClient(proc.syncUrl, ROOM));
  await synced(reader);
  await waitFor(() => reader.doc.getMap('items').size >= expected, `${expected} items after the restart`);
  const metrics = (await getJson(`${proc.url}/metrics`)).body as {
    persistence: { damagedFiles: number; damagedBytes: number };
  };
  return { proc, reader, items: itemsIn(reader.doc), metrics, output: proc.output() };
}

/** The items that the records of a log hold, applied in order to a fresh document. */
function itemsOf(records: Uint8Array[]): string[] {
  const doc = new Y.Doc();
  for (const record of records) Y.applyUpdate(doc, record);
  return itemsIn(doc);
}

/** Overwrites 16 bytes inside the middle record of the room's log; returns the records and that index. */
function damageMiddleRecord(dataDir: string): { records: Uint8Array[]; middle: number } {
  const bytes = fs.readFileSync(logPath(dataDir));
  const records = readRecords(bytes, 'log').records.map((record) => Uint8Array.from(record));
  const middle = Math.floor(records.length / 2);
  const at = bytes.indexOf(Buffer.from(records[middle]!)) + 1;
  bytes.fill(0x00, at, at + 16);
  fs.writeFileSync(logPath(dataDir), bytes);
  return { records, middle };
}

describe('a damaged room log', () => {
  it('loses only the damaged record: 16 bad bytes in the middle keep the intact records after them', async () => {
    const dataDir = tempDir();
    cleanup.push(() => removeDir(dataDir));
    await writeItemsAndKill(dataDir, 101);
    const { records, middle } = damageMiddleRecord(dataDir);
    expect(records).toHaveLength(101);
    const after = itemsOf(records.slice(middle + 1));
    expect(after).toHaveLength(50);

    const { items, metrics, output } = await restartAndRead(dataDir, 100);
    expect(items).toEqual(itemsOf([...records.slice(0, middle), ...records.slice(middle + 1)]));
    expect(items).toHaveLength(100);
    for (const item of after) expect(items).toContain(item);
    expect(metrics.persistence.damagedFiles).toBe(1);
    expect(metrics.persistence.damagedBytes).toBeGreaterThanOrEqual(16);
    expect(output).toMatch(
      /damaged-board: log .* was damaged: \d+ unreadable bytes .* set aside in .*kept 100 valid records/,
    );
    const damagedDir = path.join(dataDir, 'rooms', 'damaged');
    const [aside] = fs.readdirSync(damagedDir);
    expect(fs.readFileSync(path.join(damagedDir, aside!)).includes(Buffer.alloc(16))).toBe(true);
  });

  it('keeps the records after a lost one of the same client, and integrates them when that client returns', async () => {
    const dataDir = tempDir();
    cleanup.push(() => removeDir(dataDir));
    const writerDoc = await writeItemsAndKill(dataDir, 101, true);
    const { records, middle } = damageMiddleRecord(dataDir);
    // The records after the lost one wait for it (Yjs needs a client's updates in order)...
    const { proc, reader, items } = await restartAndRead(dataDir, middle);
    expect(items).toHaveLength(middle);
    // ...and were kept: when the writer reconnects with its copy, its sync handshake
    // sends the lost update, and the server's stored records complete the board.
    const back = track(connectYClient(proc.syncUrl, ROOM, { doc: writerDoc }));
    await synced(back);
    await waitFor(() => reader.doc.getMap('items').size === 101, 'all 101 items at the reader');
    expect(itemsIn(reader.doc)).toEqual(itemsOf(records));
  });

  it('keeps every record when one bit of the log header is flipped', async () => {
    const dataDir = tempDir();
    cleanup.push(() => removeDir(dataDir));
    await writeItemsAndKill(dataDir, 100);
    const bytes = fs.readFileSync(logPath(dataDir));
    bytes[5]! ^= 0x20;
    fs.writeFileSync(logPath(dataDir), bytes);

    const { items, metrics, output } = await restartAndRead(dataDir, 100);
    expect(items).toHaveLength(100);
    expect(metrics.persistence).toMatchObject({ damagedFiles: 1, damagedBytes: HEADER_BYTES });
    expect(output).toMatch(/8 unreadable bytes \(8 at byte 0\)/);
  });
});

/** Mounts a small tmpfs, or says why this process may not mount one. */
function mountTmpfs(sizeBytes: number): { dir: string; unmount(): void } | { reason: string } {
  const dir = tempDir('cxb-tmpfs-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeBytes}`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    removeDir(dir);
    return { reason: `cannot mount a tmpfs here (${String(error).split('\n')[0]})` };
  }
  return {
    dir,
    unmount() {
      execFileSync('umount', [dir]);
      removeDir(dir);
    },
  };
}

/** Whether this process may mount a tmpfs (root in a container that allows it): else the disk-full tests are skipped. */
const noTmpfs = (() => {
  const probe = mountTmpfs(64 * 1024);
  if ('reason' in probe) return probe.reason;
  probe.unmount();
  return null;
})();
if (noTmpfs !== null) console.warn(`server-storage: disk-full tests skipped: ${noTmpfs}`);

/** A fresh 2 MiB tmpfs for one test, unmounted after it. */
function smallDisk(): { dir: string } {
  const disk = mountTmpfs(2 * 1024 * 1024);
  if ('reason' in disk) throw new Error(disk.reason);
  cleanup.push(() => disk.unmount());
  return disk;
}

/** Free bytes on the file system of `dir`. */
function freeBytes(dir: string): number {
  const stats = fs.statfsSync(dir);
  return stats.bavail * stats.bsize;
}

describe('a full disk', () => {
  it.skipIf(noTmpfs !== null)(
    'a compaction that runs out of space removes its temp file and backs off; the room stays up',
    async () => {
      const tmpfs = smallDisk();
      const dataDir = path.join(tmpfs.dir, 'data');
      const lines: string[] = [];
      const logger: Logger = (level, message) => lines.push(`${level} ${message}`);
      const server = await startSyncServer({
        dataDir,
        allowAnonymous: true,
        compactAfterBytes: 4096,
        logger,
      });
      cleanup.push(() => server.close());
      const writer = track(connectYClient(server.syncUrl, ROOM));
      const reader = track(connectYClient(server.syncUrl, ROOM));
      await Promise.all([synced(writer), synced(reader)]);
      let disconnects = 0;
      writer.provider.on('status', ({ status }: { status: string }) => {
        if (status === 'disconnected') disconnects++;
      });

      // Leave about 160 KB free, then write a 100 KB item: the log takes it, the snapshot
      // of the whole board (another 100 KB) no longer fits.
      fs.writeFileSync(path.join(tmpfs.dir, 'filler'), Buffer.alloc(freeBytes(tmpfs.dir) - 160 * 1024));
      writer.doc.getMap<string>('items').set('big', 'x'.repeat(100 * 1024));
      await waitFor(() => server.metrics().persistence.compactionFailures === 1, 'a failed compaction');
      expect(fs.readdirSync(path.join(dataDir, 'rooms')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
      expect(lines.join('\n')).toMatch(/compaction failed .*ENOSPC.*temp file was removed/);

      // The room goes on: small edits are stored and relayed, no new compaction is tried
      // (backing off), nobody is disconnected, the room is never reloaded.
      for (let i = 0; i < 40; i++) writer.doc.getMap<string>('items').set(`small-${i}`, 'x');
      await waitFor(() => reader.doc.getMap('items').size === 41, 'the small edits at the reader');
      const metrics = server.metrics();
      expect(metrics.persistence).toMatchObject({ compactionFailures: 1, storageFailures: 0 });
      expect(metrics.rooms.opened).toBe(1);
      expect(disconnects).toBe(0);

      // Space again: stopping the server compacts, and everything is there after a restart.
      fs.rmSync(path.join(tmpfs.dir, 'filler'));
      writer.destroy();
      reader.destroy();
      await server.close();
      const again = await startSyncServer({ dataDir, allowAnonymous: true, logger });
      cleanup.push(() => again.close());
      const check = track(connectYClient(again.syncUrl, ROOM));
      await synced(check);
      await waitFor(() => check.doc.getMap('items').size === 41, 'every item after the restart');
      expect(fs.statSync(logPath(dataDir)).size).toBe(HEADER_BYTES);
    },
  );

  it.skipIf(noTmpfs !== null)(
    'when appends fail the room stays closed for a doubling wait (no reload loop) and nothing is lost',
    async () => {
      const tmpfs = smallDisk();
      const dataDir = path.join(tmpfs.dir, 'data');
      const server = await startSyncServer({ dataDir, allowAnonymous: true, logger: () => {} });
      cleanup.push(() => server.close());
      const writer = track(connectYClient(server.syncUrl, ROOM));
      const reader = track(connectYClient(server.syncUrl, ROOM));
      await Promise.all([synced(writer), synced(reader)]);

      // Fill the disk to the last byte.
      const filler = path.join(tmpfs.dir, 'filler');
      fs.writeFileSync(filler, Buffer.alloc(freeBytes(tmpfs.dir)));
      for (;;) {
        try {
          fs.appendFileSync(filler, Buffer.alloc(1024));
        } catch {
          break;
        }
      }
      writer.doc.getMap<string>('items').set('written-while-full', 'x'.repeat(20_000));
      await waitFor(() => server.metrics().persistence.storageFailures === 1, 'the first failed append');
      const firstFailure = Date.now();
      // The clients reconnect at once and are refused while the room waits...
      await waitFor(
        () => (server.metrics().connections.refused['room-unavailable'] ?? 0) >= 1,
        'a refused reconnect',
      );
      // ...and it reopens after 1 s, fails again (the disk is still full), then waits 2 s.
      await waitFor(() => server.metrics().persistence.storageFailures === 2, 'the second failed append');
      expect(Date.now() - firstFailure).toBeGreaterThanOrEqual(950);
      expect(server.metrics().rooms.opened).toBe(2);

      // Space again: the writer's handshake sends its change, which is stored and relayed.
      fs.rmSync(filler);
      await waitFor(
        () => reader.doc.getMap('items').has('written-while-full'),
        'the change at the reader',
        15_000,
      );
      expect(server.metrics().persistence.storageFailures).toBe(2);
      expect(server.metrics().rooms.opened).toBe(3);
    },
  );
});
