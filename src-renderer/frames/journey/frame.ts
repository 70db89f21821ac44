import { createElement } from 'react';
import type { JourneySnapshot } from '../../../shared/board';
import { defineFrameKind, type FrameDrawingProps } from '../types';
import { parseJourney, pasteJourney } from './copy';
import { JourneyFarFrame } from './FarFrame';
import { JourneyFrame } from './JourneyFrame';
import { JourneyPresetPicker } from './JourneyPresetPicker';
import { journeyNodeSizeNow } from './size';
import { shareJourney } from './stable';
import { useJourneyUi } from './uiStore';

/** The far-zoom picture, in the reading (build / forward) the map is shown in. */
function JourneyFar({ record, selected }: FrameDrawingProps<JourneySnapshot>) {
  const view = useJourneyUi((s) => s.reverseView[record.id] ?? 'build');
  return createElement(JourneyFarFrame, { journey: record, view, selected });
}

/** The journey map (CJM, reverse CJM, EJM) as a frame kind of the canvas. */
export const journeyFrame = defineFrameKind<JourneySnapshot>({
  type: 'journey',
  records: (snapshot) => snapshot.journeys,
  stabilize: shareJourney,
  sizeOf: journeyNodeSizeNow,
  // Drawing the frame in detail mounts a header per stage and lane and a cell per both:
  // as much work as a few stickies per cell.
  detailWeight: (journey) => (journey.stages.length * journey.lanes.length) / 3,
  Detailed: JourneyFrame,
  Far: JourneyFar,
  label: (journey, t) => {
    const title = journey.title.trim().slice(0, 80);
    return title
      ? t('canvas.node.named', { kind: t('journey.node.kind'), text: title })
      : t('journey.node.kind');
  },
  minimapColor: '#c7d2fe',
  moveTo: (board, id, at) => board.updateJourney(id, { x: at.x, y: at.y }),
  remove: (board, id) => board.deleteJourney(id),
  CreateTool: JourneyPresetPicker,
  parse: parseJourney,
  paste: pasteJourney,
});
