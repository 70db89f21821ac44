import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { type SyncServer, type SyncServerOptions, startSyncServer } from '../../server/index';
import {
  type YClient,
  connectYClient,
  getJson,
  removeDir,
  synced,
  tempDir,
  tryUpgrade,
  waitFor,
  seededRandom,
} from '../support';

/**
 * Hostile and broken clients: whatever one connection sends, only that connection is
 * closed (with a logged reason); the room, its honest clients and the process go on.
 */

let cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

async function server(
  options: Partial<SyncServerOptions> = {},
): Promise<{ s: SyncServer; logs: string[]; dataDir: string }> {
  const dataDir = tempDir();
  const logs: string[] = [];
  const s = await startSyncServer({
    dataDir,
    allowAnonymous: true,
    logger: (level, message) => logs.push(`${level} ${message}`),
    ...options,
  });
  cleanup.push(async () => {
    await s.close();
    removeDir(dataDir);
  });
  return { s, logs, dataDir };
}

function honest(syncUrl: string, room: string): YClient & { closes: number } {
  const c = Object.assign(connectYClient(syncUrl, room), { closes: 0 });
  c.provider.on('connection-close', () => {
    c.closes++;
  });
  cleanup.push(() => c.destroy());
  return c;
}

/** Valid messages of every kind, from real Yjs documents, to truncate and mangle. */
function sampleMessages(): Uint8Array[] {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'hello hostile world');
  doc.getMap('m').set('k', { nested: [1, 2, 3] });
  doc.getArray('a').insert(0, [new Uint8Array([1, 2, 3]), 'x']);
  doc.getText('t').delete(2, 3);
  const update = Y.encodeStateAsUpdate(doc);
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState({ user: { name: 'Mallory', color: '#000' }, cursor: { x: 1, y: 2 } });
  const aw = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]);
  awareness.destroy();
  const frame = (...parts: (number | Uint8Array)[]) => {
    const bytes: number[] = [];
    for (const part of parts) {
      if (typeof part === 'number') bytes.push(part);
      else {
        let n = part.length;
        while (n > 127) {
          bytes.push((n & 127) | 128);
          n >>>= 7;
        }
        bytes.push(n, ...part);
      }
    }
    return Uint8Array.from(bytes);
  };
  return [
    frame(0, 0, Y.encodeStateVector(doc)),
    frame(0, 1, update),
    frame(0, 2, update),
    frame(1, aw),
    Uint8Array.of(3),
  ];
}

/** 10 000 frames: random bytes, truncated valid messages, bit-flipped ones, absurd lengths, bad JSON. */
function hostileFrames(count: number, random: () => number): (Uint8Array | string)[] {
  const samples = sampleMessages();
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const randomBytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
  const frames: (Uint8Array | string)[] = [];
  for (let i = 0; i < count; i++) {
    const kind = i % 8;
    const sample = pick(samples);
    if (kind === 0) frames.push(randomBytes(Math.floor(random() * 300)));
    else if (kind === 1) frames.push(sample.subarray(0, Math.floor(random() * sample.length)));
    else if (kind === 2) {
      const copy = Uint8Array.from(sample);
      for (let f = 0; f < 1 + Math.floor(random() * 4); f++) {
        const at = Math.floor(random() * copy.length);
        copy[at] = (copy[at] ?? 0) ^ (1 << Math.floor(random() * 8));
      }
      frames.push(copy);
    } else if (kind === 3)
      frames.push(Uint8Array.of(0, Math.floor(random() * 3), 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2));
    else if (kind === 4) frames.push(Uint8Array.of(0, 2, ...[20, ...randomBytes(20)]));
    else if (kind === 5)
      frames.push(Uint8Array.of(1, 12, 1, 42, 1, 8, ...new TextEncoder().encode('{"bad json')));
    else if (kind === 6)
      frames.push(Uint8Array.from([...sample, ...randomBytes(1 + Math.floor(random() * 5))]));
    else frames.push(random() < 0.5 ? 'a text frame' : Uint8Array.of(Math.floor(random() * 256)));
  }
  return frames;
}

const PROBE = Uint8Array.of(0, 0, 1, 0); // sync step 1 with an empty state vector
const isStep2 = (data: Buffer) => data[0] === 0 && data[1] === 1;

/**
 * Sends each frame followed by a probe, on one raw connection, and waits until the
 * server either answers the probe (frame processed, connection kept) or closes the
 * connection (frame refused); reconnects after a close. So every frame is processed.
 */
async function attack(
  url: string,
  frames: (Uint8Array | string)[],
): Promise<{ kept: number; closed: number }> {
  let ws: WebSocket | null = null;
  let waiter: ((outcome: 'kept' | 'closed') => void) | null = null;
  const open = () =>
    new Promise<WebSocket>((resolve, reject) => {
      const socket = new WebSocket(url);
      socket.on('open', () => resolve(socket));
      socket.on('error', reject);
      socket.on('message', (data: Buffer) => {
        if (isStep2(data)) waiter?.('kept');
      });
      socket.on('close', () => {
        if (ws === socket) ws = null;
        waiter?.('closed');
      });
    });
  let kept = 0;
  let closed = 0;
  for (const frame of frames) {
    ws ??= await open();
    const socket: WebSocket = ws;
    const outcome = await new Promise<'kept' | 'closed'>((resolve) => {
      waiter = resolve;
      socket.send(frame, { binary: typeof frame !== 'string' });
      socket.send(PROBE);
    });
    waiter = null;
    if (outcome === 'kept') kept++;
    else closed++;
  }
  (ws as WebSocket | null)?.close();
  return { kept, closed };
}

describe('hostile client', () => {
  it('10 000 random and truncated frames leave the room and its honest clients working', async () => {
    const { s, logs, dataDir } = await server({ maxConnectionsPerIp: 1000 });
    const room = 'under-attack';
    const clients = [honest(s.syncUrl, room), honest(s.syncUrl, room), honest(s.syncUrl, room)];
    await Promise.all(clients.map((c) => synced(c)));

    // Honest editing continues throughout the attack.
    let round = 0;
    const editing = setInterval(() => {
      for (const [i, c] of clients.entries()) c.doc.getArray<string>('honest').push([`c${i}-${round}`]);
      round++;
    }, 20);

    const frames = hostileFrames(10_000, seededRandom(20260101));
    const workers = 4;
    const results = await Promise.all(
      Array.from({ length: workers }, (_, w) =>
        attack(
          `${s.syncUrl}/${room}`,
          frames.filter((_, i) => i % workers === w),
        ),
      ),
    );
    clearInterval(editing);
    const kept = results.reduce((sum, r) => sum + r.kept, 0);
    const closed = results.reduce((sum, r) => sum + r.closed, 0);
    expect(kept + closed).toBe(10_000);
    expect(closed).toBeGreaterThan(5_000);

    // Every refused frame closed its connection with a logged reason.
    const closeLogs = logs.filter((line) => /closing connection: /.test(line));
    expect(closeLogs.length).toBe(closed);
    expect(s.metrics().connections.closedForMisbehaviour).toBe(closed);
    expect(closeLogs.some((line) => /malformed/.test(line))).toBe(true);
    expect(closeLogs.some((line) => /text frame/.test(line))).toBe(true);
    expect(logs.filter((line) => line.startsWith('error'))).toEqual([]);

    // The honest clients were never disconnected and still converge on everything they wrote.
    expect(clients.map((c) => c.closes)).toEqual([0, 0, 0]);
    const expected = round * 3;
    const honestItems = (c: YClient) =>
      c.doc
        .getArray('honest')
        .toArray()
        .filter((x) => typeof x === 'string' && /^c\d-\d+$/.test(x)).length;
    await waitFor(() => clients.every((c) => honestItems(c) === expected), 'honest clients to converge');
    const json = (c: YClient) => JSON.stringify(c.doc.getArray('honest').toJSON());
    expect(new Set(clients.map(json)).size).toBe(1);
    expect(round).toBeGreaterThan(10);

    // The process is healthy and the room still loads from disk after a restart.
    expect((await getJson(`${s.url}/healthz`)).status).toBe(200);
    await s.close();
    const again = await startSyncServer({ dataDir, allowAnonymous: true, logger: () => {} });
    cleanup.push(() => again.close());
    const reader = honest(again.syncUrl, room);
    await waitFor(() => honestItems(reader) === expected, 'the room to load after the attack');
  });

  it('an oversized message closes only that connection', async () => {
    const { s, logs } = await server({ maxMessageBytes: 64 * 1024 });
    const friend = honest(s.syncUrl, 'big');
    await synced(friend);
    const ws = new WebSocket(`${s.syncUrl}/big`);
    await new Promise((resolve) => ws.on('open', resolve));
    const closedWith = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    ws.send(new Uint8Array(100 * 1024));
    expect(await closedWith).toBe(1009);
    await waitFor(
      () => logs.some((line) => /message larger than the limit/.test(line)),
      'the reason in the log',
    );

    // Just under the limit is fine, for honest clients too.
    friend.doc.getText('t').insert(0, 'x'.repeat(60 * 1024));
    const other = honest(s.syncUrl, 'big');
    await waitFor(() => other.doc.getText('t').length === 60 * 1024, 'the large edit to arrive');
    expect(friend.closes).toBe(0);
  });

  it('limits connections per address', async () => {
    const { s } = await server({ maxConnectionsPerIp: 3 });
    const sockets = await Promise.all(
      [1, 2, 3].map(
        () =>
          new Promise<WebSocket>((resolve) => {
            const ws = new WebSocket(`${s.syncUrl}/room`);
            ws.on('open', () => resolve(ws));
          }),
      ),
    );
    expect(await tryUpgrade(`${s.syncUrl}/room`)).toBe(429);
    sockets[0]!.close();
    await waitFor(() => s.connections().total === 2, 'one to close');
    expect(await tryUpgrade(`${s.syncUrl}/room`)).toBe('open');
    for (const ws of sockets) ws.close();
  });

  it('drops peers that stop answering pings, and only them', async () => {
    const { s } = await server({ pingIntervalMs: 150 });
    const friend = honest(s.syncUrl, 'alive');
    await synced(friend);
    const ws = new WebSocket(`${s.syncUrl}/alive`);
    await new Promise((resolve) => ws.on('open', resolve));
    // A frozen peer: its socket stops reading, so it never answers a ping.
    (ws as unknown as { _socket: { pause(): void } })._socket.pause();
    // The friend's socket, to count the pings it answers (the `ws` client pongs by itself).
    const friendSocket = friend.provider.ws as unknown as { on(event: 'ping', listener: () => void): void };
    let pings = 0;
    friendSocket.on('ping', () => pings++);
    await waitFor(() => s.metrics().connections.timedOut === 1, 'the frozen peer to be dropped', 3000);
    // Three more ping rounds: a peer that missed one answer would have been dropped by now.
    const pingsAtDrop = pings;
    await waitFor(() => pings >= pingsAtDrop + 3, 'three more pings to the friend');
    expect(s.metrics().connections.timedOut).toBe(1);
    expect(s.connections().total).toBe(1);
    expect(friend.closes).toBe(0);
    ws.terminate();
  });

  it('caps the number of loaded rooms, evicting idle ones first', async () => {
    const { s } = await server({ maxRooms: 2, roomIdleMs: 60_000 });
    const a = honest(s.syncUrl, 'room-a');
    const b = honest(s.syncUrl, 'room-b');
    await Promise.all([synced(a), synced(b)]);
    expect(await tryUpgrade(`${s.syncUrl}/room-c`)).toBe(503);
    a.destroy();
    await waitFor(() => s.connections().total === 1, 'a to leave');
    // room-a is empty (waiting for its idle timer), so it makes way for room-c.
    const c = honest(s.syncUrl, 'room-c');
    await synced(c);
    expect(s.metrics().rooms).toMatchObject({ loaded: 2, unloaded: 1 });
  });

  it('refuses awareness floods: at most 16 presence entries per connection', async () => {
    const { s, logs } = await server();
    const friend = honest(s.syncUrl, 'presence');
    await synced(friend);
    const ws = new WebSocket(`${s.syncUrl}/presence`);
    await new Promise((resolve) => ws.on('open', resolve));
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    for (let id = 1; id <= 20; id++) {
      const doc = new Y.Doc();
      doc.clientID = id;
      const awareness = new awarenessProtocol.Awareness(doc);
      awareness.setLocalState({ user: { name: `fake ${id}` } });
      const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [id]);
      awareness.destroy();
      ws.send(Uint8Array.from([1, update.length, ...update]));
    }
    expect(await closed).toBe(1007);
    expect(logs.some((line) => /awareness for more than 16 clients/.test(line))).toBe(true);
    // Its fake people leave with it.
    await waitFor(() => friend.provider.awareness.getStates().size === 1, 'the fakes to disappear');

    // One huge presence state is refused too.
    const bloated = new WebSocket(`${s.syncUrl}/presence`);
    await new Promise((resolve) => bloated.on('open', resolve));
    const bloatedClosed = new Promise<number>((resolve) => bloated.on('close', (code) => resolve(code)));
    const doc = new Y.Doc();
    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalState({ user: { name: 'x'.repeat(300 * 1024) } });
    const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]);
    awareness.destroy();
    const header = [1];
    for (let n = update.length; ; n >>>= 7) {
      if (n > 127) header.push((n & 127) | 128);
      else {
        header.push(n);
        break;
      }
    }
    bloated.send(Uint8Array.from([...header, ...update]));
    expect(await bloatedClosed).toBe(1007);
    expect(logs.some((line) => /presence update of \d+ bytes/.test(line))).toBe(true);
    expect(friend.provider.awareness.getStates().size).toBe(1);
  });
});
