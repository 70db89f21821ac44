import { describe, expect, it } from 'vitest';
import { BoardDoc } from '../../../shared/board';
import { shareJourney } from './stable';

function setup() {
  const board = BoardDoc.create();
  const id = board.addJourney({ kind: 'cjm', preset: 'full', x: 0, y: 0, stageTitles: ['A', 'B', 'C'] });
  const j = board.snapshot().journeys[id]!;
  const lane = j.lanes[1]!.id;
  const [s0, s1, s2] = j.stages.map((s) => s.id) as [string, string, string];
  const keep = board.addCard(id, { stageId: s0, laneId: lane, text: 'stays' });
  const edit = board.addCard(id, { stageId: s1, laneId: lane, text: 'edit me' });
  const other = board.addCard(id, { stageId: s1, laneId: lane, text: 'neighbour' });
  board.addMoment(id, { stageId: s2, type: 'UMOT' });
  const read = () => board.snapshot().journeys[id]!;
  return { board, id, lane, s0, s1, s2, keep, edit, other, read };
}

describe('shareJourney', () => {
  it('keeps untouched cells, cards, stages and moments as the same objects after a text edit', () => {
    const { board, id, lane, s0, s1, edit, other, read } = setup();
    const before = shareJourney(undefined, read());
    board.setCardText(id, edit, 'edited');
    const raw = read();
    const after = shareJourney(before, raw);
    expect(after.cells[`${s0}:${lane}`]).toBe(before.cells[`${s0}:${lane}`]);
    expect(after.stages).toBe(before.stages);
    expect(after.moments).toBe(before.moments);
    expect(after.lanes).toBe(before.lanes);
    const cell = after.cells[`${s1}:${lane}`]!;
    expect(cell).not.toBe(before.cells[`${s1}:${lane}`]);
    expect(cell.find((c) => c.id === edit)!.text).toBe('edited');
    expect(cell.find((c) => c.id === other)).toBe(before.cells[`${s1}:${lane}`]!.find((c) => c.id === other));
    // The content is exactly the document's.
    expect(after).toEqual(raw);
  });

  it('gives a new list when order changes even though every card is reused', () => {
    const { board, id, lane, s1, edit, other, read } = setup();
    const before = shareJourney(undefined, read());
    board.moveCard(id, other, { stageId: s1, laneId: lane, index: 0 });
    const after = shareJourney(before, read());
    const cell = after.cells[`${s1}:${lane}`]!;
    expect(cell).not.toBe(before.cells[`${s1}:${lane}`]);
    expect(cell.map((c) => c.id)).toEqual([other, edit]);
    expect(cell[0]).toBe(before.cells[`${s1}:${lane}`]![1]);
  });

  it('renews a stage whose emotion changed, keeps the others', () => {
    const { board, id, s2, read } = setup();
    const before = shareJourney(undefined, read());
    board.setEmotion(id, s2, 'toBe', 1.5);
    const after = shareJourney(before, read());
    expect(after.stages).not.toBe(before.stages);
    expect(after.stages[0]).toBe(before.stages[0]);
    expect(after.stages[2]).not.toBe(before.stages[2]);
    expect(after.stages[2]!.emotion.toBe).toBe(1.5);
  });

  it('notices tag changes (arrays compared by content)', () => {
    const { board, id, s0, lane, keep, read } = setup();
    const before = shareJourney(undefined, read());
    board.updateCard(id, keep, { tags: ['a'] });
    const after = shareJourney(before, read());
    expect(after.cells[`${s0}:${lane}`]![0]!.tags).toEqual(['a']);
    expect(after.cells[`${s0}:${lane}`]).not.toBe(before.cells[`${s0}:${lane}`]);
  });
});
