import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { BoardDoc, type LaneSnapshot } from '../../../shared/board';
import {
  addStageTarget,
  defaultCardColor,
  defaultMomentType,
  forwardSummary,
  laneDisplayTitle,
  subjectContext,
  parseTags,
  stageNumbers,
} from './reading';

function reverseMap(stageTitles: string[]) {
  const board = BoardDoc.create();
  const id = board.addJourney({ kind: 'reverse', x: 0, y: 0, stageTitles });
  return { board, id, read: () => board.snapshot().journeys[id]! };
}

describe('reverse CJM reading', () => {
  it('counts stages back from the goal while building, 1..n when read forward', () => {
    const { read } = reverseMap(['Tickets', 'Travel', 'Hotel']);
    expect(stageNumbers(read(), 'build')).toEqual(['−3', '−2', '−1']);
    expect(stageNumbers(read(), 'forward')).toEqual(['1', '2', '3']);
  });

  it('adds a new stage before the first one while building, after the last when read forward', () => {
    const { board, id, read } = reverseMap(['Hotel']);
    board.addStage(id, { title: 'Travel', ...addStageTarget(read(), 'build') });
    board.addStage(id, { title: 'Tickets', ...addStageTarget(read(), 'build') });
    expect(read().stages.map((s) => s.title)).toEqual(['Tickets', 'Travel', 'Hotel']);
    board.addStage(id, { title: 'Photo', ...addStageTarget(read(), 'forward') });
    expect(read().stages.map((s) => s.title)).toEqual(['Tickets', 'Travel', 'Hotel', 'Photo']);
  });

  it('adds to an empty map with no placement (the document decides: first = last)', () => {
    const { read } = reverseMap([]);
    expect(addStageTarget(read(), 'build')).toEqual({});
    expect(addStageTarget(read(), 'forward')).toEqual({});
  });

  it('appends after the last stage on forward maps whatever the reading', () => {
    const board = BoardDoc.create();
    const id = board.addJourney({ kind: 'cjm', x: 0, y: 0, stageTitles: ['A', 'B'] });
    const j = board.snapshot().journeys[id]!;
    expect(addStageTarget(j, 'build')).toEqual({ after: j.stages[1]!.id });
    expect(stageNumbers(j, 'build')).toEqual(['1', '2']);
  });

  it('reads the map forward ending in the end goal', () => {
    const { board, id, read } = reverseMap(['Tickets', '', 'Hotel']);
    expect(forwardSummary(read(), '?')).toEqual(['Tickets', '?', 'Hotel']);
    board.updateJourney(id, { endGoal: 'Photo on the Baikal ice' });
    expect(forwardSummary(read(), '?')).toEqual(['Tickets', '?', 'Hotel', 'Photo on the Baikal ice']);
  });
});

describe('labels and defaults', () => {
  const lane = (title: string): LaneSnapshot => ({ id: 'l', type: 'barriers', title });
  const t = ((key: string, options?: { context?: string }) =>
    `<${key}${options?.context ? `_${options.context}` : ''}>`) as unknown as TFunction;

  it('shows a lane by its own title, else by its translated type', () => {
    expect(laneDisplayTitle(lane(''), 'cjm', t)).toBe('<journey.lane.type.barriers>');
    expect(laneDisplayTitle(lane('   '), 'reverse', t)).toBe('<journey.lane.type.barriers>');
    expect(laneDisplayTitle(lane('Pains'), 'cjm', t)).toBe('Pains');
  });

  it('names the lanes of an employee journey map after the employee', () => {
    expect(laneDisplayTitle(lane(''), 'ejm', t)).toBe('<journey.lane.type.barriers_employee>');
    expect(laneDisplayTitle(lane('Pains'), 'ejm', t)).toBe('Pains');
    expect(subjectContext('ejm')).toEqual({ context: 'employee' });
    expect(subjectContext('cjm')).toEqual({});
  });

  it('suggests the moment of truth from the stage position', () => {
    expect(defaultMomentType(0, 5)).toBe('ZMOT');
    expect(defaultMomentType(1, 5)).toBe('FMOT');
    expect(defaultMomentType(2, 5)).toBe('SMOT');
    expect(defaultMomentType(4, 5)).toBe('UMOT');
    expect(defaultMomentType(0, 1)).toBe('ZMOT');
  });

  it('colours new cards by lane type', () => {
    expect(defaultCardColor('barriers')).toBe('pink');
    expect(defaultCardColor('ideas')).toBe('green');
    expect(defaultCardColor('steps')).toBe('yellow');
  });

  it('parses tags: trimmed, no empties, no duplicates, in order', () => {
    expect(parseTags(' b, a,, b ,c ')).toEqual(['b', 'a', 'c']);
    expect(parseTags('')).toEqual([]);
  });
});
