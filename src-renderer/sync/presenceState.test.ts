import { describe, expect, it } from 'vitest';
import { cleanName, FALLBACK_COLOR, readPeer, sortPeers } from './presenceState';

const valid = {
  v: 1,
  user: { name: 'Anna', color: '#e11d48' },
  cursor: { x: 10, y: -5 },
  selection: ['a1', 'b2'],
  viewport: { x: 100, y: 200, zoom: 0.5 },
};

describe('readPeer', () => {
  it('reads a well-formed presence record', () => {
    expect(readPeer(7, valid)).toEqual({
      clientId: 7,
      name: 'Anna',
      color: '#e11d48',
      cursor: { x: 10, y: -5 },
      selection: ['a1', 'b2'],
      viewport: { x: 100, y: 200, zoom: 0.5 },
    });
  });

  it('ignores clients that publish no presence of ours', () => {
    for (const state of [
      null,
      5,
      {},
      { user: { name: 'x' } },
      { v: 2, user: { name: 'x' } },
      { v: 1, user: {} },
    ]) {
      expect(readPeer(1, state)).toBeNull();
    }
    expect(readPeer(1, { ...valid, user: { name: ' \u0000 ', color: '#fff' } })).toBeNull();
  });

  it('bounds and cleans every field of a hostile record', () => {
    const peer = readPeer(3, {
      v: 1,
      user: { name: `\u202eEvil\u0007 ${'x'.repeat(100)}`, color: 'red; background:url(x)' },
      cursor: { x: Number.NaN, y: 1 },
      selection: ['ok', 'ok', 'bad id', 5, ...Array.from({ length: 500 }, (_, i) => `id${i}`)],
      viewport: { x: 1, y: 1, zoom: -1 },
    })!;
    expect(peer.name).toHaveLength(40);
    expect(peer.name.startsWith('Evil x')).toBe(true);
    expect(peer.color).toBe(FALLBACK_COLOR);
    expect(peer.cursor).toBeNull();
    expect(peer.viewport).toBeNull();
    expect(peer.selection[0]).toBe('ok');
    expect(peer.selection.length).toBeLessThanOrEqual(200);
    expect(readPeer(3, { ...valid, cursor: { x: 1e12, y: 0 } })!.cursor).toBeNull();
  });
});

describe('names and order', () => {
  it('collapses whitespace and strips control and direction characters', () => {
    expect(cleanName('  Anna \n\t K.\u200b ')).toBe('Anna K.');
  });

  it('sorts by name, then by client id', () => {
    const base = { color: '#000000', cursor: null, selection: [], viewport: null };
    const sorted = sortPeers([
      { ...base, clientId: 2, name: 'Boris' },
      { ...base, clientId: 9, name: 'Anna' },
      { ...base, clientId: 1, name: 'Anna' },
    ]);
    expect(sorted.map((p) => p.clientId)).toEqual([1, 9, 2]);
  });
});
