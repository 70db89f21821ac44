import type { CardSnapshot, JourneySnapshot, MomentSnapshot, StageSnapshot } from '../../../shared/board';

/**
 * Structural sharing for journey snapshots. The document model re-reads a whole journey
 * when anything in it changes, so every card comes back as a new object; memoised cells and
 * cards would then all re-render on each keystroke. This reuses the previous objects for
 * every card, cell, stage and moment whose content is unchanged, so React skips them.
 */

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

function sameCard(a: CardSnapshot, b: CardSnapshot): boolean {
  return (
    a.id === b.id &&
    a.stageId === b.stageId &&
    a.laneId === b.laneId &&
    a.text === b.text &&
    a.color === b.color &&
    a.evidence === b.evidence &&
    a.redact === b.redact &&
    sameStrings(a.tags, b.tags)
  );
}

function sameStage(a: StageSnapshot, b: StageSnapshot): boolean {
  return (
    a.id === b.id &&
    a.title === b.title &&
    a.emotion.asIs === b.emotion.asIs &&
    a.emotion.toBe === b.emotion.toBe
  );
}

function sameMoment(a: MomentSnapshot, b: MomentSnapshot): boolean {
  return (
    a.id === b.id &&
    a.stageId === b.stageId &&
    a.type === b.type &&
    a.target === b.target &&
    a.current === b.current
  );
}

/** `next` with the items equal to those of `prev` replaced by them; the list itself reused when all are. */
function shareList<T extends { id: string }>(
  prev: readonly T[] | undefined,
  next: readonly T[],
  same: (a: T, b: T) => boolean,
): T[] {
  if (!prev) return next as T[];
  const byId = new Map(prev.map((item) => [item.id, item]));
  let allReused = prev.length === next.length;
  const out = next.map((item, i) => {
    const old = byId.get(item.id);
    if (old && same(old, item)) {
      if (prev[i] !== old) allReused = false;
      return old;
    }
    allReused = false;
    return item;
  });
  return allReused ? (prev as T[]) : out;
}

/** `next`, sharing every unchanged part with `prev` (the previous result for the same journey). */
export function shareJourney(prev: JourneySnapshot | undefined, next: JourneySnapshot): JourneySnapshot {
  if (!prev || prev === next || prev.id !== next.id) return next;
  const cells: Record<string, CardSnapshot[]> = {};
  for (const [key, cards] of Object.entries(next.cells))
    cells[key] = shareList(prev.cells[key], cards, sameCard);
  const stages = shareList(prev.stages, next.stages, sameStage);
  const moments = shareList(prev.moments, next.moments, sameMoment);
  const lanes = shareList(prev.lanes, next.lanes, (a, b) => a.type === b.type && a.title === b.title);
  const whyLadder = sameStrings(prev.whyLadder, next.whyLadder) ? prev.whyLadder : next.whyLadder;
  return { ...next, cells, stages, moments, lanes, whyLadder };
}
