import { describe, expect, it } from 'vitest';
import { BoardCommandError, BoardDoc, cellKey, SCHEMA_VERSION } from './index';

function journeyWithStages(board: BoardDoc, titles = ['Awareness', 'Purchase', 'Use']) {
  const journeyId = board.addJourney({ kind: 'cjm', preset: 'full', x: 0, y: 0, stageTitles: titles });
  const j = board.snapshot().journeys[journeyId]!;
  return { journeyId, stages: j.stages.map((s) => s.id), lanes: j.lanes.map((l) => l.id) };
}

describe('BoardDoc basics', () => {
  it('creates a board with title and schema version', () => {
    const board = BoardDoc.create({ title: 'Onboarding' });
    expect(board.snapshot().meta).toMatchObject({ title: 'Onboarding', schemaVersion: SCHEMA_VERSION });
  });

  it('adds a journey with preset lanes and ordered stages', () => {
    const board = BoardDoc.create();
    const { journeyId } = journeyWithStages(board);
    const j = board.snapshot().journeys[journeyId]!;
    expect(j.stages.map((s) => s.title)).toEqual(['Awareness', 'Purchase', 'Use']);
    expect(j.lanes.map((l) => l.type)).toEqual([
      'goals',
      'steps',
      'touchpoints',
      'expectations',
      'emotions',
      'moments',
      'barriers',
      'quotes',
      'ideas',
      'metrics',
    ]);
  });

  it('refuses bad arguments without changing anything', () => {
    const board = BoardDoc.create();
    const before = board.snapshot();
    expect(() => board.addElement({ type: 'sticky', x: Number.NaN, y: 0 })).toThrow(BoardCommandError);
    expect(() => board.addStage('nope', { title: 'x' })).toThrow(/journey nope not found/);
    expect(board.snapshot()).toBe(before);
  });

  it('moves a card between cells and keeps cell order', () => {
    const board = BoardDoc.create();
    const { journeyId, stages, lanes } = journeyWithStages(board);
    const a = board.addCard(journeyId, { stageId: stages[0]!, laneId: lanes[1]!, text: 'A' });
    const b = board.addCard(journeyId, { stageId: stages[0]!, laneId: lanes[1]!, text: 'B' });
    board.moveCard(journeyId, b, { stageId: stages[2]!, laneId: lanes[1]! });
    board.moveCard(journeyId, a, { stageId: stages[2]!, laneId: lanes[1]!, index: 0 });
    const j = board.snapshot().journeys[journeyId]!;
    expect(j.cells[cellKey(stages[0]!, lanes[1]!)]).toBeUndefined();
    expect(j.cells[cellKey(stages[2]!, lanes[1]!)]!.map((c) => c.text)).toEqual(['A', 'B']);
  });

  it('undo reverts only local changes', () => {
    const board = BoardDoc.create();
    const { journeyId } = journeyWithStages(board, []);
    board.history.clear();
    board.addStage(journeyId, { title: 'One' });
    board.history.undo();
    expect(board.snapshot().journeys[journeyId]!.stages).toEqual([]);
    board.history.redo();
    expect(board.snapshot().journeys[journeyId]!.stages.map((s) => s.title)).toEqual(['One']);
  });

  it('keeps identity of unchanged parts between snapshots', () => {
    const board = BoardDoc.create();
    const { journeyId } = journeyWithStages(board);
    const sticky = board.addElement({ type: 'sticky', x: 0, y: 0, text: 'hi' });
    const s1 = board.snapshot();
    board.moveElements([{ id: sticky, x: 10, y: 10 }]);
    const s2 = board.snapshot();
    expect(s2.journeys[journeyId]).toBe(s1.journeys[journeyId]);
    expect(s2.elements[sticky]).not.toBe(s1.elements[sticky]);
    expect(s2.elements[sticky]!.x).toBe(10);
  });
});
