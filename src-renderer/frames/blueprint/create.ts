import type { BoardDoc } from '../../../shared/board';
import type { SessionStore } from '../../board/sessionStore';
import { positionUnder } from './place';

/**
 * Lays a new service blueprint under a journey map (one undo step) and selects it. Its
 * columns are the journey's stages; its place is under the map, wherever the map goes.
 * Returns its id, or null when the board refused (the journey is gone, viewing only).
 */
export function addBlueprintUnder(
  board: BoardDoc,
  session: SessionStore,
  journeyId: string,
  title: string,
): string | null {
  const journey = board.snapshot().journeys[journeyId];
  if (!journey || !Object.hasOwn(board.snapshot().journeys, journeyId)) return null;
  try {
    // The stored position is where it is drawn now; it is used again if it is detached.
    const id = board.addBlueprint({ journeyId, title, ...positionUnder(journey) });
    session.getState().setSelection([id]);
    return id;
  } catch {
    return null;
  }
}
