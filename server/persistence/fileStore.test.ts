import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { crc32 } from 'node:zlib';
import {
  DAMAGED_DIR,
  FileRoomStore,
  type FileSystem,
  lockDataDir,
  StorageBackoffError,
  StorageError,
} from './fileStore';
import { encodeRecord, fileHeader, HEADER_BYTES, readRecords } from './records';

let dataDir: string;

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cxb-store-'));
});
afterEach(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Rebuilds a document from what the store returns for `room`, then closes the room. */
function load(store: FileRoomStore, room: string): Y.Doc {
  const { files, updates } = store.open(room);
  files.close();
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc;
}

/** A doc whose every change is appended to the room's log, like the server does. */
function editedDoc(store: FileRoomStore, room: string, words: string[]) {
  const { files } = store.open(room);
  const doc = new Y.Doc();
  doc.on('update', (update: Uint8Array) => files.append(update));
  for (const word of words) doc.getArray<string>('words').push([word]);
  return { doc, files };
}

function flipByte(buffer: Buffer, index: number, mask: number): void {
  buffer.writeUInt8(buffer.readUInt8(index) ^ mask, index);
}

const logFile = (room: string) => path.join(dataDir, 'rooms', `r-${room}.ylog`);
const snapshotFile = (room: string) => path.join(dataDir, 'rooms', `r-${room}.ysnap`);
const damagedFiles = () => {
  const dir = path.join(dataDir, 'rooms', DAMAGED_DIR);
  return fs.existsSync(dir) ? fs.readdirSync(dir).map((name) => path.join(dir, name)) : [];
};

/** A record in the previous format (version 1): `[u32 length][u32 CRC-32 of payload][payload]`. */
function encodeV1Record(payload: Uint8Array): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt32LE(payload.length, 0);
  header.writeUInt32LE(crc32(payload), 4);
  return Buffer.concat([header, payload]);
}

/** `count` distinct payloads of varying length. */
function payloads(count: number): Uint8Array[] {
  return Array.from({ length: count }, (_, i) => new Uint8Array(20 + (i % 7)).fill(i + 1));
}

/**
 * The real file system, except that writes to files matching `full` fail with ENOSPC
 * (what a full disk does), counted in `failedWrites`.
 */
function diskThatFills() {
  const failingFds = new Set<number>();
  const disk = {
    full: (_file: string): boolean => false,
    failedWrites: 0,
    fileSystem: {
      ...fs,
      openSync: ((file: fs.PathLike, ...rest: unknown[]) => {
        const fd = (fs.openSync as (...args: unknown[]) => number)(file, ...rest);
        if (disk.full(String(file))) failingFds.add(fd);
        else failingFds.delete(fd);
        return fd;
      }) as typeof fs.openSync,
      writeSync: ((fd: number, ...rest: unknown[]) => {
        if (failingFds.has(fd)) {
          disk.failedWrites++;
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        }
        return (fs.writeSync as (...args: unknown[]) => number)(fd, ...rest);
      }) as typeof fs.writeSync,
    } satisfies FileSystem,
  };
  return disk;
}

describe('record framing', () => {
  it('reads back what it wrote', () => {
    const file = Buffer.concat([fileHeader('log'), ...payloads(3).map((p) => encodeRecord(p))]);
    const read = readRecords(file, 'log');
    expect(read).toMatchObject({ version: 2, headerValid: true, damaged: [] });
    expect(read.records).toEqual(payloads(3).map((p) => Buffer.from(p)));
  });

  it('skips damaged bytes to the next record, in both formats', () => {
    for (const [version, encode, header] of [
      [2, encodeRecord, fileHeader('log')],
      [1, encodeV1Record, Buffer.from('CXBLOG1\n', 'latin1')],
    ] as const) {
      const records = payloads(100).map((p) => encode(p));
      const file = Buffer.concat([header, ...records]);
      // 16 bad bytes in the middle of record 49 (0-based).
      const at = HEADER_BYTES + records.slice(0, 49).reduce((sum, r) => sum + r.length, 0) + 5;
      file.fill(0xee, at, at + 16);
      const read = readRecords(file, 'log');
      expect(read.version).toBe(version);
      expect(read.records).toHaveLength(99);
      expect(read.records.slice(49)).toEqual(
        payloads(100)
          .slice(50)
          .map((p) => Buffer.from(p)),
      );
      expect(read.damaged).toEqual([{ offset: at - 5, length: records[49]!.length }]);
    }
  });

  it('reads every record when one bit of the file header is flipped, in both formats', () => {
    for (const header of [fileHeader('log'), Buffer.from('CXBLOG1\n', 'latin1')]) {
      const encode = header.equals(fileHeader('log')) ? encodeRecord : encodeV1Record;
      for (let bit = 0; bit < 64; bit += 9) {
        const file = Buffer.concat([header, ...payloads(100).map((p) => encode(p))]);
        flipByte(file, bit >> 3, 1 << (bit & 7));
        const read = readRecords(file, 'log');
        expect(read.records, `bit ${bit}`).toHaveLength(100);
        expect(read).toMatchObject({ headerValid: false, damaged: [{ offset: 0, length: 8 }] });
      }
    }
  });

  it('never trusts a damaged length: a record whose length field is wrong is skipped alone', () => {
    const records = payloads(3).map((p) => encodeRecord(p));
    const file = Buffer.concat([fileHeader('log'), ...records]);
    file.writeUInt32LE(1, HEADER_BYTES + 4); // first record claims 1 byte
    const read = readRecords(file, 'log');
    expect(read.records).toEqual(
      payloads(3)
        .slice(1)
        .map((p) => Buffer.from(p)),
    );
  });
});

describe('file room store', () => {
  it('replays the log after a restart', () => {
    const store = new FileRoomStore(dataDir);
    const { files } = editedDoc(store, 'board', ['one', 'two', 'three']);
    files.close();
    expect(load(new FileRoomStore(dataDir), 'board').getArray('words').toArray()).toEqual([
      'one',
      'two',
      'three',
    ]);
  });

  it('has appended records in the file the moment append returns (what SIGKILL leaves)', () => {
    const store = new FileRoomStore(dataDir);
    const { files } = editedDoc(store, 'board', ['kept']);
    // Read the file while it is still open and unflushed, as a restarted process would.
    const read = readRecords(fs.readFileSync(logFile('board')), 'log');
    expect(read.damaged).toEqual([]);
    const doc = new Y.Doc();
    for (const record of read.records) Y.applyUpdate(doc, record);
    expect(doc.getArray('words').toArray()).toEqual(['kept']);
    files.close();
  });

  it('sets a half-written last record aside and keeps everything before it', () => {
    const store = new FileRoomStore(dataDir);
    const { files } = editedDoc(store, 'board', ['a', 'b', 'c']);
    files.close();
    const whole = fs.readFileSync(logFile('board'));
    // A crash in the middle of writing a fourth record: its header and half its payload.
    const torn = encodeRecord(new Uint8Array(40).fill(7)).subarray(0, 25);
    fs.writeFileSync(logFile('board'), Buffer.concat([whole, torn]));
    const warnings: string[] = [];
    const reopened = new FileRoomStore(dataDir, { onWarning: (m) => warnings.push(m) });
    const { files: again, updates } = reopened.open('board');
    expect(warnings.join()).toMatch(
      /log .* was damaged: 25 unreadable bytes .*set aside in .*kept 3 valid records/,
    );
    expect(damagedFiles().map((f) => fs.readFileSync(f))).toEqual([Buffer.from(torn)]);
    expect(fs.statSync(logFile('board')).size).toBe(whole.length);
    // New records go after the last good one and are read back too.
    const doc = new Y.Doc();
    for (const update of updates) Y.applyUpdate(doc, update);
    doc.on('update', (update: Uint8Array) => again.append(update));
    doc.getArray<string>('words').push(['d']);
    again.close();
    expect(load(reopened, 'board').getArray('words').toArray()).toEqual(['a', 'b', 'c', 'd']);
    expect(warnings).toHaveLength(1);
  });

  it('keeps the 50 intact records after 16 bad bytes in the middle of the log', () => {
    const store = new FileRoomStore(dataDir);
    const words = Array.from({ length: 101 }, (_, i) => `word-${i}`);
    editedDoc(store, 'board', words).files.close();
    const bytes = fs.readFileSync(logFile('board'));
    const records = readRecords(bytes, 'log').records;
    expect(records).toHaveLength(101);
    // Damage record 50: the 50 records after it (51..100) are intact.
    const at = bytes.indexOf(Buffer.from(records[50]!)) + 2;
    const original = Buffer.from(bytes.subarray(at - 14, at + records[50]!.length));
    bytes.fill(0x5a, at, at + 16);
    fs.writeFileSync(logFile('board'), bytes);

    const warnings: string[] = [];
    const reopened = new FileRoomStore(dataDir, { onWarning: (m) => warnings.push(m) });
    const { files, updates } = reopened.open('board');
    files.close();
    expect(updates).toHaveLength(100);
    expect(updates.slice(50)).toEqual(records.slice(51));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/was damaged: \d+ unreadable bytes/);
    expect(reopened.stats).toMatchObject({ damagedFiles: 1, damagedBytes: original.length - 2 });
    // The damaged record is kept aside, bad bytes and all.
    const [aside] = damagedFiles();
    expect(fs.readFileSync(aside!).includes(Buffer.alloc(16, 0x5a))).toBe(true);
    // The log was rewritten without the damage: the next open is clean.
    const again: string[] = [];
    const third = new FileRoomStore(dataDir, { onWarning: (m) => again.push(m) }).open('board');
    third.files.close();
    expect(third.updates).toHaveLength(100);
    expect(again).toEqual([]);
  });

  it('keeps every record when one bit of the log header is flipped', () => {
    const store = new FileRoomStore(dataDir);
    editedDoc(
      store,
      'board',
      Array.from({ length: 100 }, (_, i) => `w${i}`),
    ).files.close();
    const bytes = fs.readFileSync(logFile('board'));
    flipByte(bytes, 3, 0x04);
    fs.writeFileSync(logFile('board'), bytes);
    const warnings: string[] = [];
    const doc = load(new FileRoomStore(dataDir, { onWarning: (m) => warnings.push(m) }), 'board');
    expect(doc.getArray('words').length).toBe(100);
    expect(warnings.join()).toMatch(/8 unreadable bytes \(8 at byte 0\)/);
    expect(fs.readFileSync(logFile('board')).subarray(0, HEADER_BYTES)).toEqual(fileHeader('log'));
  });

  it('opens a snapshot whose header is damaged but whose state is intact', () => {
    const store = new FileRoomStore(dataDir);
    const { doc, files } = editedDoc(store, 'board', ['a', 'b']);
    files.compact(Y.encodeStateAsUpdate(doc));
    files.close();
    const bytes = fs.readFileSync(snapshotFile('board'));
    flipByte(bytes, 0, 0x01);
    fs.writeFileSync(snapshotFile('board'), bytes);
    const warnings: string[] = [];
    expect(
      load(new FileRoomStore(dataDir, { onWarning: (m) => warnings.push(m) }), 'board')
        .getArray('words')
        .toArray(),
    ).toEqual(['a', 'b']);
    expect(warnings.join()).toMatch(/snapshot .* was damaged/);
    expect(fs.readFileSync(snapshotFile('board')).subarray(0, HEADER_BYTES)).toEqual(fileHeader('snapshot'));
  });

  it('reads rooms written in the previous format and rewrites them in the current one', () => {
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (update: Uint8Array) => updates.push(update));
    for (const word of ['one', 'two', 'three']) source.getArray<string>('words').push([word]);
    fs.mkdirSync(path.join(dataDir, 'rooms'), { recursive: true });
    // Snapshot holds the first update, the log the others: the layout the old server left.
    fs.writeFileSync(
      snapshotFile('old'),
      Buffer.concat([Buffer.from('CXBSNP1\n', 'latin1'), encodeV1Record(updates[0]!)]),
    );
    fs.writeFileSync(
      logFile('old'),
      Buffer.concat([Buffer.from('CXBLOG1\n', 'latin1'), ...updates.slice(1).map(encodeV1Record)]),
    );
    const warnings: string[] = [];
    const store = new FileRoomStore(dataDir, { onWarning: (m) => warnings.push(m) });
    expect(load(store, 'old').getArray('words').toArray()).toEqual(['one', 'two', 'three']);
    expect(warnings).toEqual([]);
    expect(readRecords(fs.readFileSync(logFile('old')), 'log')).toMatchObject({ version: 2, damaged: [] });
    expect(readRecords(fs.readFileSync(snapshotFile('old')), 'snapshot')).toMatchObject({
      version: 2,
      damaged: [],
    });
    expect(load(store, 'old').getArray('words').toArray()).toEqual(['one', 'two', 'three']);
  });

  it('stores and reopens valid room names whose escaped file name would be too long', () => {
    const store = new FileRoomStore(dataDir);
    const long = `${'AbCDEFGHIJ'.repeat(12)}KLMNOPQR`;
    expect(long).toHaveLength(128);
    const { files } = editedDoc(store, long, ['kept']);
    files.close();
    expect(load(new FileRoomStore(dataDir), long).getArray('words').toArray()).toEqual(['kept']);
    // A name that differs only by case is another room.
    expect(load(new FileRoomStore(dataDir), long.toLowerCase()).getArray('words').length).toBe(0);
  });

  it('sets a torn log header aside and starts the log afresh', () => {
    fs.mkdirSync(path.join(dataDir, 'rooms'), { recursive: true });
    fs.writeFileSync(logFile('board'), fileHeader('log').subarray(0, 3));
    const store = new FileRoomStore(dataDir, { onWarning: () => {} });
    const { files } = editedDoc(store, 'board', ['x']);
    files.close();
    expect(load(store, 'board').getArray('words').toArray()).toEqual(['x']);
    expect(damagedFiles().map((f) => fs.readFileSync(f))).toEqual([fileHeader('log').subarray(0, 3)]);
  });

  it('removes its temp file when a compaction fails (disk full) and backs off before the next try', () => {
    let clock = 1_000_000;
    const disk = diskThatFills();
    const warnings: string[] = [];
    const store = new FileRoomStore(dataDir, {
      compactAfterBytes: 200,
      fileSystem: disk.fileSystem,
      now: () => clock,
      onWarning: (m) => warnings.push(m),
    });
    const { doc, files } = editedDoc(store, 'board', []);
    for (let i = 0; i < 50; i++) doc.getArray<string>('words').push([`word-${i}`]);
    expect(files.wantsCompaction()).toBe(true);
    disk.full = (file) => file.endsWith('.tmp');
    expect(() => files.compact(Y.encodeStateAsUpdate(doc))).toThrow(/ENOSPC/);
    expect(disk.failedWrites).toBe(1);
    expect(fs.readdirSync(path.join(dataDir, 'rooms')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(warnings.join()).toMatch(/compaction failed .*ENOSPC.*temp file was removed.*next try in 5 s/);
    expect(store.stats).toMatchObject({ compactionFailures: 1, compactions: 0 });
    // Backing off: appends go on, no compaction is asked for until the wait is over.
    doc.getArray<string>('words').push(['while full']);
    expect(files.wantsCompaction()).toBe(false);
    clock += 5_000;
    expect(files.wantsCompaction()).toBe(true);
    // A second failure doubles the wait.
    expect(() => files.compact(Y.encodeStateAsUpdate(doc))).toThrow(/ENOSPC/);
    clock += 5_000;
    expect(files.wantsCompaction()).toBe(false);
    clock += 5_000;
    disk.full = () => false;
    files.compact(Y.encodeStateAsUpdate(doc));
    expect(store.stats).toMatchObject({ compactionFailures: 2, compactions: 1 });
    files.close();
    expect(load(new FileRoomStore(dataDir), 'board').getArray('words').length).toBe(51);
  });

  it('keeps a room closed for a doubling wait after a failed append, so reconnects do not loop', () => {
    let clock = 0;
    const disk = diskThatFills();
    const store = new FileRoomStore(dataDir, { fileSystem: disk.fileSystem, now: () => clock });
    editedDoc(store, 'board', ['stored']).files.close();
    disk.full = (file) => file.endsWith('.ylog');
    const { files } = store.open('board');
    expect(() => files.append(Uint8Array.of(1, 2, 3))).toThrow(/ENOSPC/);
    files.close();
    expect(() => store.open('board')).toThrow(StorageBackoffError);
    expect(() => store.open('board')).toThrow(/reopens in 1 s/);
    clock += 1_000;
    const again = store.open('board');
    expect(() => again.files.append(Uint8Array.of(4))).toThrow(/ENOSPC/);
    again.files.close();
    clock += 1_000;
    expect(() => store.open('board')).toThrow(StorageBackoffError); // 2 s now
    clock += 1_000;
    disk.full = () => false;
    const third = store.open('board');
    third.files.append(Uint8Array.of(5));
    third.files.close();
    // Nothing half-written was left in the log, and the room is open to everyone again.
    const warnings: string[] = [];
    const reader = new FileRoomStore(dataDir, { onWarning: (m) => warnings.push(m) });
    const { files: last, updates } = reader.open('board');
    last.close();
    expect(warnings).toEqual([]);
    expect(updates.at(-1)).toEqual(Buffer.from([5]));
    expect(store.open('board').updates).toHaveLength(updates.length);
  });

  it('removes its temp file when rewriting a damaged log fails, and opens nothing half-done', () => {
    const store = new FileRoomStore(dataDir);
    editedDoc(store, 'board', ['a', 'b']).files.close();
    const bytes = fs.readFileSync(logFile('board'));
    flipByte(bytes, bytes.length - 1, 0x10);
    fs.writeFileSync(logFile('board'), bytes);
    const disk = diskThatFills();
    disk.full = (file) => file.endsWith('.ylog.tmp');
    const failing = new FileRoomStore(dataDir, { fileSystem: disk.fileSystem, onWarning: () => {} });
    expect(() => failing.open('board')).toThrow(/ENOSPC/);
    expect(fs.readdirSync(path.join(dataDir, 'rooms')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(fs.readFileSync(logFile('board'))).toEqual(bytes);
    disk.full = () => false;
    expect(load(failing, 'board').getArray('words').toArray()).toEqual(['a']);
  });

  it('compacts the log into an atomic snapshot and loads snapshot + newer log records', () => {
    const store = new FileRoomStore(dataDir, { compactAfterBytes: 200 });
    const { doc, files } = editedDoc(store, 'board', []);
    for (let i = 0; i < 50; i++) doc.getArray<string>('words').push([`word-${i}`]);
    expect(files.wantsCompaction()).toBe(true);
    files.compact(Y.encodeStateAsUpdate(doc));
    expect(files.wantsCompaction()).toBe(false);
    expect(fs.statSync(logFile('board')).size).toBe(HEADER_BYTES);
    expect(fs.existsSync(`${snapshotFile('board')}.tmp`)).toBe(false);
    doc.getArray<string>('words').push(['after']);
    files.close();
    const words = load(new FileRoomStore(dataDir), 'board').getArray('words').toArray();
    expect(words).toHaveLength(51);
    expect(words.at(-1)).toBe('after');
    expect(store.stats.compactions).toBe(1);
  });

  it('survives a crash between writing the snapshot and emptying the log', () => {
    const store = new FileRoomStore(dataDir);
    const { doc, files } = editedDoc(store, 'board', ['a', 'b']);
    files.close();
    const log = fs.readFileSync(logFile('board'));
    const { files: again } = store.open('board');
    again.compact(Y.encodeStateAsUpdate(doc));
    again.close();
    fs.writeFileSync(logFile('board'), log); // the log the crash left behind
    fs.writeFileSync(`${snapshotFile('board')}.tmp`, 'half a snapshot');
    expect(
      load(new FileRoomStore(dataDir, { onWarning: () => {} }), 'board')
        .getArray('words')
        .toArray(),
    ).toEqual(['a', 'b']);
    expect(fs.existsSync(`${snapshotFile('board')}.tmp`)).toBe(false);
  });

  it('refuses to open a room whose snapshot is damaged instead of losing its history', () => {
    const store = new FileRoomStore(dataDir);
    const { doc, files } = editedDoc(store, 'board', ['a']);
    files.compact(Y.encodeStateAsUpdate(doc));
    files.close();
    const bytes = fs.readFileSync(snapshotFile('board'));
    flipByte(bytes, bytes.length - 1, 1);
    fs.writeFileSync(snapshotFile('board'), bytes);
    expect(() => store.open('board')).toThrow(StorageError);
  });

  it('tracks unflushed bytes and clears them on sync; fsync always leaves none', () => {
    const store = new FileRoomStore(dataDir);
    const { files } = editedDoc(store, 'board', ['a']);
    expect(store.pending().unsyncedBytes).toBeGreaterThan(0);
    store.syncDirty();
    expect(store.pending()).toEqual({ unsyncedBytes: 0, unsyncedAgeMs: 0 });
    files.close();
    const always = new FileRoomStore(dataDir, { fsync: 'always' });
    const { files: other } = editedDoc(always, 'other', ['b']);
    expect(always.pending().unsyncedBytes).toBe(0);
    expect(always.stats.fsyncs).toBe(1);
    other.close();
  });

  it('flushes in the background, and a room can close while a flush runs', async () => {
    const store = new FileRoomStore(dataDir);
    const { doc, files } = editedDoc(store, 'board', ['a']);
    store.flushDirtyInBackground();
    doc.getArray<string>('words').push(['written during the flush']);
    files.close(); // must not pull the descriptor from under the running flush
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(store.pending().unsyncedBytes).toBe(0);
    expect(load(store, 'board').getArray('words').toArray()).toEqual(['a', 'written during the flush']);

    const { files: other } = editedDoc(store, 'other', ['x']);
    store.flushDirtyInBackground();
    for (let i = 0; i < 100 && store.pending().unsyncedBytes > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(store.pending().unsyncedBytes).toBe(0);
    expect(store.stats.fsyncs).toBeGreaterThanOrEqual(2);
    other.close();
  });

  it('leaves no files for a room that never stored anything', () => {
    const store = new FileRoomStore(dataDir);
    store.open('empty').files.close();
    expect(fs.readdirSync(path.join(dataDir, 'rooms'))).toEqual([]);
  });
});

describe('data directory lock', () => {
  it('lets one server at a time use a data directory and takes over a dead one', () => {
    const release = lockDataDir(dataDir);
    expect(() => lockDataDir(dataDir)).toThrow(/already in use/);
    release();
    // A lock left by a process that no longer runs.
    fs.writeFileSync(path.join(dataDir, 'server.lock'), '2147483646\n');
    const again = lockDataDir(dataDir);
    again();
    expect(fs.existsSync(path.join(dataDir, 'server.lock'))).toBe(false);
  });
});
