import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { FileRoomStore, lockDataDir, StorageError } from './fileStore';
import { encodeRecord, LOG_MAGIC, readRecords } from './records';

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

describe('record framing', () => {
  it('reads back what it wrote and stops at damage', () => {
    const file = Buffer.concat([
      LOG_MAGIC,
      encodeRecord(Uint8Array.of(1, 2, 3)),
      encodeRecord(Uint8Array.of(4)),
    ]);
    expect(readRecords(file, LOG_MAGIC)).toMatchObject({ validBytes: file.length, problem: null });
    expect(readRecords(file, LOG_MAGIC).records.map((r) => [...r])).toEqual([[1, 2, 3], [4]]);
    const flipped = Buffer.from(file);
    flipByte(flipped, file.length - 1, 0xff);
    expect(readRecords(flipped, LOG_MAGIC)).toMatchObject({ validBytes: 8 + 11, problem: /checksum/ });
    expect(readRecords(Buffer.from('not a log at all'), LOG_MAGIC).problem).toMatch(/header/);
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
    const read = readRecords(fs.readFileSync(logFile('board')), LOG_MAGIC);
    expect(read.problem).toBeNull();
    const doc = new Y.Doc();
    for (const record of read.records) Y.applyUpdate(doc, record);
    expect(doc.getArray('words').toArray()).toEqual(['kept']);
    files.close();
  });

  it('drops a half-written last record and keeps everything before it', () => {
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
    expect(warnings.join()).toMatch(/incomplete record.*dropped 25 bytes/);
    expect(fs.statSync(logFile('board')).size).toBe(whole.length);
    // New records go after the last good one and are read back too.
    const doc = new Y.Doc();
    for (const update of updates) Y.applyUpdate(doc, update);
    doc.on('update', (update: Uint8Array) => again.append(update));
    doc.getArray<string>('words').push(['d']);
    again.close();
    expect(load(reopened, 'board').getArray('words').toArray()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('drops a last record whose bytes were damaged (checksum)', () => {
    const store = new FileRoomStore(dataDir);
    const { files } = editedDoc(store, 'board', ['a', 'b']);
    files.close();
    const bytes = fs.readFileSync(logFile('board'));
    flipByte(bytes, bytes.length - 2, 0x55);
    fs.writeFileSync(logFile('board'), bytes);
    const warnings: string[] = [];
    const doc = load(new FileRoomStore(dataDir, { onWarning: (m) => warnings.push(m) }), 'board');
    expect(doc.getArray('words').toArray()).toEqual(['a']);
    expect(warnings.join()).toMatch(/checksum mismatch/);
  });

  it('starts a fresh log when even the header was torn', () => {
    fs.mkdirSync(path.join(dataDir, 'rooms'), { recursive: true });
    fs.writeFileSync(logFile('board'), LOG_MAGIC.subarray(0, 3));
    const store = new FileRoomStore(dataDir, { onWarning: () => {} });
    const { files } = editedDoc(store, 'board', ['x']);
    files.close();
    expect(load(store, 'board').getArray('words').toArray()).toEqual(['x']);
  });

  it('compacts the log into an atomic snapshot and loads snapshot + newer log records', () => {
    const store = new FileRoomStore(dataDir, { compactAfterBytes: 200 });
    const { doc, files } = editedDoc(store, 'board', []);
    for (let i = 0; i < 50; i++) doc.getArray<string>('words').push([`word-${i}`]);
    expect(files.wantsCompaction()).toBe(true);
    files.compact(Y.encodeStateAsUpdate(doc));
    expect(files.wantsCompaction()).toBe(false);
    expect(fs.statSync(logFile('board')).size).toBe(LOG_MAGIC.length);
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
