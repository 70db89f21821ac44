import type { BlueprintSnapshot } from '../../../shared/board';
import { journeyNodeSizeNow } from '../journey/size';
import { defineFrameKind } from '../types';
import { BlueprintCreateTool } from './BlueprintCreateTool';
import { BlueprintFrame } from './BlueprintFrame';
import { parseBlueprint, pasteBlueprint } from './copy';
import { BlueprintFarFrame } from './FarFrame';
import { BLUEPRINT_METRICS, computeBlueprintLayout, mirroredSteps } from './layout';
import { placedBlueprints, placedJourney, stageColumnsOf } from './place';
import { blueprintLabel } from './reading';

/** The service blueprint as a frame kind of the canvas (DOMAIN 2.4). */
export const blueprintFrame = defineFrameKind<BlueprintSnapshot>({
  type: 'blueprint',
  records: placedBlueprints,
  sizeOf: (bp) => {
    const journey = placedJourney(bp);
    const { width, height } = computeBlueprintLayout(
      bp,
      journey ? stageColumnsOf(journey) : null,
      mirroredSteps(bp, journey),
    );
    return { width, height };
  },
  // A cell per column and lane, and its cards.
  detailWeight: (bp) => (bp.columns.length * bp.lanes.length) / 3 + Object.keys(bp.cells).length / 2,
  Detailed: BlueprintFrame,
  Far: BlueprintFarFrame,
  label: blueprintLabel,
  minimapColor: '#bae6fd',
  moveTo: (board, id, at) => {
    const snapshot = board.snapshot();
    const bp = Object.hasOwn(snapshot.blueprints, id) ? snapshot.blueprints[id] : undefined;
    const journey =
      bp?.journeyId && Object.hasOwn(snapshot.journeys, bp.journeyId)
        ? snapshot.journeys[bp.journeyId]
        : undefined;
    // A linked blueprint lives under its map: moving it moves the map with it.
    if (journey)
      board.updateJourney(journey.id, {
        x: at.x,
        y: at.y - journeyNodeSizeNow(journey).height - BLUEPRINT_METRICS.gapBelowJourney,
      });
    else board.updateBlueprint(id, at);
  },
  remove: (board, id) => board.deleteBlueprint(id),
  CreateTool: BlueprintCreateTool,
  parse: parseBlueprint,
  paste: pasteBlueprint,
});
