import { type DragEvent, memo, useState } from 'react';
import type { TFunction } from 'i18next';
import type { LaneSnapshot } from '../../shared/board';
import { useBoard, useBoardReadOnly } from '../board/BoardContext';
import { resolveReorder, sideOf } from './dragTargets';
import { EmotionControls } from './EmotionControls';
import { InlineField } from './InlineField';
import { JOURNEY_METRICS } from './layout';
import { laneTypeKey } from './reading';
import { STRUCTURE_DRAG_TYPE } from './StageHeader';
import { useJourneyUi } from './uiStore';

export interface LaneHeaderProps {
  journeyId: string;
  lane: LaneSnapshot;
  /** The name shown (own title or the type's translated name). */
  title: string;
  /** Lane ids top to bottom, to resolve drops. */
  order: readonly string[];
  y: number;
  height: number;
  /** Emotions lane: whether the to-be series is shown before the user chose. */
  toBeShownByDefault: boolean;
  t: TFunction;
}

/**
 * A lane's header on the left of its row: title edited in place, its type, a grip to drag
 * it up or down, and a menu (move up/down, delete). The emotions lane adds its legend and
 * series controls.
 */
export const LaneHeader = memo(function LaneHeader({
  journeyId,
  lane,
  title,
  order,
  y,
  height,
  toBeShownByDefault,
  t,
}: LaneHeaderProps) {
  const board = useBoard();
  // Viewing only: no grip and no menu (every item of it changes the map); the title is read-only.
  const readOnly = useBoardReadOnly();
  const [dropSide, setDropSide] = useState<'before' | 'after' | null>(null);
  const menuOpen = useJourneyUi((s) => s.popover?.kind === 'laneMenu' && s.popover.id === lane.id);
  const typeName = t(laneTypeKey(lane.type));

  const acceptsDrag = () => {
    const drag = useJourneyUi.getState().drag;
    return drag?.kind === 'lane' && drag.journeyId === journeyId;
  };
  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    if (!acceptsDrag()) return;
    event.preventDefault();
    const rect = event.currentTarget.getBoundingClientRect();
    const side = sideOf(rect.top, rect.height, event.clientY);
    if (side !== dropSide) setDropSide(side);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    const ui = useJourneyUi.getState();
    const drag = ui.drag;
    setDropSide(null);
    if (!acceptsDrag() || !drag) return;
    event.preventDefault();
    ui.setDrag(null);
    const rect = event.currentTarget.getBoundingClientRect();
    const target = resolveReorder(order, drag.id, lane.id, sideOf(rect.top, rect.height, event.clientY));
    if (target) board.moveLane(journeyId, drag.id, target);
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a drop zone for mouse drags; the lane menu moves lanes from the keyboard
    <div
      className={`jm-lane-header jm-lane-${lane.type}${dropSide ? ` is-drop-${dropSide}` : ''}`}
      style={{ left: JOURNEY_METRICS.padding, top: y, width: JOURNEY_METRICS.laneHeaderWidth, height }}
      data-lane-id={lane.id}
      onDragOver={onDragOver}
      onDragLeave={() => setDropSide(null)}
      onDrop={onDrop}
    >
      <div className="jm-lane-bar">
        {!readOnly && (
          <span
            className="jm-grip nodrag"
            draggable
            title={t('journey.lane.dragHint')}
            aria-hidden="true"
            onDragStart={(event) => {
              event.dataTransfer.setData(STRUCTURE_DRAG_TYPE, lane.id);
              event.dataTransfer.effectAllowed = 'move';
              useJourneyUi.getState().setDrag({ kind: 'lane', journeyId, id: lane.id });
            }}
            onDragEnd={() => useJourneyUi.getState().setDrag(null)}
          >
            ⠿
          </span>
        )}
        <InlineField
          multiline
          className="jm-lane-title"
          value={lane.title}
          placeholder={typeName}
          label={t('journey.lane.title', { title })}
          onCommit={(next) => board.renameLane(journeyId, lane.id, next)}
        />
        {!readOnly && (
          <button
            type="button"
            className="jm-icon-button nodrag nokey"
            data-popover-trigger
            aria-haspopup="menu"
            aria-expanded={menuOpen}
            aria-label={t('journey.lane.options', { title })}
            onClick={() => {
              const ui = useJourneyUi.getState();
              if (menuOpen) ui.closePopover();
              else ui.openPopover({ kind: 'laneMenu', journeyId, id: lane.id });
            }}
          >
            ⋯
          </button>
        )}
      </div>
      {lane.title.trim() && <div className="jm-lane-type">{typeName}</div>}
      {lane.type === 'emotions' && (
        <EmotionControls journeyId={journeyId} toBeShownByDefault={toBeShownByDefault} t={t} />
      )}
    </div>
  );
});
