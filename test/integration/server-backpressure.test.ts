import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { encodeSyncMessage, SYNC_STEP_1, SYNC_UPDATE } from '../../server/protocol';
import { metricsOf as fetchMetrics, type ServerProcess, spawnServer, waitFor } from '../support';

/**
 * Back-pressure on the initial sync, against the built server as a child process (so its
 * memory is its own): a socket that does not read gets no second copy of the board, and a
 * crowd of such sockets from one address holds at most that address's budget.
 */

let cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

const MB = 1024 * 1024;

/** /metrics, tried twice: fetch may reuse a keep-alive connection the server just closed as idle. */
async function metricsOf(url: string): ReturnType<typeof fetchMetrics> {
  try {
    return await fetchMetrics(url);
  } catch {
    return await fetchMetrics(url);
  }
}

async function serverWithBoard(boardBytes: number): Promise<{ server: ServerProcess; size: number }> {
  const server = await spawnServer({ args: ['--allow-anonymous'] });
  cleanup.push(() => server.stop());
  const doc = new Y.Doc();
  doc.transact(() => {
    const elements = doc.getMap('elements');
    for (let i = 0; i < boardBytes / 1024; i++) elements.set(`card-${i}`, `${i} ${'x'.repeat(1000)}`);
  });
  const update = Y.encodeStateAsUpdate(doc);
  const ws = await open(`${server.syncUrl}/big`);
  const applied = (await metricsOf(server.url)).updates.applied;
  ws.send(encodeSyncMessage(SYNC_UPDATE, update));
  await waitFor(
    async () => (await metricsOf(server.url)).updates.applied > applied,
    'the board to be stored',
    60_000,
  );
  ws.close();
  return { server, size: update.byteLength };
}

function open(url: string, localAddress?: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, localAddress ? { localAddress } : {});
    ws.binaryType = 'nodebuffer';
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

const EMPTY_STEP_1 = encodeSyncMessage(SYNC_STEP_1, Y.encodeStateVector(new Y.Doc()));

function isStep2(data: Buffer): boolean {
  const decoder = decoding.createDecoder(new Uint8Array(data));
  return decoding.readVarUint(decoder) === 0 && decoding.readVarUint(decoder) === 1;
}

describe('back-pressure on the initial sync', () => {
  it('a socket that does not read gets no second copy of the board', async () => {
    const { server, size } = await serverWithBoard(4 * MB);
    const ws = await open(`${server.syncUrl}/big`);
    cleanup.push(() => ws.terminate());
    let step2s = 0;
    ws.on('message', (data: Buffer) => {
      if (isStep2(data)) step2s++;
    });
    ws.pause();
    const before = await metricsOf(server.url);
    for (let i = 0; i < 5; i++) ws.send(EMPTY_STEP_1);
    await waitFor(
      async () => (await metricsOf(server.url)).messages.in >= before.messages.in + 5,
      'the requests',
    );
    const after = await metricsOf(server.url);
    expect(after.bytes.out - before.bytes.out).toBeLessThan(2 * size);

    // Reading again: the first copy, then one answer to the newest request (not four more).
    ws.resume();
    await waitFor(() => step2s >= 2, 'the first copy and the deferred answer', 30_000);
    const marker = new Promise<void>((resolve) =>
      ws.on('message', (data: Buffer) => isStep2(data) && resolve()),
    );
    ws.send(EMPTY_STEP_1);
    await marker;
    expect(step2s).toBe(3);
  }, 120_000);

  it('the join bomb: 100 non-reading sockets from one address hold one address budget, others still join', async () => {
    const { server, size } = await serverWithBoard(4 * MB);
    const baseline = await metricsOf(server.url);
    const sockets: WebSocket[] = [];
    for (let i = 0; i < 100; i++) {
      const ws = await open(`${server.syncUrl}/big`);
      cleanup.push(() => ws.terminate());
      ws.pause();
      ws.send(EMPTY_STEP_1);
      ws.send(EMPTY_STEP_1);
      sockets.push(ws);
    }
    await waitFor(
      async () => (await metricsOf(server.url)).messages.in >= baseline.messages.in + 200,
      'every request to be read',
      60_000,
    );
    const bombed = await metricsOf(server.url);
    // Queued bytes stay within one address budget (32 MiB) plus one board.
    expect(bombed.queued.bytes).toBeLessThanOrEqual(32 * MB + size + MB);
    expect(bombed.queued.waitingForSync).toBeGreaterThan(50);

    // Someone from another address joins the same room meanwhile and gets the board.
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(server.syncUrl, 'big', doc, {
      WebSocketPolyfill: fromAddress('127.0.0.2') as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    cleanup.push(() => {
      provider.destroy();
      provider.awareness.destroy();
    });
    await waitFor(
      () => provider.synced && doc.getMap('elements').size > 4000,
      'a newcomer to load the board',
      60_000,
    );

    const growthMb = (bombed.process.rssBytes - baseline.process.rssBytes) / MB;
    console.info(
      `join bomb: board ${(size / MB).toFixed(1)} MB, 100 sockets × 2 requests: server RSS ` +
        `${(baseline.process.rssBytes / MB).toFixed(0)} → ${(bombed.process.rssBytes / MB).toFixed(0)} MB ` +
        `(+${growthMb.toFixed(0)} MB), queued ${(bombed.queued.bytes / MB).toFixed(1)} MB, ` +
        `${bombed.queued.waitingForSync} waiting`,
    );
    expect(growthMb).toBeLessThan(150);
    for (const ws of sockets) ws.terminate();
    await waitFor(
      async () => (await metricsOf(server.url)).queued.bytes < size,
      'the queues to drain',
      30_000,
    );
  }, 180_000);
});

/** A `ws` WebSocket class whose connections come from `address` (another loopback address). */
function fromAddress(address: string): typeof WebSocket {
  return class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { localAddress: address });
    }
  } as typeof WebSocket;
}
