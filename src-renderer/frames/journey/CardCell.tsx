import { type DragEvent, memo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardSnapshot, LaneType, MetricSnapshot } from '../../../shared/board';
import { useBoard, useBoardReadOnly } from '../../board/BoardContext';
import { useZoomDetail } from '../../canvas/detail';
import { MetricChips } from '../../stage-metrics/MetricChips';
import { useMetricDialog } from '../../stage-metrics/store';
import { insertionIndex, resolveCardDrop } from './dragTargets';
import { CARD_DRAG_TYPE, JourneyCard } from './JourneyCard';
import { COMPACT_ZOOM, JOURNEY_METRICS } from './layout';
import { colorClass, colorStyle } from './palette';
import { defaultCardColor } from './reading';
import { useJourneyUi } from './uiStore';

export interface CardCellProps {
  journeyId: string;
  stageId: string;
  laneId: string;
  laneType: LaneType;
  /** For accessible names: "Add card: <stage> · <lane>". */
  stageTitle: string;
  laneTitle: string;
  cards: readonly CardSnapshot[] | undefined;
  /** The stage's metrics when this cell shows them (the journey's first Metrics lane), else undefined. */
  metrics?: readonly MetricSnapshot[] | undefined;
  x: number;
  y: number;
  height: number;
}

const EMPTY: readonly CardSnapshot[] = [];

/**
 * One stage × lane cell: its cards in order, an "add card" button, and a drop zone for
 * cards dragged from any cell of the same journey (the insertion slot follows the pointer).
 */
export const CardCell = memo(function CardCell({
  journeyId,
  stageId,
  laneId,
  laneType,
  stageTitle,
  laneTitle,
  cards = EMPTY,
  metrics,
  x,
  y,
  height,
}: CardCellProps) {
  const { t } = useTranslation();
  const board = useBoard();
  // Zoomed out below COMPACT_ZOOM: cards as plain tiles, no controls. Cells switch one by
  // one when the zoom crosses it (nearest to the view first), not all cards at once; a cell
  // whose card is being edited keeps its cards, so zooming out does not drop the draft.
  const zoomedOut = !useZoomDetail(COMPACT_ZOOM, journeyId, {
    offset: { x: x + JOURNEY_METRICS.stageWidth / 2, y: y + height / 2 },
    weight: cards.length + (metrics?.length ?? 0),
  });
  const editingHere = useJourneyUi(
    (s) => s.editingCardId !== null && cards.some((card) => card.id === s.editingCardId),
  );
  const compact = zoomedOut && !editingHere;
  // Viewing only: no "add card" button (and no drags start, so the drop zone stays idle).
  const readOnly = useBoardReadOnly();
  const listRef = useRef<HTMLUListElement>(null);
  const [slot, setSlot] = useState<number | null>(null);

  /** The insertion slot under the pointer, from the cards' on-screen midpoints (zoom-proof). */
  const slotAt = (clientY: number): number => {
    const items = listRef.current?.querySelectorAll<HTMLElement>('[data-card-id]') ?? [];
    const mids = Array.from(items, (el) => {
      const r = el.getBoundingClientRect();
      return r.top + r.height / 2;
    });
    return insertionIndex(mids, clientY);
  };

  const acceptsDrag = (event: DragEvent): boolean => {
    const drag = useJourneyUi.getState().drag;
    return (
      drag?.kind === 'card' &&
      drag.journeyId === journeyId &&
      event.dataTransfer.types.includes(CARD_DRAG_TYPE)
    );
  };

  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    if (!acceptsDrag(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    const next = slotAt(event.clientY);
    if (next !== slot) setSlot(next);
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    const ui = useJourneyUi.getState();
    const drag = ui.drag;
    setSlot(null);
    if (!acceptsDrag(event) || drag?.kind !== 'card') return;
    event.preventDefault();
    ui.setDrag(null);
    const index = resolveCardDrop(drag, { stageId, laneId, slot: slotAt(event.clientY) });
    if (index !== null) board.moveCard(journeyId, drag.id, { stageId, laneId, index });
  };

  const addCard = () => {
    const id = board.addCard(journeyId, { stageId, laneId, color: defaultCardColor(laneType) });
    useJourneyUi.getState().setEditingCard(id);
  };

  const m = JOURNEY_METRICS;
  if (compact) {
    return (
      <div className="jm-cell is-compact" style={{ left: x, top: y, width: m.stageWidth, height }}>
        {metrics && metrics.length > 0 && (
          <MetricChips journeyId={journeyId} stageTitle={stageTitle} metrics={metrics} compact />
        )}
        <ul
          className="jm-cell-list"
          aria-label={t('journey.cell.label', { stage: stageTitle, lane: laneTitle })}
        >
          {cards.map((card) => (
            <li
              key={card.id}
              className={`jm-card jm-card-tile ${colorClass(card.color)}`}
              style={colorStyle(card.color)}
              title={card.text}
            />
          ))}
        </ul>
      </div>
    );
  }
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a drop zone for mouse drags; keyboard users move cards from the card editor
    <div
      className={`jm-cell${slot !== null ? ' is-drop-target' : ''}`}
      style={{ left: x, top: y, width: m.stageWidth, height }}
      data-stage-id={stageId}
      data-lane-id={laneId}
      onDragOver={onDragOver}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setSlot(null);
      }}
      onDrop={onDrop}
    >
      {metrics && metrics.length > 0 && (
        <MetricChips journeyId={journeyId} stageTitle={stageTitle} metrics={metrics} compact={false} />
      )}
      <ul
        className="jm-cell-list"
        ref={listRef}
        aria-label={t('journey.cell.label', { stage: stageTitle, lane: laneTitle })}
      >
        {cards.map((card, index) => (
          <li key={card.id} className="jm-card-slot">
            {slot === index && <div className="jm-drop-line" aria-hidden="true" />}
            <JourneyCard journeyId={journeyId} card={card} index={index} laneType={laneType} t={t} />
          </li>
        ))}
        {slot === cards.length && <li className="jm-drop-line" aria-hidden="true" />}
      </ul>
      {!readOnly && metrics === undefined && (
        <button
          type="button"
          className="jm-add-card nodrag nokey"
          aria-label={t('journey.card.add', { stage: stageTitle, lane: laneTitle })}
          onClick={addCard}
        >
          + {t('journey.card.addShort')}
        </button>
      )}
      {!readOnly && metrics !== undefined && (
        <div className="sm-cell-actions">
          <button
            type="button"
            className="jm-add-card sm-add-metric nodrag nokey"
            aria-label={t('metrics.lane.add', { stage: stageTitle })}
            onClick={() => useMetricDialog.getState().show({ kind: 'add', journeyId, stageId })}
          >
            + {t('metrics.lane.addShort')}
          </button>
          <button
            type="button"
            className="jm-add-card nodrag nokey"
            aria-label={t('journey.card.add', { stage: stageTitle, lane: laneTitle })}
            onClick={addCard}
          >
            + {t('journey.card.addShort')}
          </button>
        </div>
      )}
    </div>
  );
});
