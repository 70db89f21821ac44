import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import { PRESENCE_LIMITS, type PresenceLimits, PresenceTable } from './presence';
import type { AwarenessEntry } from './protocol';

function entry(clientId: number, clock: number, state: unknown): AwarenessEntry {
  return { clientId, clock, state, json: JSON.stringify(state) };
}

/** Decodes an awareness update into [id, clock, state] triples. */
function decode(update: Uint8Array): [number, number, unknown][] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const out: [number, number, unknown][] = [];
  for (let i = 0; i < count; i++) {
    out.push([
      decoding.readVarUint(decoder),
      decoding.readVarUint(decoder),
      JSON.parse(decoding.readVarString(decoder)),
    ]);
  }
  return out;
}

function nested(levels: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = [value];
  return value;
}

describe('PresenceTable', () => {
  it('lets only the connection that announced a client id change or remove it', () => {
    const table = new PresenceTable<string>();
    expect(table.apply('ann', [entry(1, 1, { name: 'Ann' })])).toEqual({ changed: [1], refused: 0 });
    expect(table.apply('bob', [entry(1, 2, { name: 'Mallory' })])).toEqual({ changed: [], refused: 1 });
    // An echo of Ann's state (same clock), as every stock client sends, is ignored quietly.
    expect(table.apply('bob', [entry(1, 1, { name: 'Ann' })])).toEqual({ changed: [], refused: 0 });
    expect(table.apply('bob', [entry(1, 3, null)])).toEqual({ changed: [], refused: 1 });
    expect(decode(table.encodeAll() as Uint8Array)).toEqual([[1, 1, { name: 'Ann' }]]);
    expect(table.apply('ann', [entry(1, 2, { name: 'Ann B.' })])).toEqual({ changed: [1], refused: 0 });
    // A stale clock changes nothing.
    expect(table.apply('ann', [entry(1, 1, { name: 'old' })])).toEqual({ changed: [], refused: 0 });
    expect(table.apply('ann', [entry(1, 3, null)])).toEqual({ changed: [1], refused: 0 });
    expect(decode(table.encode([1]))).toEqual([[1, 3, null]]);
    expect(table.size).toBe(0);
    // Once released, the id may be announced again, with a newer clock than its last state
    // (an echo of the departed state, as stock clients send, is ignored).
    expect(table.apply('bob', [entry(1, 2, { name: 'Ann B.' })])).toEqual({ changed: [], refused: 0 });
    expect(table.apply('bob', [entry(1, 4, { name: 'Bob' })]).changed).toEqual([1]);
  });

  it('forgets everything a connection owned when it leaves', () => {
    const table = new PresenceTable<number>();
    for (let peer = 0; peer < 1000; peer++)
      table.apply(peer, [entry(peer, 1, { cursor: { x: peer, y: 0 } })]);
    expect(table.size).toBe(1000);
    for (let peer = 0; peer < 1000; peer++) expect(table.removeOwner(peer)).toEqual([peer]);
    expect(table.size).toBe(0);
    expect(table.bytes).toBe(0);
    expect(table.encodeAll()).toBeNull();
    expect(decode(table.encode([7]))).toEqual([[7, 2, null]]);
  });

  it('refuses states that are too big or too deep and connections that claim too much', () => {
    const table = new PresenceTable<string>();
    const big = 'x'.repeat(PRESENCE_LIMITS.maxStateBytes);
    expect(() => table.apply('a', [entry(1, 1, { big })])).toThrow(/presence state of \d+ bytes/);
    expect(() => table.apply('a', [entry(1, 1, nested(PRESENCE_LIMITS.maxDepth + 1))])).toThrow(
      /levels deep/,
    );
    expect(table.apply('a', [entry(1, 1, nested(PRESENCE_LIMITS.maxDepth))]).changed).toEqual([1]);
    const many = Array.from({ length: PRESENCE_LIMITS.maxClientsPerPeer }, (_, i) => entry(100 + i, 1, {}));
    expect(() => table.apply('a', many)).toThrow(/more than 16 clients/);
    const half = 'y'.repeat(PRESENCE_LIMITS.maxStateBytes - 100);
    expect(() => table.apply('b', [entry(20, 1, half), entry(21, 1, half), entry(22, 1, half)])).toThrow(
      /presence of \d+ bytes from one connection/,
    );
    // Nothing of a refused message was applied.
    expect(table.size).toBe(1);
  });

  it('keeps a whole room within its budget: what a joiner is sent', () => {
    const limits: PresenceLimits = { ...PRESENCE_LIMITS, maxBytesPerRoom: 10_000 };
    const table = new PresenceTable<number>(limits);
    let refused = 0;
    for (let peer = 0; peer < 50; peer++)
      refused += table.apply(peer, [entry(peer, 1, 'z'.repeat(1000))]).refused;
    expect(table.bytes).toBeLessThanOrEqual(10_000);
    expect(refused).toBe(50 - table.size);
    expect(table.size).toBe(9);
    expect((table.encodeAll() as Uint8Array).byteLength).toBeLessThan(10_000 + 9 * 16);
    table.removeOwner(0);
    expect(table.apply(99, [entry(99, 1, 'z'.repeat(1000))]).changed).toEqual([99]);
  });
});
