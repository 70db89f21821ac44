import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as decoding from 'lib0/decoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createCounters } from './metrics';
import { FileRoomStore } from './persistence/fileStore';
import { HEADER_BYTES, readRecords } from './persistence/records';
import { PRESENCE_LIMITS } from './presence';
import { MESSAGE_AUTH, MESSAGE_SYNC, SYNC_UPDATE } from './protocol';
import { type Peer, Room, type RoomContext } from './room';
import type { Role } from './tokens';

let dataDir: string;
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cxb-room-'));
});
afterEach(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A peer that records what it is sent and, at each send, what the room's log holds. */
class RecordingPeer implements Peer {
  readonly sent: Uint8Array[] = [];
  readonly logAtSend: number[] = [];
  closedWith: number | null = null;
  constructor(
    readonly label: string,
    readonly role: Role,
    private readonly logPath: string,
  ) {}
  send(message: Uint8Array): void {
    this.sent.push(message);
    this.logAtSend.push(readRecords(fs.readFileSync(this.logPath), 'log').records.length);
  }
  close(code: number): void {
    this.closedWith = code;
  }
}

function context(overrides: Partial<RoomContext> = {}): RoomContext & { logs: string[] } {
  const logs: string[] = [];
  return {
    logs,
    log: (level, message) => logs.push(`${level} ${message}`),
    counters: createCounters(),
    maxNestingDepth: 32,
    presence: PRESENCE_LIMITS,
    onEmpty: () => {},
    onFailed: () => {},
    ...overrides,
  };
}

function openRoom(store: FileRoomStore, name: string, ctx: RoomContext): Room {
  const { files, updates } = store.open(name);
  return new Room(name, files, updates, ctx);
}

const logPath = (room: string) => path.join(dataDir, 'rooms', `r-${room}.ylog`);
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

function editUpdate(edit: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  edit(doc);
  return Y.encodeStateAsUpdate(doc);
}

describe('room', () => {
  it('stores an update before any peer is sent it', async () => {
    const store = new FileRoomStore(dataDir);
    const room = openRoom(store, 'board', context());
    const editor = new RecordingPeer('editor', 'editor', logPath('board'));
    const other = new RecordingPeer('other', 'editor', logPath('board'));
    room.join(editor);
    room.join(other);
    const greeting = other.sent.length;
    room.receiveUpdate(
      editor,
      editUpdate((d) => d.getText('t').insert(0, 'hi')),
      'sync-update',
    );
    await nextTurn();
    expect(other.sent.length).toBe(greeting + 1);
    const message = other.sent.at(-1)!;
    expect([message[0], message[1]]).toEqual([MESSAGE_SYNC, SYNC_UPDATE]);
    expect(other.logAtSend.at(-1)).toBe(1); // the record was in the file when it was sent
    expect(editor.sent.length).toBe(1); // its own update is not echoed back alone
    room.unload();
  });

  it('merges what one event-loop turn produced into one message per peer', async () => {
    const store = new FileRoomStore(dataDir);
    const room = openRoom(store, 'board', context());
    const peers = ['a', 'b', 'c'].map((name) => new RecordingPeer(name, 'editor', logPath('board')));
    for (const peer of peers) room.join(peer);
    const before = peers.map((p) => p.sent.length);
    for (const [i, peer] of peers.entries()) {
      room.receiveUpdate(
        peer,
        editUpdate((d) => d.getArray('a').push([`from ${i}`])),
        'sync-update',
      );
    }
    await nextTurn();
    expect(peers.map((p, i) => p.sent.length - before[i]!)).toEqual([1, 1, 1]);
    const receiver = new Y.Doc();
    const decoder = decoding.createDecoder(peers[0]!.sent.at(-1)!);
    expect([decoding.readVarUint(decoder), decoding.readVarUint(decoder)]).toEqual([
      MESSAGE_SYNC,
      SYNC_UPDATE,
    ]);
    Y.applyUpdate(receiver, decoding.readVarUint8Array(decoder));
    expect(receiver.getArray('a').toArray().sort()).toEqual(['from 0', 'from 1', 'from 2']);
    room.unload();
  });

  it('never applies a viewer update and tells the viewer once', async () => {
    const store = new FileRoomStore(dataDir);
    const ctx = context();
    const room = openRoom(store, 'board', ctx);
    const viewer = new RecordingPeer('viewer', 'viewer', logPath('board'));
    const editor = new RecordingPeer('editor', 'editor', logPath('board'));
    room.join(viewer);
    room.join(editor);
    const greeting = editor.sent.length;
    const edit = editUpdate((d) => d.getText('t').insert(0, 'viewer edit'));
    room.receiveUpdate(viewer, edit, 'sync-step-2');
    room.receiveUpdate(viewer, edit, 'sync-update');
    room.receiveUpdate(viewer, edit, 'sync-update');
    await nextTurn();
    expect(room.doc.getText('t').toString()).toBe('');
    expect(editor.sent.length).toBe(greeting);
    expect(viewer.sent.filter((m) => m[0] === MESSAGE_AUTH)).toHaveLength(1);
    expect(ctx.counters.viewerWritesRejected).toBe(2);
    room.unload();
    expect(fs.existsSync(logPath('board'))).toBe(false); // nothing was ever stored
  });

  it('folds a long log into the snapshot when it loads', () => {
    const store = new FileRoomStore(dataDir, { compactAfterBytes: 1000 });
    const { files } = store.open('board');
    const doc = new Y.Doc();
    doc.on('update', (update: Uint8Array) => files.append(update));
    for (let i = 0; i < 200; i++) doc.getArray('a').push([i]);
    files.close();
    const room = openRoom(store, 'board', context());
    expect(room.doc.getArray('a').length).toBe(200);
    expect(fs.statSync(logPath('board')).size).toBe(HEADER_BYTES);
    room.unload();
  });

  it('drops the room without sending when the store refuses a write', async () => {
    const store = new FileRoomStore(dataDir);
    let failed = false;
    const ctx = context({ onFailed: () => (failed = true) });
    const { files, updates } = store.open('board');
    const room = new Room('board', files, updates, ctx);
    const editor = new RecordingPeer('editor', 'editor', logPath('board'));
    const other = new RecordingPeer('other', 'editor', logPath('board'));
    room.join(editor);
    room.join(other);
    const greeting = other.sent.length;
    files.close(); // the next append throws, as a full disk would
    room.receiveUpdate(
      editor,
      editUpdate((d) => d.getText('t').insert(0, 'lost?')),
      'sync-update',
    );
    await nextTurn();
    expect(other.sent.length).toBe(greeting);
    expect([editor.closedWith, other.closedWith]).toEqual([1011, 1011]);
    expect(failed).toBe(true);
    expect(room.closed).toBe(true);
    expect(ctx.counters.storageFailures).toBe(1);
    expect(ctx.logs.join()).toMatch(/storage write failed/);
  });
});
