import { type BoardSnapshot, cellKey, type JourneySnapshot } from '../../../shared/board';

/** What deleting a stage would take with it (metrics live outside the journey: counted apart). */
export interface StageContent {
  cards: number;
  moments: number;
  /** An emotion score is set in either series. */
  emotions: boolean;
}

/** Counts the content of one stage of a journey. */
export function stageContent(journey: JourneySnapshot, stageId: string): StageContent {
  let cards = 0;
  for (const lane of journey.lanes) cards += journey.cells[`${stageId}:${lane.id}`]?.length ?? 0;
  const stage = journey.stages.find((s) => s.id === stageId);
  return {
    cards,
    moments: journey.moments.filter((m) => m.stageId === stageId).length,
    emotions: !!stage && (stage.emotion.asIs !== null || stage.emotion.toBe !== null),
  };
}

/** Process cards that linked blueprints hold in the column of a stage. */
export function blueprintCardsInStage(snapshot: BoardSnapshot, journeyId: string, stageId: string): number {
  let count = 0;
  for (const bp of Object.values(snapshot.blueprints)) {
    if (bp.journeyId !== journeyId) continue;
    for (const lane of bp.lanes) count += bp.cells[cellKey(stageId, lane.id)]?.length ?? 0;
  }
  return count;
}

/**
 * Whether deleting a stage asks first: when it holds anything (cards, moments, emotion
 * scores, metrics), an AI matrix follows the journey (the user decides about its row) or a
 * linked blueprint has process cards in its column (deleted, or kept as a column of its own).
 * An empty stage goes at once; undo brings it back.
 */
export function stageDeleteNeedsConfirmation(
  content: StageContent,
  metrics: number,
  hasMatrix: boolean,
  blueprintCards = 0,
): boolean {
  return (
    hasMatrix ||
    metrics > 0 ||
    blueprintCards > 0 ||
    content.cards > 0 ||
    content.moments > 0 ||
    content.emotions
  );
}
