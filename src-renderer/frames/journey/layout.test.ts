import { describe, expect, it } from 'vitest';
import { BoardDoc, type JourneySnapshot } from '../../../shared/board';
import {
  cardPosition,
  computeJourneyLayout,
  JOURNEY_METRICS as M,
  journeyNodeSize,
  laneHeight,
} from './layout';

function journey(board: BoardDoc, id: string): JourneySnapshot {
  return board.snapshot().journeys[id]!;
}

function newJourney(kind: 'cjm' | 'reverse' | 'ejm' = 'cjm', stageTitles = ['A', 'B', 'C']) {
  const board = BoardDoc.create();
  const id = board.addJourney({ kind, preset: 'light', x: 0, y: 0, stageTitles });
  return { board, id };
}

describe('journey layout', () => {
  it('places stage columns side by side after the lane headers, then the add column', () => {
    const { board, id } = newJourney();
    const layout = computeJourneyLayout(journey(board, id));
    const xs = layout.columns.map((c) => c.x);
    expect(xs[0]).toBe(M.padding + M.laneHeaderWidth);
    expect(xs[1]! - xs[0]!).toBe(M.stageWidth);
    expect(layout.addColumn.x).toBe(xs[2]! + M.stageWidth);
    expect(layout.goalColumn).toBeNull();
    expect(layout.width).toBe(Math.max(M.minWidth, layout.addColumn.x + M.addColumnWidth + M.padding));
  });

  it('stacks lanes under the stage header and ends with the add-lane row', () => {
    const { board, id } = newJourney();
    const layout = computeJourneyLayout(journey(board, id));
    expect(layout.lanesTop).toBe(M.padding + M.headerBase + M.stageHeaderHeight);
    const [first, second] = layout.lanes;
    expect(first!.y).toBe(layout.lanesTop);
    expect(second!.y).toBe(first!.y + first!.height);
    expect(layout.height).toBe(layout.lanesBottom + M.addLaneRowHeight + M.padding);
  });

  it('grows a lane with the fullest cell of that lane only', () => {
    const { board, id } = newJourney();
    const j0 = journey(board, id);
    const [steps, barriers] = j0.lanes;
    const before = computeJourneyLayout(j0);
    for (let i = 0; i < 3; i++)
      board.addCard(id, { stageId: j0.stages[1]!.id, laneId: steps!.id, text: `c${i}` });
    board.addCard(id, { stageId: j0.stages[0]!.id, laneId: steps!.id, text: 'x' });
    const after = computeJourneyLayout(journey(board, id));
    expect(after.lanes[0]!.maxItems).toBe(3);
    expect(after.lanes[0]!.height).toBe(laneHeight('steps', 3));
    expect(after.lanes[0]!.height).toBeGreaterThan(before.lanes[0]!.height);
    expect(after.lanes[1]!.laneId).toBe(barriers!.id);
    expect(after.lanes[1]!.height).toBe(before.lanes[1]!.height);
    // Node size follows.
    expect(journeyNodeSize(journey(board, id)).height - journeyNodeSize(j0).height).toBe(
      after.lanes[0]!.height - before.lanes[0]!.height,
    );
  });

  it('gives cards fixed slots: cell padding, then one card height plus gap per index', () => {
    const { board, id } = newJourney();
    const j = journey(board, id);
    const layout = computeJourneyLayout(j);
    const stageId = j.stages[2]!.id;
    const laneId = j.lanes[1]!.id;
    expect(cardPosition(layout, stageId, laneId, 2)).toEqual({
      x: layout.columns[2]!.x + M.cellPadding,
      y: layout.lanes[1]!.y + M.cellPadding + 2 * (M.cardHeight + M.cardGap),
    });
    expect(cardPosition(layout, 'missing', laneId, 0)).toBeNull();
  });

  it('stacks a cell as a column: padding, items with gaps, the cell gap, the add button', () => {
    // test/unit/journey-css.test.ts checks these metrics against journey.css itself.
    expect(laneHeight('steps', 0)).toBe(M.minLaneHeight);
    expect(laneHeight('steps', 3)).toBe(
      M.cellPadding + 3 * M.cardHeight + 2 * M.cardGap + M.cellGap + M.addButtonHeight + M.cellPadding,
    );
    expect(laneHeight('moments', 2)).toBe(
      M.cellPadding + 2 * M.momentHeight + M.momentGap + M.cellGap + M.addButtonHeight + M.cellPadding,
    );
    expect(laneHeight('emotions', 9)).toBe(M.emotionLaneHeight);
  });

  it('sizes the emotion lane fixed and the moments lane by the busiest stage', () => {
    const board = BoardDoc.create();
    const id = board.addJourney({ kind: 'cjm', preset: 'full', x: 0, y: 0, stageTitles: ['A', 'B'] });
    const j0 = journey(board, id);
    const stage = j0.stages[0]!.id;
    board.addMoment(id, { stageId: stage, type: 'ZMOT' });
    board.addMoment(id, { stageId: stage, type: 'FMOT' });
    board.addMoment(id, { stageId: j0.stages[1]!.id, type: 'UMOT' });
    const layout = computeJourneyLayout(journey(board, id));
    const emotions = layout.lanes.find((l) => l.type === 'emotions')!;
    const moments = layout.lanes.find((l) => l.type === 'moments')!;
    expect(emotions.height).toBe(M.emotionLaneHeight);
    expect(moments.maxItems).toBe(2);
    expect(moments.height).toBe(laneHeight('moments', 2));
  });

  it('lays a reverse map out right-to-left: add column first, end goal last; forward reading appends', () => {
    const { board, id } = newJourney('reverse', ['Tickets', 'Hotel']);
    board.setWhyLadder(id, ['one', 'two']);
    const j = journey(board, id);
    const build = computeJourneyLayout(j, 'build');
    expect(build.addColumn.x).toBe(M.padding + M.laneHeaderWidth);
    expect(build.columns[0]!.x).toBe(build.addColumn.x + M.addColumnWidth);
    expect(build.goalColumn!.x).toBe(build.columns[1]!.x + M.stageWidth);
    expect(build.headerHeight).toBe(M.headerBase + M.goalRow + M.ladderCaption + 2 * M.ladderRow);

    const forward = computeJourneyLayout(j, 'forward');
    expect(forward.columns[0]!.x).toBe(M.padding + M.laneHeaderWidth);
    expect(forward.addColumn.x).toBe(forward.columns[1]!.x + M.stageWidth);
    expect(forward.goalColumn!.x).toBe(forward.addColumn.x + M.addColumnWidth);
    expect(forward.headerHeight).toBe(M.headerBase + M.goalRow + M.forwardSummary);
    // A forward map ignores the reading.
    const cjm = newJourney('cjm');
    const cj = journey(cjm.board, cjm.id);
    expect(computeJourneyLayout(cj, 'build')).toEqual(computeJourneyLayout(cj, 'forward'));
  });

  it('keeps a minimum width for an empty map and still has room for the add column', () => {
    const { board, id } = newJourney('cjm', []);
    const layout = computeJourneyLayout(journey(board, id));
    expect(layout.columns).toEqual([]);
    expect(layout.width).toBe(M.minWidth);
    expect(layout.addColumn.x).toBe(M.padding + M.laneHeaderWidth);
  });
});
