import type { BlueprintSnapshot, BoardSnapshot, JourneySnapshot } from '../../../shared/board';
import { computeJourneyLayout } from '../journey/layout';
import { journeyNodeSizeNow } from '../journey/size';
import { useJourneyUi } from '../journey/uiStore';
import { BLUEPRINT_METRICS, type StageColumns } from './layout';

/**
 * Where blueprints are drawn. A linked blueprint has no position of its own on the canvas:
 * it is laid directly under its journey (same x, just below the map's current height), so
 * moving the journey or growing it moves the blueprint too, for everyone, with nothing
 * written. A standalone blueprint is where its record says.
 */

/** The linked journey of a blueprint, if it is on the board. */
export function linkedJourney(snapshot: BoardSnapshot, bp: BlueprintSnapshot): JourneySnapshot | undefined {
  return bp.journeyId !== null && Object.hasOwn(snapshot.journeys, bp.journeyId)
    ? snapshot.journeys[bp.journeyId]
    : undefined;
}

/** The canvas position of a blueprint laid under `journey`. */
export function positionUnder(journey: JourneySnapshot): { x: number; y: number } {
  return {
    x: journey.x,
    y: journey.y + journeyNodeSizeNow(journey).height + BLUEPRINT_METRICS.gapBelowJourney,
  };
}

/** Where `journey` draws its stage columns now (its reading of a reverse map included). */
export function stageColumnsOf(journey: JourneySnapshot): StageColumns {
  const view = useJourneyUi.getState().reverseView[journey.id] ?? 'build';
  return computeJourneyLayout(journey, view).columns;
}

let lastInput: { blueprints: BoardSnapshot['blueprints']; journeys: BoardSnapshot['journeys'] } | null = null;
let lastPlaced: Readonly<Record<string, BlueprintSnapshot>> = Object.create(null);
const placedCache = new WeakMap<BlueprintSnapshot, BlueprintSnapshot>();
/** The journey a placed linked blueprint was laid under (its latest snapshot). */
const journeyOfPlaced = new WeakMap<BlueprintSnapshot, JourneySnapshot>();

/** The journey a blueprint from `placedBlueprints` follows, if linked (for its size). */
export function placedJourney(record: BlueprintSnapshot): JourneySnapshot | undefined {
  return journeyOfPlaced.get(record);
}

/**
 * The board's blueprints with linked ones at their place under their journey. The same
 * object comes back while neither blueprints nor journeys changed, and a blueprint whose
 * place did not change keeps its identity, so the canvas re-renders nothing needlessly.
 */
export function placedBlueprints(snapshot: BoardSnapshot): Readonly<Record<string, BlueprintSnapshot>> {
  if (lastInput?.blueprints === snapshot.blueprints && lastInput.journeys === snapshot.journeys)
    return lastPlaced;
  const placed: Record<string, BlueprintSnapshot> = Object.create(null);
  let same = lastInput !== null && Object.keys(lastPlaced).length === Object.keys(snapshot.blueprints).length;
  for (const [id, bp] of Object.entries(snapshot.blueprints)) {
    const journey = linkedJourney(snapshot, bp);
    let record = bp;
    if (journey) {
      const at = positionUnder(journey);
      const cached = placedCache.get(bp);
      record = cached && cached.x === at.x && cached.y === at.y ? cached : { ...bp, ...at };
      placedCache.set(bp, record);
      journeyOfPlaced.set(record, journey);
    }
    placed[id] = record;
    if (!Object.hasOwn(lastPlaced, id) || lastPlaced[id] !== record) same = false;
  }
  lastInput = { blueprints: snapshot.blueprints, journeys: snapshot.journeys };
  if (!same) lastPlaced = placed;
  return lastPlaced;
}
