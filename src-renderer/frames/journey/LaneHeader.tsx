import { memo } from 'react';
import type { TFunction } from 'i18next';
import type { JourneyKind, LaneSnapshot } from '../../../shared/board';
import { useBoard, useBoardReadOnly } from '../../board/BoardContext';
import { EmotionControls } from './EmotionControls';
import { InlineField } from '../common/InlineField';
import { JOURNEY_METRICS } from './layout';
import { laneTypeName } from './reading';
import { STRUCTURE_DRAG_TYPE } from './StageHeader';
import { useJourneyUi } from './uiStore';
import { useReorderDrop } from './useReorderDrop';

export interface LaneHeaderProps {
  journeyId: string;
  /** The map's kind: an employee map names its lanes after the employee. */
  journeyKind: JourneyKind;
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
  journeyKind,
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
  const menuOpen = useJourneyUi((s) => s.popover?.kind === 'laneMenu' && s.popover.id === lane.id);
  const typeName = laneTypeName(lane.type, journeyKind, t);
  const drop = useReorderDrop({
    kind: 'lane',
    journeyId,
    itemId: lane.id,
    order,
    axis: 'y',
    move: (draggedId, target) => board.moveLane(journeyId, draggedId, target),
  });
  const dropSide = drop.dropSide;

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a drop zone for mouse drags; the lane menu moves lanes from the keyboard
    <div
      className={`jm-lane-header jm-lane-${lane.type}${dropSide ? ` is-drop-${dropSide}` : ''}`}
      style={{ left: JOURNEY_METRICS.padding, top: y, width: JOURNEY_METRICS.laneHeaderWidth, height }}
      data-lane-id={lane.id}
      onDragOver={drop.onDragOver}
      onDragLeave={drop.onDragLeave}
      onDrop={drop.onDrop}
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
