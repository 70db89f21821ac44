import { useTranslation } from 'react-i18next';
import type { BoardSnapshot, LaneType } from '../../shared/board';
import { LANE_TYPES } from '../../shared/board';
import { buildDeck, DECK_DEFAULT_LANES } from '../../shared/export/deck';
import { EXPORT_LANGUAGES, type ExportLanguage } from '../../shared/export/language';
import { type DeckPicture, writeDeckPptx } from '../../shared/export/pptx';
import { journeysInFrame } from '../../shared/export/scope';
import { canvasSelector } from '../canvas/viewModel';
import { defineDialogFormat, type ExportRequest, type FormatOptionsProps } from './dialogFormats';
import { mountExportStage } from './ExportStage';
import { canvasToPng, renderPicture } from './picture';
import { itemsInScope } from './scope';

/** PPTX options: which lanes the stage tables show. */
export interface DeckOptions {
  lanes: readonly LaneType[];
}

/** The journeys an export scope covers, top to bottom then left to right. */
export function journeysOfScope(board: BoardSnapshot, request: Pick<ExportRequest, 'scope'>): string[] {
  const ids = itemsInScope(canvasSelector()(board), request.scope);
  const found = new Set<string>();
  for (const id of ids) {
    if (Object.hasOwn(board.journeys, id)) found.add(id);
    // Frames hanging on a journey (AI matrix, blueprint, …) bring their journey.
    for (const collection of [board.matrices, board.blueprints] as const) {
      if (!Object.hasOwn(collection, id)) continue;
      const journeyId = (collection[id] as { journeyId?: string | null }).journeyId;
      if (journeyId && Object.hasOwn(board.journeys, journeyId)) found.add(journeyId);
    }
    const element = Object.hasOwn(board.elements, id) ? board.elements[id] : undefined;
    if (element?.type === 'frame') for (const j of journeysInFrame(board, element)) found.add(j.id);
  }
  return [...found].sort((a, b) => {
    const ja = board.journeys[a]!;
    const jb = board.journeys[b]!;
    return ja.y - jb.y || ja.x - jb.x || (a < b ? -1 : 1);
  });
}

function DeckOptionsFields({ value, onChange }: FormatOptionsProps<DeckOptions>) {
  const { t } = useTranslation();
  const choices = LANE_TYPES.filter((type) => type !== 'emotions' && type !== 'moments');
  return (
    <fieldset className="cx-export__lanes">
      <legend>{t('export.pptx.lanes')}</legend>
      {choices.map((type) => (
        <label key={type} className="cx-export__check">
          <input
            type="checkbox"
            checked={value.lanes.includes(type)}
            onChange={(event) =>
              onChange({
                lanes: event.target.checked ? [...value.lanes, type] : value.lanes.filter((l) => l !== type),
              })
            }
          />
          {t(`journey.lane.type.${type}`)}
        </label>
      ))}
    </fieldset>
  );
}

/** Pixels per canvas unit of a map picture on a slide (sharp on a projector, not huge). */
const MAP_PICTURE_SCALE = 1.5;

export const pptxFormat = defineDialogFormat<DeckOptions>({
  format: 'pptx',
  labelKey: 'export.format.pptx',
  accepts: (request) => journeysOfScope(request.board.snapshot(), request).length > 0,
  defaults: { lanes: DECK_DEFAULT_LANES },
  Options: DeckOptionsFields,
  async produce(request, options, task) {
    const snapshot = request.board.snapshot();
    const journeyIds = journeysOfScope(snapshot, request);
    const pictures = new Map<string, DeckPicture>();
    for (const [index, journeyId] of journeyIds.entries()) {
      task.signal.throwIfAborted();
      const stage = await mountExportStage({
        ...request,
        scope: { kind: 'frame', id: journeyId },
        signal: task.signal,
      });
      try {
        const canvas = await renderPicture(stage, { scale: MAP_PICTURE_SCALE, background: 'white' });
        pictures.set(journeyId, {
          png: await canvasToPng(canvas),
          width: canvas.width,
          height: canvas.height,
        });
      } finally {
        stage.dispose();
      }
      task.progress((0.8 * (index + 1)) / journeyIds.length);
    }
    const deck = buildDeck(snapshot, journeyIds, {
      language: (EXPORT_LANGUAGES as readonly string[]).includes(request.language)
        ? (request.language as ExportLanguage)
        : 'en',
      redaction: request.redaction,
      lanes: options.lanes,
      date: new Date(),
    });
    return writeDeckPptx(deck, pictures, {
      checkpoint: async () => task.signal.throwIfAborted(),
    });
  },
});
