import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BoardDoc } from '../../../shared/board';
import { insertionIndex, resolveCardDrop, resolveReorder, sideOf, stepTarget } from './dragTargets';

describe('insertion slot', () => {
  it('counts the items whose middle is above the pointer', () => {
    const mids = [40, 120, 200];
    expect(insertionIndex(mids, 0)).toBe(0);
    expect(insertionIndex(mids, 41)).toBe(1);
    expect(insertionIndex(mids, 199)).toBe(2);
    expect(insertionIndex(mids, 1000)).toBe(3);
    expect(insertionIndex([], 5)).toBe(0);
  });

  it('tells which half of a box the pointer is over', () => {
    expect(sideOf(100, 240, 219)).toBe('before');
    expect(sideOf(100, 240, 221)).toBe('after');
  });
});

/** A journey with one cell of `n` cards and an empty cell next to it, on a real BoardDoc. */
function cellOf(n: number) {
  const board = BoardDoc.create();
  const id = board.addJourney({ kind: 'cjm', preset: 'light', x: 0, y: 0, stageTitles: ['A', 'B'] });
  const j = board.snapshot().journeys[id]!;
  const stageId = j.stages[0]!.id;
  const otherStage = j.stages[1]!.id;
  const laneId = j.lanes[0]!.id;
  const cards = Array.from({ length: n }, (_, i) => board.addCard(id, { stageId, laneId, text: `c${i}` }));
  const order = (s = stageId) =>
    board.snapshot().journeys[id]!.cells[`${s}:${laneId}`]?.map((c) => c.id) ?? [];
  return { board, id, stageId, otherStage, laneId, cards, order };
}

describe('card drops', () => {
  it('is a no-op when a card is dropped just above or below itself', () => {
    const from = { stageId: 's', laneId: 'l', index: 2 };
    expect(resolveCardDrop(from, { stageId: 's', laneId: 'l', slot: 2 })).toBeNull();
    expect(resolveCardDrop(from, { stageId: 's', laneId: 'l', slot: 3 })).toBeNull();
    expect(resolveCardDrop(from, { stageId: 's', laneId: 'l', slot: 0 })).toBe(0);
    expect(resolveCardDrop(from, { stageId: 's', laneId: 'l', slot: 5 })).toBe(4);
    expect(resolveCardDrop(from, { stageId: 'other', laneId: 'l', slot: 1 })).toBe(1);
  });

  it('puts the card exactly at the slot it was dropped on, with the real moveCard', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 6 })
          .chain((n) =>
            fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n })),
          ),
        ([n, from, slot]) => {
          const { board, id, stageId, laneId, cards, order } = cellOf(n);
          const moved = cards[from]!;
          // Expected: insert at the slot of the list as seen while dragging, then drop the original.
          const expected = [...cards];
          expected.splice(slot, 0, moved);
          expected.splice(slot <= from ? from + 1 : from, 1);
          const index = resolveCardDrop({ stageId, laneId, index: from }, { stageId, laneId, slot });
          if (index === null) expect(expected).toEqual(cards);
          else board.moveCard(id, moved, { stageId, laneId, index });
          expect(order()).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('moves a card into another cell at the slot', () => {
    const { board, id, stageId, otherStage, laneId, cards, order } = cellOf(3);
    board.addCard(id, { stageId: otherStage, laneId, text: 'x' });
    const index = resolveCardDrop({ stageId, laneId, index: 1 }, { stageId: otherStage, laneId, slot: 0 });
    board.moveCard(id, cards[1]!, { stageId: otherStage, laneId, index: index! });
    expect(order(otherStage)[0]).toBe(cards[1]);
    expect(order()).toEqual([cards[0], cards[2]]);
  });
});

describe('stage and lane reorder', () => {
  const order = ['a', 'b', 'c', 'd'];

  it('ignores drops that leave the order as it is', () => {
    expect(resolveReorder(order, 'b', 'b', 'before')).toBeNull();
    expect(resolveReorder(order, 'b', 'c', 'before')).toBeNull();
    expect(resolveReorder(order, 'b', 'a', 'after')).toBeNull();
    expect(resolveReorder(order, 'x', 'a', 'after')).toBeNull();
  });

  it('targets before/after the item dropped on', () => {
    expect(resolveReorder(order, 'a', 'c', 'after')).toEqual({ after: 'c' });
    expect(resolveReorder(order, 'd', 'a', 'before')).toEqual({ before: 'a' });
  });

  it('steps one place for the keyboard, null at the edges', () => {
    expect(stepTarget(order, 'b', -1)).toEqual({ before: 'a' });
    expect(stepTarget(order, 'b', 1)).toEqual({ after: 'c' });
    expect(stepTarget(order, 'a', -1)).toBeNull();
    expect(stepTarget(order, 'd', 1)).toBeNull();
  });

  it('reorders real stages as the drop says', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 3 }),
        fc.boolean(),
        (from, to, after) => {
          const board = BoardDoc.create();
          const id = board.addJourney({ kind: 'cjm', x: 0, y: 0, stageTitles: ['a', 'b', 'c', 'd'] });
          const ids = board.snapshot().journeys[id]!.stages.map((s) => s.id);
          const dragged = ids[from]!;
          const target = resolveReorder(ids, dragged, ids[to]!, after ? 'after' : 'before');
          const expected = ids.filter((s) => s !== dragged);
          if (dragged !== ids[to]) {
            const at = expected.indexOf(ids[to]!) + (after ? 1 : 0);
            expected.splice(at, 0, dragged);
          } else {
            expected.splice(from, 0, dragged);
          }
          if (target) board.moveStage(id, dragged, target);
          expect(board.snapshot().journeys[id]!.stages.map((s) => s.id)).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  });
});
