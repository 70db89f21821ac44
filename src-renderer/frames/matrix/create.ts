import type { BoardDoc, JourneySnapshot } from '../../../shared/board';
import { journeyNodeSizeNow } from '../journey/size';

/** Gap between a journey map and the matrix created beside it. */
export const BESIDE_GAP = 120;

/**
 * Adds an AI matrix that follows `journey`, to the right of the map (the canvas then moves it
 * to the nearest free space). Returns the new matrix's id.
 */
export function addMatrixBeside(board: BoardDoc, journey: JourneySnapshot, title: string): string {
  const { width } = journeyNodeSizeNow(journey);
  return board.addMatrix({ journeyId: journey.id, title, x: journey.x + width + BESIDE_GAP, y: journey.y });
}
