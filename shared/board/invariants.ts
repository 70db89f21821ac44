import { own } from './read';
import { cellKey } from './schema';
import type { BoardSnapshot } from './types';

/**
 * Checks the board's structural invariants on a snapshot and returns every violation found
 * (empty when the board is sound): cards and moments only in live stages and lanes, stage
 * and lane orders total (each id once), matrix rows = journey stages in order, linked
 * blueprint columns = journey stages, metrics on live stages, connectors between live items.
 */
export function checkInvariants(board: BoardSnapshot): string[] {
  const problems: string[] = [];
  for (const j of Object.values(board.journeys)) {
    const stageIds = j.stages.map((s) => s.id);
    const laneIds = j.lanes.map((l) => l.id);
    if (new Set(stageIds).size !== stageIds.length) problems.push(`journey ${j.id}: a stage appears twice`);
    if (new Set(laneIds).size !== laneIds.length) problems.push(`journey ${j.id}: a lane appears twice`);
    const stages = new Set(stageIds);
    const lanes = new Set(laneIds);
    const seen = new Set<string>();
    for (const [key, cards] of Object.entries(j.cells)) {
      for (const card of cards) {
        if (!stages.has(card.stageId)) problems.push(`card ${card.id} is in deleted stage ${card.stageId}`);
        if (!lanes.has(card.laneId)) problems.push(`card ${card.id} is in deleted lane ${card.laneId}`);
        if (key !== cellKey(card.stageId, card.laneId))
          problems.push(`card ${card.id} is filed under the wrong cell`);
        if (seen.has(card.id)) problems.push(`card ${card.id} appears twice`);
        seen.add(card.id);
      }
    }
    for (const m of j.moments)
      if (!stages.has(m.stageId)) problems.push(`moment ${m.id} is in deleted stage`);
  }
  for (const matrix of Object.values(board.matrices)) {
    const journey = own(board.journeys, matrix.journeyId);
    const expected = journey?.stages.map((s) => s.id).join(',');
    if (matrix.rows.map((r) => r.stageId).join(',') !== expected) {
      problems.push(`matrix ${matrix.id}: rows do not follow the stages of journey ${matrix.journeyId}`);
    }
  }
  for (const bp of Object.values(board.blueprints)) {
    if (!bp.journeyId) continue;
    const journey = own(board.journeys, bp.journeyId);
    if (bp.columns.map((c) => c.id).join(',') !== journey?.stages.map((s) => s.id).join(',')) {
      problems.push(`blueprint ${bp.id}: columns do not follow journey ${bp.journeyId}`);
    }
  }
  for (const metric of Object.values(board.metrics)) {
    const journey = own(board.journeys, metric.journeyId);
    if (!journey?.stages.some((s) => s.id === metric.stageId))
      problems.push(`metric ${metric.id} is on a deleted stage`);
  }
  const items = new Set([
    ...Object.keys(board.elements),
    ...Object.keys(board.journeys),
    ...Object.keys(board.blueprints),
    ...Object.keys(board.matrices),
  ]);
  for (const el of Object.values(board.elements)) {
    if (el.type === 'connector' && (!el.from || !el.to || !items.has(el.from) || !items.has(el.to))) {
      problems.push(`connector ${el.id} has a missing end`);
    }
  }
  if (board.elementOrder.length !== Object.keys(board.elements).length)
    problems.push('element order is not total');
  return problems;
}
