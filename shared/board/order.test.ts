import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareOrdered, isOrderKey, type Ordered, planInsert } from './order';

function insert(list: Ordered[], id: string, index: number): Ordered[] {
  const { key, rekey } = planInsert(list, index);
  const next = list.map((item) => ({ id: item.id, order: rekey.get(item.id) ?? item.order }));
  next.push({ id, order: key });
  return next.sort(compareOrdered);
}

describe('fractional ordering', () => {
  it('places an item at any index', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(20), { maxLength: 30 }), (indexes) => {
        let list: Ordered[] = [];
        const expected: string[] = [];
        indexes.forEach((i, n) => {
          const at = i % (list.length + 1);
          list = insert(list, `id${n}`, at);
          expected.splice(at, 0, `id${n}`);
        });
        expect(list.map((x) => x.id)).toEqual(expected);
      }),
    );
  });

  it('re-keys when concurrent inserts left equal keys, so every position stays reachable', () => {
    const list: Ordered[] = [
      { id: 'a', order: 'a0' },
      { id: 'b', order: 'a0' },
    ];
    expect(insert(list, 'c', 1).map((x) => x.id)).toEqual(['a', 'c', 'b']);
  });

  it('breaks ties by id', () => {
    expect(
      [
        { id: 'b', order: 'a1' },
        { id: 'a', order: 'a1' },
      ].sort(compareOrdered)[0]!.id,
    ).toBe('a');
  });

  it('recognises valid keys', () => {
    expect(isOrderKey('a0')).toBe(true);
    expect(isOrderKey('')).toBe(false);
    expect(isOrderKey(3)).toBe(false);
  });
});
