import { own } from './read';
import { CANVAS_ITEM_COLLECTIONS } from './records';
import { cellKey } from './schema';
import type { BlueprintSnapshot, BoardSnapshot } from './types';

/**
 * Checks the board's structural invariants on a snapshot and returns every violation found
 * (empty when the board is sound): cards and moments only in live stages and lanes, stage
 * and lane orders total (each id once), matrix rows = journey stages in order, linked
 * blueprint columns = journey stages then kept columns, process cards and handoffs only in
 * live columns and lanes, metrics on live stages, connectors between live items.
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
  for (const bp of Object.values(board.blueprints)) problems.push(...blueprintProblems(board, bp));
  for (const metric of Object.values(board.metrics)) {
    const journey = own(board.journeys, metric.journeyId);
    if (!journey?.stages.some((s) => s.id === metric.stageId))
      problems.push(`metric ${metric.id} is on a deleted stage`);
  }
  const items = new Set(CANVAS_ITEM_COLLECTIONS.flatMap((key) => Object.keys(board[key])));
  for (const el of Object.values(board.elements)) {
    if (el.type === 'connector' && (!el.from || !el.to || !items.has(el.from) || !items.has(el.to))) {
      problems.push(`connector ${el.id} has a missing end`);
    }
  }
  if (board.elementOrder.length !== Object.keys(board.elements).length)
    problems.push('element order is not total');
  return problems;
}

/**
 * A blueprint's rules: a linked one's columns are its journey's stages in order, then kept
 * columns that are no live stage; columns and lanes each appear once; every card sits in a
 * live column and lane and is filed under its cell; handoffs join two shown cards.
 */
function blueprintProblems(board: BoardSnapshot, bp: BlueprintSnapshot): string[] {
  const problems: string[] = [];
  const columnIds = bp.columns.map((c) => c.id);
  if (new Set(columnIds).size !== columnIds.length)
    problems.push(`blueprint ${bp.id}: a column appears twice`);
  if (bp.journeyId) {
    const stages = own(board.journeys, bp.journeyId)?.stages.map((s) => s.id);
    const linked = bp.columns.filter((c) => !c.kept).map((c) => c.id);
    if (
      linked.join(',') !== stages?.join(',') ||
      columnIds.slice(0, linked.length).join(',') !== linked.join(',')
    )
      problems.push(`blueprint ${bp.id}: columns do not follow journey ${bp.journeyId}`);
  } else if (bp.columns.some((c) => c.kept))
    problems.push(`blueprint ${bp.id}: a standalone blueprint has a kept column`);
  const columns = new Set(columnIds);
  const lanes = new Set(bp.lanes.map((l) => l.id));
  if (lanes.size !== bp.lanes.length) problems.push(`blueprint ${bp.id}: a lane appears twice`);
  const cards = new Set<string>();
  for (const [key, list] of Object.entries(bp.cells)) {
    for (const card of list) {
      if (!columns.has(card.columnId))
        problems.push(`process card ${card.id} is in deleted column ${card.columnId}`);
      if (!lanes.has(card.lane)) problems.push(`process card ${card.id} is in deleted lane ${card.lane}`);
      if (key !== cellKey(card.columnId, card.lane))
        problems.push(`process card ${card.id} is filed under the wrong cell`);
      if (cards.has(card.id)) problems.push(`process card ${card.id} appears twice`);
      cards.add(card.id);
    }
  }
  for (const h of bp.handoffs)
    if (!cards.has(h.from) || !cards.has(h.to) || h.from === h.to)
      problems.push(`handoff ${h.id} has a missing end`);
  return problems;
}
