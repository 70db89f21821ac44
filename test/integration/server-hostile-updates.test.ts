import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { encodeSyncMessage, SYNC_STEP_1, SYNC_STEP_2, SYNC_UPDATE } from '../../server/protocol';
import { MAX_NESTING_DEPTH } from '../../server/updateCheck';
import {
  type BoardClient,
  connectBoardClient,
  connectYClient,
  delay,
  startTestServer,
  synced,
  type TestServer,
  waitFor,
  seededRandom,
} from '../support';

/**
 * A hostile editor writing valid Yjs updates the server must not integrate (nesting too
 * deep, ids reused for other content, dependencies that never arrive) or may integrate but
 * that are built to hurt (hostile keys), while honest BoardDoc clients keep editing: the
 * server refuses the first kind before storing or relaying, closes that connection with a
 * reason, and honest content survives on every client, a newcomer and after a restart.
 */

const ROOT_MAPS = ['meta', 'elements', 'journeys', 'personas', 'blueprints', 'metrics', 'matrices'] as const;
const HOSTILE_KEYS = [
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'prototype',
  'then',
];

let cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

async function server(): Promise<{ test: TestServer; logs: string[] }> {
  const logs: string[] = [];
  const test = await startTestServer({ logger: (level, message) => logs.push(`${level} ${message}`) });
  cleanup.push(() => test.dispose());
  return { test, logs };
}

function boardClient(syncUrl: string, room: string, name: string): BoardClient {
  const client = connectBoardClient(syncUrl, room, name);
  cleanup.push(() => client.close());
  return client;
}

type Outcome = { kind: 'kept' } | { kind: 'closed'; code: number; reason: string };

/**
 * A raw editor connection that mirrors the room (applies whatever the server sends) and
 * sends updates one at a time: each is followed by a sync step 1 carrying the mirror's
 * state vector, whose answer proves the update was processed and the connection kept;
 * otherwise the server closed it. Reconnects after a close.
 */
class HostileEditor {
  readonly mirror = new Y.Doc();
  private ws: WebSocket | null = null;
  private waiter: ((outcome: Outcome) => void) | null = null;

  constructor(private readonly url: string) {}

  async send(update: Uint8Array): Promise<Outcome> {
    const ws = this.ws ?? (await this.open());
    return new Promise<Outcome>((resolve) => {
      this.waiter = resolve;
      ws.send(encodeSyncMessage(SYNC_UPDATE, update));
      ws.send(encodeSyncMessage(SYNC_STEP_1, Y.encodeStateVector(this.mirror)));
    });
  }

  /** Brings the mirror up to date with the room. */
  async refresh(): Promise<void> {
    const outcome = await this.send(Y.encodeStateAsUpdate(new Y.Doc()));
    expect(outcome.kind).toBe('kept');
  }

  close(): void {
    this.ws?.close();
  }

  private open(): Promise<WebSocket> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(this.url);
      socket.binaryType = 'nodebuffer';
      socket.on('open', () => {
        this.ws = socket;
        resolve(socket);
      });
      socket.on('error', reject);
      socket.on('message', (data: Buffer) => {
        const decoder = decoding.createDecoder(new Uint8Array(data));
        if (decoding.readVarUint(decoder) !== 0) return;
        const step = decoding.readVarUint(decoder);
        if (step === SYNC_STEP_1) return;
        Y.applyUpdate(this.mirror, decoding.readVarUint8Array(decoder));
        if (step === SYNC_STEP_2) this.settle({ kind: 'kept' });
      });
      socket.on('close', (code, reason) => {
        if (this.ws === socket) this.ws = null;
        this.settle({ kind: 'closed', code, reason: reason.toString() });
      });
    });
  }

  private settle(outcome: Outcome): void {
    const waiter = this.waiter;
    this.waiter = null;
    waiter?.(outcome);
  }
}

/** A doc holding what the hostile editor knows of the room, under a client id of its choice. */
function forkOf(mirror: Y.Doc, clientID?: number): Y.Doc {
  const doc = new Y.Doc();
  if (clientID !== undefined) doc.clientID = clientID;
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(mirror));
  return doc;
}

/** The change `edit` makes to `doc`, as one update. */
function changeOf(doc: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.transact(() => edit(doc));
  return Y.encodeStateAsUpdate(doc, before);
}

function nestedMaps(into: Y.Map<unknown>, key: string, levels: number): void {
  let map = into;
  for (let i = 0; i < levels; i++) {
    const inner = new Y.Map<unknown>();
    map.set(i === 0 ? key : 'k', inner);
    map = inner;
  }
}

/** `levels` nested arrays and objects under `key`; the outermost is an array (Yjs picks the content type by `value.constructor`). */
function nestedValue(levels: number, key: string): unknown {
  let value: unknown = 'bottom';
  for (let i = levels - 1; i >= 0; i--) value = i % 2 === 0 ? [value] : { [key]: value };
  return value;
}

/** A value with hostile keys as own properties (JSON.parse makes `__proto__` an own key). */
function hostileValue(random: () => number): unknown {
  const key = HOSTILE_KEYS[Math.floor(random() * HOSTILE_KEYS.length)] as string;
  const choices: unknown[] = [
    'x',
    42,
    null,
    true,
    // In an array: Yjs itself chooses the content type by `value.constructor`, a hostile key there.
    [JSON.parse(`{"${key}": {"polluted": true}, "journeyId": "${key}"}`)],
    [key, { [key]: key }],
  ];
  return choices[Math.floor(random() * choices.length)];
}

/** Text of an honest element as every replica stores it. */
function elementText(doc: Y.Doc, id: string): string | null {
  const element = doc.getMap('elements').get(id);
  return element instanceof Y.Map ? String(element.get('text')) : null;
}

describe('updates the server cannot integrate cleanly', () => {
  it('content nested too deep is refused before anything is stored; a newcomer loads the board', async () => {
    const { test, logs } = await server();
    const s = test.server;
    const author = boardClient(s.syncUrl, 'deep', 'author');
    await author.connection.whenSynced();
    const honestId = author.board.addElement({ type: 'sticky', x: 0, y: 0, text: 'honest' });
    const hostile = new HostileEditor(`${s.syncUrl}/deep`);
    cleanup.push(() => hostile.close());
    await hostile.refresh();
    expect(elementText(hostile.mirror, honestId)).toBe('honest');

    // One level within the bound is fine: the bound is where it says.
    const fork = forkOf(hostile.mirror);
    const within = changeOf(fork, (d) => nestedMaps(d.getMap('elements'), 'within', MAX_NESTING_DEPTH - 1));
    expect((await hostile.send(within)).kind).toBe('kept');
    for (const levels of [MAX_NESTING_DEPTH + 1, 5000]) {
      const deep = changeOf(forkOf(hostile.mirror), (d) => nestedMaps(d.getMap('elements'), 'deep', levels));
      expect(await hostile.send(deep)).toMatchObject({ kind: 'closed', code: 1007 });
    }
    const deepValue = changeOf(forkOf(hostile.mirror), (d) =>
      d.getMap('meta').set('title', nestedValue(3000, 'constructor')),
    );
    expect(await hostile.send(deepValue)).toMatchObject({ kind: 'closed', code: 1007 });
    expect(s.metrics().updates.refused).toBe(3);
    expect(logs.filter((line) => /refused document update, too-deep/.test(line))).toHaveLength(3);

    const newcomer = connectYClient(s.syncUrl, 'deep');
    cleanup.push(() => newcomer.destroy());
    await synced(newcomer);
    expect(elementText(newcomer.doc, honestId)).toBe('honest');
    expect(newcomer.doc.getMap('elements').has('deep')).toBe(false);
    expect(newcomer.doc.getMap('elements').has('within')).toBe(true);
    expect(author.connection.state.getState().status).toBe('connected');
  });

  it('two updates reusing the same ids: the second is refused and nobody loses honest content', async () => {
    const { test } = await server();
    const s = test.server;
    const hostile = new HostileEditor(`${s.syncUrl}/reuse`);
    cleanup.push(() => hostile.close());
    const honest = connectYClient(s.syncUrl, 'reuse');
    cleanup.push(() => honest.destroy());
    await synced(honest);
    const keys: string[] = [];
    const honestEdit = (i: number) => {
      honest.doc.getMap('elements').set(`honest-${i}`, `value ${i}`);
      keys.push(`honest-${i}`);
    };
    for (let i = 0; i < 20; i++) honestEdit(i);

    const forged = 0x5eed;
    const first = changeOf(forkOf(new Y.Doc(), forged), (d) => d.getMap('elements').set('mine', 'first'));
    const second = changeOf(forkOf(new Y.Doc(), forged), (d) => {
      d.getMap('meta').set('title', 'forged');
      for (let i = 0; i < 20; i++) d.getMap('elements').set(`forged-${i}`, i);
    });
    expect((await hostile.send(first)).kind).toBe('kept');
    expect(await hostile.send(second)).toMatchObject({ kind: 'closed', code: 1007 });
    // The honest client reuses nothing: its own ids are refused when someone else sends them.
    const stolen = changeOf(forkOf(new Y.Doc(), honest.doc.clientID), (d) =>
      d.getMap('elements').set('x', 1),
    );
    expect(await hostile.send(stolen)).toMatchObject({ kind: 'closed', code: 1007 });
    for (let i = 20; i < 41; i++) honestEdit(i);

    const check = (doc: Y.Doc) => keys.every((key) => doc.getMap('elements').has(key));
    const newcomer = connectYClient(s.syncUrl, 'reuse');
    cleanup.push(() => newcomer.destroy());
    await waitFor(() => check(newcomer.doc), 'the newcomer to have all 41 honest keys');
    expect(newcomer.doc.getMap('elements').get('mine')).toBe('first');
    expect(newcomer.doc.getMap('meta').has('title')).toBe(false);

    honest.destroy();
    newcomer.destroy();
    const restarted = await test.restart();
    const afterRestart = connectYClient(restarted.syncUrl, 'reuse');
    cleanup.push(() => afterRestart.destroy());
    await synced(afterRestart);
    expect(check(afterRestart.doc)).toBe(true);
    expect(afterRestart.doc.getMap('meta').has('title')).toBe(false);
  });

  it('an update ahead of its dependencies waits for its own sender, and is refused if they never come', async () => {
    const { test, logs } = await server();
    const s = test.server;
    const reader = connectYClient(s.syncUrl, 'pending');
    cleanup.push(() => reader.destroy());
    await synced(reader);

    // Honest: a live edit sent before the sync step 2 that carries what it builds on.
    const offline = new Y.Doc();
    offline.getText('t').insert(0, 'first ');
    const first = Y.encodeStateAsUpdate(offline);
    const second = changeOf(offline, (d) => d.getText('t').insert(6, 'second'));
    const ws = new WebSocket(`${s.syncUrl}/pending`);
    cleanup.push(() => ws.close());
    await new Promise((resolve) => ws.on('open', resolve));
    ws.send(encodeSyncMessage(SYNC_UPDATE, second));
    ws.send(encodeSyncMessage(SYNC_STEP_2, first));
    await waitFor(() => reader.doc.getText('t').toString() === 'first second', 'both parts to integrate');

    // Hostile: updates that build on content nobody has: never served, refused when they pile up.
    const hostile = new HostileEditor(`${s.syncUrl}/pending`);
    cleanup.push(() => hostile.close());
    const phantom = new Y.Doc();
    phantom.getMap('elements').set('phantom', 1);
    let outcome: Outcome = { kind: 'kept' };
    let sent = 0;
    while (outcome.kind === 'kept' && sent < 100) {
      outcome = await hostile.send(changeOf(phantom, (d) => d.getMap('elements').set(`p${sent}`, sent)));
      sent++;
      const newcomer = new HostileEditor(`${s.syncUrl}/pending`);
      await newcomer.refresh();
      newcomer.close();
      expect(newcomer.mirror.getMap('elements').size).toBe(0);
    }
    expect(outcome).toMatchObject({ kind: 'closed', code: 1007 });
    expect(sent).toBe(33);
    expect(logs.some((line) => /refused document update, missing/.test(line))).toBe(true);
  });
});

describe('malicious-peer fuzzer', () => {
  it('random valid hostile updates into every root map never cost honest content', async () => {
    const seed = Number(process.env.CXBOARD_FUZZ_SEED ?? 20261129);
    const random = seededRandom(seed);
    const { test } = await server();
    const s = test.server;
    const room = 'fuzz';
    const honest = ['ann', 'bob', 'cem'].map((name) => boardClient(s.syncUrl, room, name));
    await Promise.all(honest.map((c) => c.connection.whenSynced()));
    const hostile = new HostileEditor(`${s.syncUrl}/${room}`);
    cleanup.push(() => hostile.close());

    const expected = new Map<string, string>();
    let editing = true;
    const honestEditing = (async () => {
      for (let i = 0; editing; i++) {
        const client = honest[i % honest.length] as BoardClient;
        const text = `${client.name} ${i}`;
        expected.set(client.board.addElement({ type: 'sticky', x: i, y: i, text }), text);
        await delay(5 + Math.floor(random() * 20));
      }
    })();

    const FRAMES = 240;
    const tally = { tried: 0, kept: 0, refused: 0, expectedRefused: 0 };
    const started = Date.now();
    for (let i = 0; i < FRAMES; i++) {
      await hostile.refresh();
      const rootName = ROOT_MAPS[Math.floor(random() * ROOT_MAPS.length)] as string;
      const key = HOSTILE_KEYS[Math.floor(random() * HOSTILE_KEYS.length)] as string;
      const kind = Math.floor(random() * 6);
      let update: Uint8Array;
      let mustRefuse = true;
      if (kind === 0) {
        // Valid and integrable: hostile keys and values. Accepted (an editor may write them).
        update = changeOf(forkOf(hostile.mirror), (d) => {
          const root = d.getMap(rootName);
          root.set(key, hostileValue(random));
          const inner = new Y.Map<unknown>();
          root.set(`${key}-map`, inner);
          inner.set(key, hostileValue(random));
        });
        mustRefuse = false;
      } else if (kind === 1) {
        const levels = MAX_NESTING_DEPTH + 1 + Math.floor(random() * 3000);
        update = changeOf(forkOf(hostile.mirror), (d) => nestedMaps(d.getMap(rootName), key, levels));
      } else if (kind === 2) {
        const levels = MAX_NESTING_DEPTH + Math.floor(random() * 3000);
        update = changeOf(forkOf(hostile.mirror), (d) =>
          d.getMap(rootName).set(key, nestedValue(levels, key)),
        );
      } else if (kind === 3) {
        // Reuses the ids of an honest client (one that has written already) for other content.
        const known = Y.decodeStateVector(Y.encodeStateVector(hostile.mirror));
        const victims = honest.map((c) => c.board.ydoc.clientID).filter((id) => (known.get(id) ?? 0) > 0);
        const victim = victims[Math.floor(random() * victims.length)];
        if (victim === undefined) continue;
        update = changeOf(forkOf(new Y.Doc(), victim), (d) =>
          d.getMap(rootName).set(key, hostileValue(random)),
        );
      } else if (kind === 4) {
        // Builds on content the room never saw, with a deletion of it too.
        const phantom = forkOf(hostile.mirror);
        phantom.getMap(rootName).set(`${key}-base`, 'never sent');
        update = changeOf(phantom, (d) => {
          d.getMap(rootName).set(`${key}-next`, hostileValue(random));
          d.getMap(rootName).delete(`${key}-base`);
        });
        mustRefuse = false; // held for its sender, not integrated; refused once they pile up
      } else {
        // A valid hostile-key change merged with a too-deep one: refused as a whole.
        const fork = forkOf(hostile.mirror);
        const good = changeOf(fork, (d) => d.getMap(rootName).set(`${key}-ok`, 1));
        const bad = changeOf(fork, (d) =>
          nestedMaps(d.getMap(rootName), `${key}-deep`, 40 + Math.floor(random() * 500)),
        );
        update = Y.mergeUpdates([good, bad]);
      }
      const outcome = await hostile.send(update);
      tally.tried++;
      if (outcome.kind === 'kept') tally.kept++;
      else {
        expect(outcome.code).toBe(1007);
        tally.refused++;
      }
      if (mustRefuse) {
        tally.expectedRefused++;
        expect(outcome.kind, `frame ${i} (kind ${kind}, seed ${seed})`).toBe('closed');
      }
    }
    editing = false;
    await honestEditing;
    const elapsedMs = Date.now() - started;

    const hasAllHonest = (doc: Y.Doc) => [...expected].every(([id, text]) => elementText(doc, id) === text);
    await waitFor(
      () => honest.every((c) => hasAllHonest(c.board.ydoc)),
      'every honest client to have all honest content',
      30_000,
    );
    const newcomer = connectYClient(s.syncUrl, room);
    cleanup.push(() => newcomer.destroy());
    await synced(newcomer, 30_000);
    expect(hasAllHonest(newcomer.doc)).toBe(true);
    // Nothing too deep ever reached the room.
    expect(deepestNesting(newcomer.doc)).toBeLessThanOrEqual(MAX_NESTING_DEPTH);

    for (const client of honest) client.close();
    newcomer.destroy();
    hostile.close();
    const restarted = await test.restart();
    const afterRestart = connectYClient(restarted.syncUrl, room);
    cleanup.push(() => afterRestart.destroy());
    await synced(afterRestart, 30_000);
    expect(hasAllHonest(afterRestart.doc)).toBe(true);

    const metrics = s.metrics();
    console.info(
      `fuzzer seed ${seed}: ${tally.tried} hostile updates in ${elapsedMs} ms, ${tally.kept} kept, ` +
        `${tally.refused} refused (${tally.expectedRefused} had to be); server refused ${metrics.updates.refused}; ` +
        `${expected.size} honest elements survived on 3 clients, a newcomer and a restart`,
    );
    expect(tally.refused).toBeGreaterThanOrEqual(tally.expectedRefused);
    expect(expected.size).toBeGreaterThan(20);
  }, 240_000);
});

/** Deepest nesting of shared types and JSON values in a document (iterative). */
function deepestNesting(doc: Y.Doc): number {
  let deepest = 0;
  const stack: { value: unknown; depth: number }[] = ROOT_MAPS.map((name) => ({
    value: doc.getMap(name),
    depth: 0,
  }));
  while (stack.length > 0) {
    const { value, depth } = stack.pop() as { value: unknown; depth: number };
    deepest = Math.max(deepest, depth);
    if (value instanceof Y.Map)
      for (const child of value.values()) stack.push({ value: child, depth: depth + 1 });
    else if (value instanceof Y.Array)
      for (const child of value.toArray()) stack.push({ value: child, depth: depth + 1 });
    else if (value !== null && typeof value === 'object' && !(value instanceof Y.AbstractType))
      for (const child of Object.values(value)) stack.push({ value: child, depth: depth + 1 });
  }
  return deepest;
}
