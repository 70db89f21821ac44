import { describe, expect, it } from 'vitest';
import { BoardDoc } from '../../../shared/board';
import { stageContent, stageDeleteNeedsConfirmation } from './content';

describe('stage deletion', () => {
  it('counts cards over all lanes, moments and emotions of one stage', () => {
    const board = BoardDoc.create();
    const id = board.addJourney({ kind: 'cjm', preset: 'full', x: 0, y: 0, stageTitles: ['A', 'B'] });
    const j = board.snapshot().journeys[id]!;
    const [a, b] = j.stages.map((s) => s.id) as [string, string];
    board.addCard(id, { stageId: a, laneId: j.lanes[0]!.id });
    board.addCard(id, { stageId: a, laneId: j.lanes[3]!.id });
    board.addCard(id, { stageId: b, laneId: j.lanes[0]!.id });
    board.addMoment(id, { stageId: a, type: 'FMOT' });
    board.setEmotion(id, b, 'toBe', -1);
    const now = board.snapshot().journeys[id]!;
    expect(stageContent(now, a)).toEqual({ cards: 2, moments: 1, emotions: false });
    expect(stageContent(now, b)).toEqual({ cards: 1, moments: 0, emotions: true });
  });

  it('asks only when something would be lost or a matrix row needs a decision', () => {
    const empty = { cards: 0, moments: 0, emotions: false };
    expect(stageDeleteNeedsConfirmation(empty, 0, false)).toBe(false);
    expect(stageDeleteNeedsConfirmation(empty, 0, true)).toBe(true);
    expect(stageDeleteNeedsConfirmation(empty, 1, false)).toBe(true);
    expect(stageDeleteNeedsConfirmation({ ...empty, cards: 1 }, 0, false)).toBe(true);
    expect(stageDeleteNeedsConfirmation({ ...empty, emotions: true }, 0, false)).toBe(true);
  });
});
