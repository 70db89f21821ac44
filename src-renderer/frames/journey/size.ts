import type { JourneySnapshot } from '../../../shared/board';
import { journeyNodeSize } from './layout';
import { useJourneyUi } from './uiStore';

/**
 * The size the journey node has right now (its reading of a reverse map included), for
 * the canvas to pass as the node's `initialWidth`/`initialHeight`: React Flow uses it for
 * bounds, culling and the minimap until it has measured the DOM, which has the same size.
 */
export function journeyNodeSizeNow(journey: JourneySnapshot): { width: number; height: number } {
  return journeyNodeSize(journey, useJourneyUi.getState().reverseView[journey.id] ?? 'build');
}
