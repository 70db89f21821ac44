import { type BoardDoc, cellKey, type JourneySnapshot, LIMITS } from '../../../shared/board';
import { journeySchema } from '../../../shared/board/records';

/**
 * Copies of journey maps: duplicate (Ctrl+D) and copy/paste within a board, across boards and
 * tabs. A copy is the journey's snapshot as JSON; reading one back is the trust boundary
 * (`parseJourney`), writing it is composed of the board's public commands in the caller's
 * batch (`pasteJourney`), so a paste is one undo step and syncs like any edit.
 */

function uniqueIds(items: readonly { id: string }[]): boolean {
  return new Set(items.map((i) => i.id)).size === items.length;
}

/**
 * Reads a journey map from untrusted data (the clipboard): the journey record's own schema
 * (every field within the limits the board's commands enforce), plus what a schema cannot
 * say: ids unique, cards and moments on the copy's own stages and lanes, each card filed in
 * its own cell, no more cards or moments than a journey holds. So pasting what this accepts
 * is never refused half way. Null when anything is wrong: a bad copy is refused whole.
 */
export function parseJourney(raw: unknown): JourneySnapshot | null {
  const parsed = journeySchema.safeParse(raw);
  if (!parsed.success) return null;
  const journey = parsed.data;
  if (!uniqueIds(journey.stages) || !uniqueIds(journey.lanes)) return null;
  const stageIds = new Set(journey.stages.map((s) => s.id));
  const laneIds = new Set(journey.lanes.map((l) => l.id));
  let cardCount = 0;
  for (const [key, cards] of Object.entries(journey.cells)) {
    cardCount += cards.length;
    for (const card of cards) {
      if (!stageIds.has(card.stageId) || !laneIds.has(card.laneId)) return null;
      // A card listed under another cell would be pasted somewhere else than it was.
      if (cellKey(card.stageId, card.laneId) !== key) return null;
    }
  }
  if (cardCount > LIMITS.itemsPerJourney || journey.moments.length > LIMITS.itemsPerJourney) return null;
  if (journey.moments.some((m) => !stageIds.has(m.stageId))) return null;
  return journey;
}

/**
 * Writes a copy of `journey` with its top-left corner at `at`: stages (titles, both emotion
 * series), lanes, cards in cell order (text, colour, tags, evidence, redaction), moments of
 * truth, the header and the "why?" ladder, all with fresh ids. The persona link is kept when
 * that persona is on this board. Call inside `board.batch` (one undo step); returns the id.
 */
export function pasteJourney(
  board: BoardDoc,
  journey: JourneySnapshot,
  at: { x: number; y: number },
  pasted: ReadonlyMap<string, string> = new Map(),
): string {
  const id = board.addJourney({ kind: journey.kind, title: journey.title, x: at.x, y: at.y });
  const created = board.snapshot();
  // addJourney always lays out a lane preset: replace it with the copied lanes.
  for (const lane of created.journeys[id]?.lanes ?? []) board.deleteLane(id, lane.id);

  const laneIds = new Map<string, string>();
  let previous: string | undefined;
  for (const lane of journey.lanes) {
    previous = board.addLane(id, {
      type: lane.type,
      title: lane.title,
      ...(previous ? { after: previous } : {}),
    });
    laneIds.set(lane.id, previous);
  }
  const stageIds = new Map<string, string>();
  previous = undefined;
  for (const stage of journey.stages) {
    previous = board.addStage(id, { title: stage.title, ...(previous ? { after: previous } : {}) });
    stageIds.set(stage.id, previous);
    if (stage.emotion.asIs !== null) board.setEmotion(id, previous, 'asIs', stage.emotion.asIs);
    if (stage.emotion.toBe !== null) board.setEmotion(id, previous, 'toBe', stage.emotion.toBe);
  }
  for (const cards of Object.values(journey.cells)) {
    for (const card of cards) {
      const cardId = board.addCard(id, {
        stageId: stageIds.get(card.stageId)!,
        laneId: laneIds.get(card.laneId)!,
        text: card.text,
        color: card.color,
      });
      if (card.tags.length > 0 || card.evidence || card.redact)
        board.updateCard(id, cardId, { tags: card.tags, evidence: card.evidence, redact: card.redact });
    }
  }
  for (const moment of journey.moments) {
    board.addMoment(id, {
      stageId: stageIds.get(moment.stageId)!,
      type: moment.type,
      target: moment.target,
      current: moment.current,
    });
  }
  // A persona copied with the map (pasted before it: persona cards come first in the
  // registry) is the copy's persona; else the original, when it is on this board.
  const personaId =
    journey.personaId === null
      ? null
      : (pasted.get(journey.personaId) ??
        (Object.hasOwn(created.personas, journey.personaId) ? journey.personaId : null));
  board.updateJourney(id, {
    segment: journey.segment,
    scenarioGoal: journey.scenarioGoal,
    state: journey.state,
    endGoal: journey.endGoal,
    goalKind: journey.goalKind,
    personaId,
  });
  if (journey.whyLadder.length > 0) board.setWhyLadder(id, journey.whyLadder);
  return id;
}
