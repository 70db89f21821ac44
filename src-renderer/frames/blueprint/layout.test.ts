import { describe, expect, it } from 'vitest';
import { BoardDoc } from '../../../shared/board';
import { computeJourneyLayout } from '../journey/layout';
import { BLUEPRINT_METRICS, computeBlueprintLayout, mirroredSteps } from './layout';

function linked() {
  const board = BoardDoc.create();
  const journey = board.addJourney({
    kind: 'cjm',
    preset: 'light',
    x: 0,
    y: 0,
    stageTitles: ['A', 'B', 'C'],
  });
  const bp = board.addBlueprint({ journeyId: journey, x: 0, y: 0 });
  return { board, journey, bp };
}

describe('blueprint layout', () => {
  it('puts each linked column at its stage column’s x and width, kept columns after a gap', () => {
    const { board, journey, bp } = linked();
    const stageB = board.snapshot().journeys[journey]!.stages[1]!.id;
    board.addProcessCard(bp, { columnId: stageB, lane: 'support' });
    board.deleteStage(journey, stageB, { blueprintCards: 'keep' });
    const snap = board.snapshot();
    const stages = computeJourneyLayout(snap.journeys[journey]!).columns;
    const layout = computeBlueprintLayout(snap.blueprints[bp]!, stages);
    expect(layout.columns.slice(0, 2).map((c) => [c.id, c.x, c.width])).toEqual(
      stages.map((s) => [s.stageId, s.x, s.width]),
    );
    const kept = layout.columns[2]!;
    expect(kept).toMatchObject({ id: stageB, kept: true });
    expect(kept.x).toBe(stages[1]!.x + stages[1]!.width + BLUEPRINT_METRICS.addColumnWidth);
    expect(layout.addColumnX).toBeNull();
  });

  it('draws the three lines below their zones, custom lanes inside their zone', () => {
    const { board, bp } = linked();
    const partners = board.addBlueprintLane(bp, { title: 'Partners', zone: 'customer' });
    const layout = computeBlueprintLayout(board.snapshot().blueprints[bp]!, null);
    const y = (id: string) => layout.lanes.find((l) => l.lane.id === id)!;
    const line = (name: string) => layout.lines.find((l) => l.line === name)!.y;
    expect(layout.lines.map((l) => l.line)).toEqual(['interaction', 'visibility', 'internalInteraction']);
    // The custom lane of the customer zone sits above the line of interaction.
    expect(y(partners).y).toBe(y('customer').y + y('customer').height);
    expect(line('interaction')).toBeGreaterThan(y(partners).y + y(partners).height);
    expect(line('interaction')).toBeLessThan(y('frontstage').y);
    expect(line('visibility')).toBeLessThan(y('backstage').y);
    expect(line('internalInteraction')).toBeLessThan(y('support').y);
  });

  it('grows a lane with its fullest cell, mirrored steps included', () => {
    const { board, journey, bp } = linked();
    const j = board.snapshot().journeys[journey]!;
    const steps = j.lanes.find((l) => l.type === 'steps')!;
    board.addCard(journey, { stageId: j.stages[0]!.id, laneId: steps.id, text: 'Opens the app' });
    board.addCard(journey, { stageId: j.stages[0]!.id, laneId: steps.id, text: 'Signs in' });
    board.setBlueprintMirror(bp, true);
    for (let i = 0; i < 3; i++) board.addProcessCard(bp, { columnId: j.stages[2]!.id, lane: 'customer' });
    const snap = board.snapshot();
    const mirrors = mirroredSteps(snap.blueprints[bp]!, snap.journeys[journey]);
    expect([...mirrors.values()].map((list) => list.map((c) => c.text))).toEqual([
      ['Opens the app', 'Signs in'],
    ]);
    const m = BLUEPRINT_METRICS;
    const layout = computeBlueprintLayout(snap.blueprints[bp]!, null, mirrors);
    const customer = layout.lanes.find((l) => l.lane.id === 'customer')!;
    expect(customer.height).toBe(
      m.cellPadding * 2 +
        2 * (m.mirrorHeight + m.cardGap) +
        3 * (m.cardHeight + m.cardGap) -
        m.cardGap +
        m.cellGap +
        m.addButtonHeight,
    );
    // Not mirrored: the journey's steps are not shown.
    board.setBlueprintMirror(bp, false);
    const after = board.snapshot();
    expect(mirroredSteps(after.blueprints[bp]!, after.journeys[journey]).size).toBe(0);
  });
});
